import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getStreetConsole, recomputeStreet, type StreetConsole } from '../../../api/facilities-endpoints.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { useFacilityWords } from '../../../components/facilities/use-facility-words.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { number, percent, shanghaiDate, shanghaiDateTime } from './console-format.ts';
import { RecommendationCard } from './RecommendationCard.tsx';
import { UtilisationSection } from './UtilisationSection.tsx';

/** One street's console: its facilities, their utilisation charts, the recommendations. */
export function StreetConsoleView({ street }: { street: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => getStreetConsole(street), [street]);
  const [state, reload] = useApiResource(load);
  useDocumentTitle(
    state.status === 'ready'
      ? t('facilityConsole.streetTitle', { street: state.data.street.name })
      : t('facilityConsole.title'),
  );
  if (state.status === 'loading')
    return (
      <p className="status-message" role="status">
        {t('facilityConsole.loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <>
        <PageHeading>{t('facilityConsole.title')}</PageHeading>
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      </>
    );
  return <StreetConsoleBody data={state.data} reload={reload} />;
}

function StreetConsoleBody({ data, reload }: { data: StreetConsole; reload(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const words = useFacilityWords();
  const [status, setStatus] = useState('');
  const weeks = data.facilities.find((f) => f.utilisation)?.utilisation?.weeks ?? 4;

  async function recompute() {
    try {
      await recomputeStreet(data.street.code);
      setStatus(t('facilityConsole.recomputeQueued'));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <PageHeading>{t('facilityConsole.streetTitle', { street: data.street.name })}</PageHeading>
      <p className="lead">{t('facilityConsole.lead')}</p>
      <ul className="link-list">
        <li>
          <Link to="/facilities/console/import">{t('facilityConsole.importLink')}</Link>
        </li>
      </ul>
      <p>
        {data.window
          ? t('facilityConsole.window', {
              from: shanghaiDate(data.window.from, language),
              to: shanghaiDate(data.window.to, language),
              weeks,
              computedAt: shanghaiDateTime(data.window.computedAt, language),
            })
          : t('facilityConsole.noWindow')}
      </p>
      <p className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void recompute()}>
          {t('facilityConsole.recompute')}
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={reload}>
          {t('facilityConsole.refresh')}
        </button>
      </p>
      <p role="status" className="status-message">
        {status}
      </p>

      <section aria-labelledby="console-facilities">
        <h2 id="console-facilities">{t('facilityConsole.facilitiesTitle')}</h2>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('facilityConsole.facilitiesCaption')}
        >
          <table className="stat-table console-table">
            <caption className="visually-hidden">{t('facilityConsole.facilitiesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facilityConsole.col.facility')}</th>
                <th scope="col">{t('facilityConsole.col.tier')}</th>
                <th scope="col" className="stat-table__number">
                  {t('facilityConsole.col.utilisation')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('facilityConsole.col.over')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('facilityConsole.col.under')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('facilityConsole.col.visits')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('facilityConsole.col.terminals')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.facilities.map((facility) => {
                const usage = facility.utilisation;
                const visits = usage
                  ? (usage.checkIns + usage.sessions + usage.terminalTransactions) / usage.weeks
                  : 0;
                return (
                  <tr key={facility.code}>
                    <th scope="row">
                      <Link to={`/facilities/${facility.code}`}>{facility.name}</Link>
                    </th>
                    <td>{words.tier(facility.tier)}</td>
                    <td className="stat-table__number">{percent(usage?.utilisation ?? null, language)}</td>
                    <td className="stat-table__number">
                      {usage?.services.filter((s) => s.band === 'over').length ?? 0}
                    </td>
                    <td className="stat-table__number">
                      {usage?.services.filter((s) => s.band === 'under').length ?? 0}
                    </td>
                    <td className="stat-table__number">{number(visits, language, 0)}</td>
                    <td className="stat-table__number">
                      <Link
                        to={`/facilities/console/facilities/${facility.code}/terminals`}
                        aria-label={`${t('facilityConsole.manageTerminals')}: ${facility.name}`}
                      >
                        {facility.terminals.active}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <UtilisationSection data={data} onSaved={reload} />

      <section aria-labelledby="console-recommendations">
        <h2 id="console-recommendations">{t('facilityConsole.recommendationsTitle')}</h2>
        {data.recommendations.length === 0 && <p>{t('facilityConsole.noRecommendations')}</p>}
        {data.recommendations.map((recommendation) => (
          <RecommendationCard
            key={recommendation.id}
            recommendation={recommendation}
            onDecided={(message) => {
              setStatus(message);
              reload();
            }}
          />
        ))}
      </section>
    </>
  );
}
