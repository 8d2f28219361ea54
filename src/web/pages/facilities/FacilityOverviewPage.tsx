import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getFacilityStats } from '../../api/facilities-endpoints.ts';
import type { FacilityStats } from '../../api/facilities-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TIERS, formatShare } from '../../components/facilities/facility-format.ts';
import { useFacilityWords } from '../../components/facilities/use-facility-words.ts';
import '../../components/facilities/facilities.css';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

/** The network in figures, from `GET /api/v1/facilities/stats`: tables first, bars drawn in CSS. */
export function FacilityOverviewPage() {
  const { t } = useTranslation();
  const [state] = useApiResource(getFacilityStats);
  useDocumentTitle(t('facilities.overview.title'));
  return (
    <>
      <PageHeading>{t('facilities.overview.title')}</PageHeading>
      <p className="lead">{t('facilities.overview.lead')}</p>
      <p>
        <Link to="/facilities">{t('facilities.overview.finderLink')}</Link>
      </p>
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
      {state.status === 'ready' && <Overview stats={state.data} />}
    </>
  );
}

function Bar({ value, max }: { value: number; max: number }) {
  return (
    <span className="stat-bar" aria-hidden="true">
      <span className="stat-bar__fill" style={{ width: `${max === 0 ? 0 : (value / max) * 100}%` }} />
    </span>
  );
}

function Overview({ stats }: { stats: FacilityStats }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const words = useFacilityWords();
  const nameTypes = Object.entries(stats.byNameType).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const maxNameType = Math.max(0, ...nameTypes.map(([, count]) => count));
  const maxDistrict = Math.max(0, ...stats.byDistrict.map((district) => district.total));

  return (
    <>
      <section aria-labelledby="overview-figures">
        <h2 id="overview-figures">{t('facilities.overview.figuresTitle')}</h2>
        <dl className="stat-cards">
          <div className="stat-card stat-card--total">
            <dt>{t('facilities.overview.total')}</dt>
            <dd data-testid="facility-total">{stats.total}</dd>
          </div>
          {TIERS.map((tier) => (
            <div className="stat-card" key={tier}>
              <dt>{words.tier(tier)}</dt>
              <dd data-testid={`facility-tier-${tier}`}>{stats.byTier[tier]}</dd>
            </div>
          ))}
          <div className="stat-card">
            <dt>{t('facilities.overview.since2014')}</dt>
            <dd>{formatShare(stats.builtOrRenovatedSince2014Share, language)}</dd>
          </div>
          <div className="stat-card">
            <dt>{t('facilities.overview.purchased')}</dt>
            <dd>{formatShare(stats.purchasedServiceShare, language)}</dd>
          </div>
        </dl>
        <p className="field__hint">{t('facilities.overview.purchasedHint')}</p>
      </section>

      <section aria-labelledby="overview-names">
        <h2 id="overview-names">{t('facilities.overview.namesTitle')}</h2>
        <div className="table-scroll">
          <table className="stat-table">
            <caption className="visually-hidden">
              {t('facilities.overview.namesCaption', { count: nameTypes.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('facilities.overview.nameType')}</th>
                <th scope="col" className="stat-table__number">
                  {t('facilities.overview.count')}
                </th>
                <th scope="col" className="stat-table__bar-head">
                  <span className="visually-hidden">{t('facilities.overview.barColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {nameTypes.map(([nameType, count]) => (
                <tr key={nameType}>
                  <th scope="row">
                    {words.nameType(nameType)}
                    {language === 'en' && (
                      <span className="stat-table__original" lang="zh-CN">
                        {' '}
                        {nameType}
                      </span>
                    )}
                  </th>
                  <td className="stat-table__number">{count}</td>
                  <td className="stat-table__bar">
                    <Bar value={count} max={maxNameType} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="overview-districts">
        <h2 id="overview-districts">{t('facilities.overview.districtsTitle')}</h2>
        <div className="table-scroll">
          <table className="stat-table">
            <caption className="visually-hidden">{t('facilities.overview.districtsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facilities.overview.district')}</th>
                <th scope="col" className="stat-table__number">
                  {t('facilities.overview.count')}
                </th>
                <th scope="col" className="stat-table__bar-head">
                  <span className="visually-hidden">{t('facilities.overview.barColumn')}</span>
                </th>
                <th scope="col" className="stat-table__number">
                  {t('facilities.overview.streets')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('facilities.overview.since2014Short')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('facilities.overview.purchasedShort')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.byDistrict.map((district) => (
                <tr key={district.code}>
                  <th scope="row">
                    <Link to={`/facilities?district=${district.code}`}>{district.name}</Link>
                  </th>
                  <td className="stat-table__number">{district.total}</td>
                  <td className="stat-table__bar">
                    <Bar value={district.total} max={maxDistrict} />
                  </td>
                  <td className="stat-table__number">{district.streetsWithFacilities}</td>
                  <td className="stat-table__number">
                    {formatShare(district.builtOrRenovatedSince2014Share, language)}
                  </td>
                  <td className="stat-table__number">
                    {formatShare(district.purchasedServiceShare, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
