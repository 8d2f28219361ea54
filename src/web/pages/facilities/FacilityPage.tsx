import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { findFacilities, getFacility } from '../../api/facilities-endpoints.ts';
import type { FacilityPage as Facility } from '../../api/facilities-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { FacilityMap } from '../../components/facilities/FacilityMap.tsx';
import { formatDistance, todayInShanghai } from '../../components/facilities/facility-format.ts';
import { useFacilityWords } from '../../components/facilities/use-facility-words.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';

const NEIGHBOURS = 10;

/** One facility: where, when open, what it offers, who runs it, and its neighbours. */
export function FacilityPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const load = useCallback(() => getFacility(code), [code]);
  const [state] = useApiResource(load);
  useDocumentTitle(state.status === 'ready' ? state.data.name : t('facilities.page.title'));

  if (state.status === 'loading') {
    return (
      <p className="status-message" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    if (state.error.status === 404) return <NotFoundPage />;
    return (
      <p className="notice notice--error" role="alert">
        {state.error.message}
      </p>
    );
  }
  return <FacilityView facility={state.data} />;
}

function FacilityView({ facility }: { facility: Facility }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const words = useFacilityWords();
  const today = todayInShanghai();

  return (
    <article className="facility-page">
      <p className="facility-page__back">
        <Link to="/facilities">{t('facilities.page.back')}</Link>
      </p>
      <PageHeading>
        <span lang="zh-CN">{facility.name}</span>
      </PageHeading>
      <p className="facility-page__badges">
        <span className="badge">{words.nameType(facility.nameType)}</span>{' '}
        <span className="badge badge--plain">{words.tier(facility.tier)}</span>{' '}
        <span className={`badge ${facility.isOpenNow ? 'badge--success' : 'badge--muted'}`}>
          {facility.isOpenNow ? t('facilities.openNow') : t('facilities.closedNow')}
        </span>
      </p>
      {!facility.isOpenNow && (
        <p className="facility-page__next">
          {facility.nextOpening
            ? t('facilities.page.nextOpening', { when: formatDateTime(facility.nextOpening, language) })
            : t('facilities.page.neverOpens')}
        </p>
      )}

      <div className="facility-page__grid">
        <section className="panel facility-page__section" aria-labelledby="facility-where">
          <h2 id="facility-where">{t('facilities.page.whereTitle')}</h2>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('facilities.page.districtStreet')}</dt>
              <dd>
                {facility.districtName} · {facility.streetName}
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('facilities.page.address')}</dt>
              <dd lang="zh-CN">{facility.address}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('facilities.page.coordinates')}</dt>
              <dd>
                {facility.lat.toFixed(5)}, {facility.lng.toFixed(5)}
              </dd>
            </div>
          </dl>
        </section>

        <section className="panel facility-page__section" aria-labelledby="facility-hours">
          <h2 id="facility-hours">{t('facilities.page.hoursTitle')}</h2>
          <table className="facility-hours">
            <caption className="visually-hidden">{t('facilities.page.hoursCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facilities.page.day')}</th>
                <th scope="col">{t('facilities.page.hours')}</th>
              </tr>
            </thead>
            <tbody>
              {facility.weeklyHours.map((entry) => (
                <tr key={entry.day} className={entry.day === today ? 'facility-hours__today' : undefined}>
                  <th scope="row">
                    {words.day(entry.day)}
                    {entry.day === today && (
                      <span className="facility-hours__mark">{t('facilities.page.today')}</span>
                    )}
                  </th>
                  <td>
                    {entry.ranges.length === 0
                      ? t('facilities.page.closed')
                      : entry.ranges
                          .map((range) => `${range.from}–${range.to}`)
                          .join(t('common.listSeparator'))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="panel facility-page__section" aria-labelledby="facility-services">
          <h2 id="facility-services">{t('facilities.page.servicesTitle')}</h2>
          {facility.services.length === 0 ? (
            <p>{t('facilities.page.noServices')}</p>
          ) : (
            <ul className="facility-services">
              {facility.services.map((service) => (
                <li key={service.key}>
                  <Link
                    to={`/facilities?near=${facility.lat},${facility.lng}&place=coords&service=${service.key}`}
                  >
                    {service.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <p className="field__hint">{t('facilities.page.servicesHint')}</p>
        </section>

        <section className="panel facility-page__section" aria-labelledby="facility-operator">
          <h2 id="facility-operator">{t('facilities.page.operatorTitle')}</h2>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('facilities.page.operatorModel')}</dt>
              <dd>{words.operatorModel(facility.operatorModel)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('facilities.page.operatorName')}</dt>
              <dd lang="zh-CN">{facility.operatorName ?? t('common.none')}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('facilities.page.staffCount')}</dt>
              <dd>
                {facility.staffCount === null
                  ? t('common.none')
                  : t('facilities.page.staff', { count: facility.staffCount })}
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('facilities.page.built')}</dt>
              <dd>{t('facilities.page.year', { year: facility.builtYear })}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('facilities.page.renovated')}</dt>
              <dd>
                {facility.renovatedYear === null
                  ? t('facilities.page.notRenovated')
                  : t('facilities.page.year', { year: facility.renovatedYear })}
              </dd>
            </div>
          </dl>
          <h3>{t('facilities.page.terminalsTitle')}</h3>
          {facility.terminals.length === 0 ? (
            <p>{t('facilities.page.noTerminals')}</p>
          ) : (
            <ul className="facility-terminals">
              {facility.terminals.map((terminal) => (
                <li key={terminal.id}>
                  <span lang="zh-CN">{terminal.model}</span>{' '}
                  <span className="facility-terminals__meta">
                    {t('facilities.page.terminal', {
                      id: terminal.id,
                      date: formatDate(terminal.installedOn, language),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <Neighbours facility={facility} />
    </article>
  );
}

/** The facility among its nearest neighbours: a small map and the same list in words. */
function Neighbours({ facility }: { facility: Facility }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const words = useFacilityWords();
  const load = useCallback(
    () => findFacilities({ near: `${facility.lat},${facility.lng}`, limit: NEIGHBOURS + 1 }),
    [facility.lat, facility.lng],
  );
  const [state] = useApiResource(load);
  const items = state.status === 'ready' ? state.data.items : [];
  const others = items.filter((item) => item.code !== facility.code);

  return (
    <section className="facility-page__neighbours" aria-labelledby="facility-neighbours">
      <h2 id="facility-neighbours">{t('facilities.page.neighboursTitle')}</h2>
      {state.status === 'loading' && (
        <p className="status-message" role="status">
          {t('common.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && (
        <div className="facility-finder__layout">
          <ol className="facility-neighbours">
            {others.map((item, index) => (
              <li key={item.code}>
                <span className="facility-result__marker facility-result__marker--small" aria-hidden="true">
                  {index + 1}
                </span>
                <span>
                  <Link to={`/facilities/${encodeURIComponent(item.code)}`} lang="zh-CN">
                    {item.name}
                  </Link>{' '}
                  <span className="facility-neighbours__meta">
                    {item.distanceMeters !== undefined && formatDistance(item.distanceMeters, language)} ·{' '}
                    {words.tier(item.tier)}
                  </span>
                </span>
              </li>
            ))}
          </ol>
          <div className="facility-finder__map">
            <FacilityMap
              title={t('facilities.map.neighboursTitle', { name: facility.name })}
              points={[
                { ...facility, label: '★' },
                ...others.map((item, index) => ({ ...item, label: String(index + 1) })),
              ]}
              current={facility.code}
            />
          </div>
        </div>
      )}
    </section>
  );
}
