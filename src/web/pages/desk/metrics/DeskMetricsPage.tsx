import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import { api } from '../../../api/client.ts';
import { DeskInvestNav } from '../investment/DeskInvestNav.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { EChart } from '../../facilities/console/EChart.tsx';
import '../../facilities/console/console.css';
import { decimal, percent } from '../policies/format.ts';
import { PendingPage } from '../PendingPage.tsx';
import type {
  DeskFigures as Figures,
  DeskPlace as Named,
  DistrictMetrics,
} from '../../../../contracts/api/desk-metrics.ts';

const listDistricts = () =>
  api.get<{ items: Named[] }>('/api/v1/desk/metrics/districts').then((r) => r.items);
const getMetrics = (district: string, from: string, to: string) =>
  api.get<DistrictMetrics>(
    `/api/v1/desk/metrics/districts/${encodeURIComponent(district)}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
const day = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
type ColKey =
  | 'requests'
  | 'firstMedian'
  | 'resolutionMedian'
  | 'firstOnTime'
  | 'resolutionOnTime'
  | 'satisfaction'
  | 'visits'
  | 'enterprises'
  | 'retained'
  | 'lost'
  | 'retentionRate';

/** `/desk/metrics`: the desk's figures per district, street and manager (charts with tables). */
export function DeskMetricsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskInvest.metrics.title'));
  return <RequireSession>{() => <Chooser />}</RequireSession>;
}

function Chooser() {
  const { t, i18n } = useTranslation();
  const isEn = i18n.resolvedLanguage === 'en';
  const load = useCallback(() => listDistricts(), []);
  const [state] = useApiResource(load);
  const [district, setDistrict] = useState('');
  const [from, setFrom] = useState(day(-90));
  const [to, setTo] = useState(day(0));
  const [period, setPeriod] = useState({ from: day(-90), to: day(0) });
  if (state.status !== 'ready') return <PendingPage state={state} title={t('deskInvest.metrics.title')} />;
  const chosen =
    state.data.find((d) => d.code === district) ??
    state.data.find((d) => d.code === '310109') ??
    state.data[0];
  const valid = DATE.test(from) && DATE.test(to) && from <= to;
  return (
    <>
      <PageHeading>{t('deskInvest.metrics.title')}</PageHeading>
      <DeskInvestNav />
      <p className="lead">{t('deskInvest.metrics.lead')}</p>
      <form
        className="queue-filters"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) setPeriod({ from, to });
        }}
      >
        {state.data.length > 1 && (
          <div className="field">
            <label className="field__label" htmlFor="metrics-district">
              {t('deskInvest.district')}
            </label>
            <select
              id="metrics-district"
              className="field__select"
              value={chosen?.code ?? ''}
              onChange={(e) => setDistrict(e.target.value)}
            >
              {state.data.map((d) => (
                <option key={d.code} value={d.code}>
                  {isEn ? d.nameEn : d.nameZh}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField
          id="metrics-from"
          label={t('deskInvest.metrics.from')}
          value={from}
          onChange={setFrom}
          isShort
        />
        <TextField
          id="metrics-to"
          label={t('deskInvest.metrics.to')}
          value={to}
          onChange={setTo}
          isShort
          error={valid ? undefined : t('deskInvest.metrics.badPeriod')}
        />
        <button type="submit" className="button">
          {t('deskInvest.metrics.show')}
        </button>
      </form>
      {chosen ? (
        <Metrics key={`${chosen.code}:${period.from}:${period.to}`} district={chosen.code} period={period} />
      ) : (
        <p>{t('deskInvest.investment.noDistrict')}</p>
      )}
    </>
  );
}

function Metrics({ district, period }: { district: string; period: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const isEn = language === 'en';
  const load = useCallback(() => getMetrics(district, period.from, period.to), [district, period]);
  const [state] = useApiResource(load);
  const option = useMemo<EChartsOption | null>(() => {
    if (state.status !== 'ready') return null;
    const streets = state.data.streets;
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 130, right: 30, top: 30, bottom: 30 },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      yAxis: { type: 'category', data: streets.map((s) => (isEn ? s.nameEn : s.nameZh)) },
      series: [
        {
          name: t('deskInvest.metrics.col.firstOnTime'),
          type: 'bar',
          data: streets.map((s) => s.figures.firstResponseOnTimeRate ?? 0),
        },
        {
          name: t('deskInvest.metrics.col.resolutionOnTime'),
          type: 'bar',
          data: streets.map((s) => s.figures.resolutionOnTimeRate ?? 0),
        },
      ],
    };
  }, [state, isEn, t]);
  if (state.status !== 'ready') return <PendingPage state={state} />;
  const data = state.data;
  const rows: { key: string; label: string; figures: Figures }[] = [
    {
      key: data.district.code,
      label: isEn ? data.district.nameEn : data.district.nameZh,
      figures: data.district.figures,
    },
  ];
  return (
    <>
      {option && (
        <figure className="console-figure">
          <figcaption>{t('deskInvest.metrics.chart')}</figcaption>
          <EChart
            option={option}
            height={Math.max(200, data.streets.length * 44 + 60)}
            testId="metrics-chart"
          />
        </figure>
      )}
      <FiguresTable
        id="metrics-district"
        caption={t('deskInvest.metrics.districtCaption')}
        rows={rows}
        language={language}
      />
      <FiguresTable
        id="metrics-streets"
        caption={t('deskInvest.metrics.streetsCaption')}
        rows={data.streets.map((s) => ({
          key: s.code,
          label: isEn ? s.nameEn : s.nameZh,
          figures: s.figures,
        }))}
        language={language}
      />
      <FiguresTable
        id="metrics-managers"
        caption={t('deskInvest.metrics.managersCaption')}
        rows={data.managers.map((m) => ({ key: m.userId, label: m.name, figures: m.figures }))}
        language={language}
      />
      <p className="muted">{t('deskInvest.metrics.definitions')}</p>
      {data.unreadableEnterprises > 0 && (
        <p className="notice">{t('deskInvest.metrics.unreadable', { count: data.unreadableEnterprises })}</p>
      )}
    </>
  );
}

function FiguresTable({
  id,
  caption,
  rows,
  language,
}: {
  id: string;
  caption: string;
  rows: { key: string; label: string; figures: Figures }[];
  language: string;
}) {
  const { t } = useTranslation();
  const cols: [ColKey, (f: Figures) => string][] = [
    ['requests', (f) => String(f.requests)],
    ['firstMedian', (f) => decimal(f.firstResponseHoursMedian, language)],
    ['resolutionMedian', (f) => decimal(f.resolutionHoursMedian, language)],
    ['firstOnTime', (f) => percent(f.firstResponseOnTimeRate, language)],
    ['resolutionOnTime', (f) => percent(f.resolutionOnTimeRate, language)],
    [
      'satisfaction',
      (f) => (f.satisfactionMean === null ? '—' : `${decimal(f.satisfactionMean, language)} (${f.rated})`),
    ],
    ['visits', (f) => String(f.visits)],
    ['enterprises', (f) => String(f.enterprises)],
    ['retained', (f) => String(f.retained)],
    ['lost', (f) => String(f.lost)],
    ['retentionRate', (f) => percent(f.retentionRate, language)],
  ];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="stat-table console-table" data-testid={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deskInvest.metrics.col.name')}</th>
            {cols.map(([key]) => (
              <th key={key} scope="col" className="stat-table__number">
                {t(`deskInvest.metrics.col.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {cols.map(([key, value]) => (
                <td key={key} className="stat-table__number">
                  {value(row.figures)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
