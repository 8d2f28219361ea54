import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EChartsOption } from 'echarts';
import { DeskInvestNav } from './DeskInvestNav.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { EChart } from '../../facilities/console/EChart.tsx';
import '../../facilities/console/console.css';
import { percent, yuan } from '../policies/format.ts';
import { NewProspectForm } from './NewProspectForm.tsx';
import {
  getFigures,
  getFunnel,
  listDistricts,
  listProspects,
  listZones,
  type District,
} from './investment-api.ts';
import { PendingPage } from '../PendingPage.tsx';

/** `/desk/investment`: the district's pipeline — funnel, figures with YoY, prospects, land on offer. */
export function InvestmentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskInvest.investment.title'));
  return <RequireSession>{() => <Districts />}</RequireSession>;
}

function Districts() {
  const { t, i18n } = useTranslation();
  const isEn = i18n.resolvedLanguage === 'en';
  const load = useCallback(() => listDistricts(), []);
  const [state] = useApiResource(load);
  const [chosen, setChosen] = useState('');
  if (state.status !== 'ready') return <PendingPage state={state} title={t('deskInvest.investment.title')} />;
  const districts = state.data;
  const district =
    districts.find((x) => x.code === chosen) ?? districts.find((x) => x.code === '310109') ?? districts[0];
  return (
    <>
      <PageHeading>{t('deskInvest.investment.title')}</PageHeading>
      <DeskInvestNav />
      {districts.length > 1 && (
        <div className="field">
          <label className="field__label" htmlFor="district">
            {t('deskInvest.district')}
          </label>
          <select
            id="district"
            className="field__select"
            value={district?.code ?? ''}
            onChange={(e) => setChosen(e.target.value)}
          >
            {districts.map((x) => (
              <option key={x.code} value={x.code}>
                {isEn ? x.nameEn : x.nameZh}
              </option>
            ))}
          </select>
        </div>
      )}
      {district ? (
        <Pipeline key={district.code} district={district} />
      ) : (
        <p>{t('deskInvest.investment.noDistrict')}</p>
      )}
    </>
  );
}

