import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { EChartsOption } from 'echarts';
import { getDistrictConsole, type DistrictConsole } from '../../../api/facilities-endpoints.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { EChart } from './EChart.tsx';
import { number, percent } from './console-format.ts';
import './console.css';

/** `/facilities/console/districts/:district`: the district's streets side by side (admins). */
export function DistrictConsolePage() {
  const { district = '' } = useParams();
  return <RequireSession>{() => <District code={district} />}</RequireSession>;
}

function District({ code }: { code: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => getDistrictConsole(code), [code]);
  const [state] = useApiResource(load);
  useDocumentTitle(
    state.status === 'ready'
      ? t('facilityConsole.districtTitle', { district: state.data.district.name })
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
  return <DistrictBody data={state.data} />;
}

function DistrictBody({ data }: { data: DistrictConsole }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const measured = data.streets.filter((street) => street.utilisation !== null);
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 120, right: 30, top: 10, bottom: 30 },
      xAxis: {
        type: 'value',
        max: 1,
        axisLabel: { formatter: (value: number) => `${Math.round(value * 100)}%` },
      },
      yAxis: { type: 'category', data: measured.map((street) => street.name) },
      series: [
        {
          type: 'bar',
          data: measured.map((street) => street.utilisation ?? 0),
          itemStyle: { color: '#1d70b8' },
        },
      ],
    }),
    [measured],
  );
  return (
    <>
      <PageHeading>{t('facilityConsole.districtTitle', { district: data.district.name })}</PageHeading>
      <p>
        <Link to="/facilities/console">{t('facilityConsole.backToConsole')}</Link>
      </p>
      {measured.length > 0 && (
        <figure className="console-figure">
          <figcaption>{t('facilityConsole.districtChartTitle')}</figcaption>
          <EChart option={option} height={Math.max(160, measured.length * 40 + 40)} testId="district-chart" />
        </figure>
      )}
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('facilityConsole.districtCaption', { district: data.district.name })}
      >
        <table className="stat-table console-table" data-testid="district-table">
          <caption>{t('facilityConsole.districtCaption', { district: data.district.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('facilityConsole.col.street')}</th>
              <th scope="col" className="stat-table__number">
                {t('facilityConsole.col.facilities')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('facilityConsole.col.measured')}
              </th>
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
                {t('facilityConsole.col.recommendations')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.streets.map((street) => (
              <tr key={street.code}>
                <th scope="row">
                  <Link to={`/facilities/console/streets/${street.code}`}>{street.name}</Link>
                </th>
                <td className="stat-table__number">{number(street.facilities, language)}</td>
                <td className="stat-table__number">{number(street.measuredFacilities, language)}</td>
                <td className="stat-table__number">{percent(street.utilisation, language)}</td>
                <td className="stat-table__number">{street.overUsedServices}</td>
                <td className="stat-table__number">{street.underUsedServices}</td>
                <td className="stat-table__number">{street.openRecommendations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