function Pipeline({ district }: { district: District }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const isEn = language === 'en';
  const year = new Date().getFullYear();
  const load = useCallback(async () => {
    const [funnel, figures, prospects, zones] = await Promise.all([
      getFunnel(district.code),
      getFigures(district.code, year),
      listProspects(district.code),
      listZones(),
    ]);
    return { funnel, figures, prospects, zones };
  }, [district.code, year]);
  const [state, reload] = useApiResource(load);
  const funnelOption = useMemo<EChartsOption | null>(() => {
    if (state.status !== 'ready') return null;
    const steps = [...state.data.funnel].reverse();
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: steps.map((s) => t(`deskInvest.stage.${s.stage}`)) },
      series: [{ type: 'bar', data: steps.map((s) => s.reached), itemStyle: { color: '#1d70b8' } }],
    };
  }, [state, t]);
  if (state.status !== 'ready') return <PendingPage state={state} />;
  const { funnel, figures, prospects, zones } = state.data;
  const name = isEn ? district.nameEn : district.nameZh;
  const yoy = (value: number | null) => percent(value, language, true);
  return (
    <>
      <h2>{t('deskInvest.investment.funnelTitle', { district: name })}</h2>
      {funnelOption && (
        <figure className="console-figure">
          <figcaption>{t('deskInvest.investment.funnelChart')}</figcaption>
          <EChart option={funnelOption} height={240} testId="funnel-chart" />
        </figure>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="funnel-caption">
        <table className="stat-table" data-testid="funnel-table">
          <caption id="funnel-caption">
            {t('deskInvest.investment.funnelCaption', { district: name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('deskInvest.col.stage')}</th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.current')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.reached')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.conversion')}
              </th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((step) => (
              <tr key={step.stage}>
                <th scope="row">{t(`deskInvest.stage.${step.stage}`)}</th>
                <td className="stat-table__number">{step.current}</td>
                <td className="stat-table__number">{step.reached}</td>
                <td className="stat-table__number">{percent(step.conversion, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('deskInvest.investment.figuresTitle', { year: figures.year })}</h2>
      <p className="muted">{t('deskInvest.investment.figuresNote')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="figures-caption">
        <table className="stat-table" data-testid="figures-table">
          <caption id="figures-caption">
            {t('deskInvest.investment.figuresCaption', { district: name, year: figures.year })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('deskInvest.col.period')}</th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.fdiProjects')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.yoy')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.fdiContract')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.yoy')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.fixedAsset')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.yoy')}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">
                  {p.period}
                  {p.throughMonth && ` ${t('deskInvest.investment.through', { month: p.throughMonth })}`}
                </th>
                <td className="stat-table__number">{p.fdiProjects}</td>
                <td className="stat-table__number">{yoy(p.fdiProjectsYoy)}</td>
                <td className="stat-table__number">{yuan(p.fdiContractFen)}</td>
                <td className="stat-table__number">{yoy(p.fdiContractYoy)}</td>
                <td className="stat-table__number">{yuan(p.fixedAssetFen)}</td>
                <td className="stat-table__number">{yoy(p.fixedAssetYoy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('deskInvest.investment.prospectsTitle')}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="prospects-caption">
        <table className="stat-table" data-testid="prospects-table">
          <caption id="prospects-caption">
            {t('deskInvest.investment.prospectsCaption', { district: name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('deskInvest.col.prospect')}</th>
              <th scope="col">{t('deskInvest.col.industry')}</th>
              <th scope="col">{t('deskInvest.col.origin')}</th>
              <th scope="col">{t('deskInvest.col.stage')}</th>
              <th scope="col" className="stat-table__number">
                {t('deskInvest.col.contract')}
              </th>
            </tr>
          </thead>
          <tbody>
            {prospects.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/desk/investment/prospects/${p.id}`}>{p.name}</Link>
                </th>
                <td>{p.industry}</td>
                <td>{p.originCountry}</td>
                <td>{t(`deskInvest.stage.${p.stage}`)}</td>
                <td className="stat-table__number">
                  {p.contractAmountFen === null ? '—' : yuan(p.contractAmountFen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewProspectForm district={district.code} onCreated={reload} />

      <h2>{t('deskInvest.investment.zonesTitle')}</h2>
      {zones.map((zone) => (
        <div
          key={zone.id}
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby={`zone-${zone.code}`}
        >
          <table className="stat-table" data-testid={`zone-${zone.code}`}>
            <caption id={`zone-${zone.code}`}>{isEn ? zone.nameEn : zone.nameZh}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deskInvest.col.parcel')}</th>
                <th scope="col" className="stat-table__number">
                  {t('deskInvest.col.areaMu')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('deskInvest.col.areaSqm')}
                </th>
                <th scope="col">{t('deskInvest.col.landUse')}</th>
                <th scope="col">{t('deskInvest.col.status')}</th>
                <th scope="col" className="stat-table__number">
                  {t('deskInvest.col.floorArea')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('deskInvest.col.power')}
                </th>
                <th scope="col">{t('deskInvest.col.fitOut')}</th>
              </tr>
            </thead>
            <tbody>
              {zone.parcels.map((parcel) => (
                <tr key={parcel.id}>
                  <th scope="row">{parcel.code}</th>
                  <td className="stat-table__number">{parcel.areaMu}</td>
                  <td className="stat-table__number">{parcel.areaSqm.toLocaleString(language)}</td>
                  <td>{t(`deskInvest.landUse.${parcel.landUse}`)}</td>
                  <td>{t(`deskInvest.parcelStatus.${parcel.status}`)}</td>
                  <td className="stat-table__number">{parcel.maxFloorAreaSqm.toLocaleString(language)}</td>
                  <td className="stat-table__number">{parcel.powerCapacityKva.toLocaleString(language)}</td>
                  <td>{t(`deskInvest.fitOut.${parcel.fitOut}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
