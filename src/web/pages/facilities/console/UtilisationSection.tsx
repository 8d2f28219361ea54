import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsOption } from 'echarts';
import type { ConsoleFacility, StreetConsole } from '../../../api/facilities-endpoints.ts';
import { SelectField } from '../../../components/ChoiceFields.tsx';
import { CapacityForm } from './CapacityForm.tsx';
import { EChart } from './EChart.tsx';
import { number, percent } from './console-format.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Utilisation of one facility: the hour-of-week heat map and the services against capacity. */
export function UtilisationSection({ data, onSaved }: { data: StreetConsole; onSaved(): void }) {
  const { t } = useTranslation();
  const measured = data.facilities.filter((facility) => facility.utilisation);
  const [code, setCode] = useState(measured[0]?.code ?? data.facilities[0]?.code ?? '');
  const facility = data.facilities.find((f) => f.code === code);
  return (
    <section aria-labelledby="console-utilisation">
      <h2 id="console-utilisation">{t('facilityConsole.utilisationTitle')}</h2>
      <SelectField
        id="console-facility"
        label={t('facilityConsole.chooseFacility')}
        value={code}
        options={data.facilities.map((f) => ({ value: f.code, label: f.name }))}
        onChange={setCode}
      />
      {facility?.utilisation ? (
        <>
          <HeatMap facility={facility} />
          <Services facility={facility} onSaved={onSaved} />
        </>
      ) : (
        <p>{t('facilityConsole.noFigures')}</p>
      )}
    </section>
  );
}

function HeatMap({ facility }: { facility: ConsoleFacility }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const days = t('facilityConsole.days', { returnObjects: true }) as string[];
  const usage = facility.utilisation!;
  const perWeek = usage.hours.map((hour) => hour.visits / usage.weeks);
  const busiest = perWeek.reduce((best, value, index) => (value > perWeek[best]! ? index : best), 0);
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      tooltip: { position: 'top' },
      grid: { left: 80, right: 20, top: 10, bottom: 60 },
      xAxis: { type: 'category', data: HOURS.map(String), splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: Math.max(1, ...perWeek),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f3f2f1', '#5694ca', '#003078'] },
      },
      series: [
        {
          type: 'heatmap',
          data: perWeek.map((value, index) => [
            index % 24,
            Math.floor(index / 24),
            Math.round(value * 10) / 10,
          ]),
        },
      ],
    }),
    [days, perWeek],
  );
  return (
    <figure className="console-figure">
      <figcaption>{t('facilityConsole.heatmapTitle')}</figcaption>
      <p>
        {t('facilityConsole.heatmapSummary', {
          facility: facility.name,
          day: days[Math.floor(busiest / 24)],
          hour: busiest % 24,
          visits: number(perWeek[busiest]!, language),
        })}
      </p>
      <EChart option={option} height={300} testId="heatmap-chart" />
      <details>
        <summary>{t('facilityConsole.heatmapTable')}</summary>
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('facilityConsole.heatmapCaption', { facility: facility.name })}
        >
          <table className="stat-table heat-table" data-testid="heatmap-table">
            <caption>{t('facilityConsole.heatmapCaption', { facility: facility.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('facilityConsole.col.day')}</th>
                {HOURS.map((hour) => (
                  <th scope="col" key={hour}>
                    {t('facilityConsole.col.hour', { hour })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day, dayIndex) => (
                <tr key={day}>
                  <th scope="row">{day}</th>
                  {HOURS.map((hour) => {
                    const cell = usage.hours[dayIndex * 24 + hour]!;
                    const visits = number(cell.visits / usage.weeks, language);
                    return (
                      <td key={hour}>
                        {cell.utilisation === null
                          ? cell.visits > 0
                            ? visits
                            : t('facilityConsole.closed')
                          : `${visits} (${percent(cell.utilisation, language)})`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function Services({ facility, onSaved }: { facility: ConsoleFacility; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const usage = facility.utilisation!;
  const services = usage.services;
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: [t('facilityConsole.seriesCapacity'), t('facilityConsole.seriesDemand')] },
      grid: { left: 50, right: 20, top: 40, bottom: 70 },
      xAxis: { type: 'category', data: services.map((s) => s.serviceName), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('facilityConsole.seriesCapacity'),
          type: 'bar',
          data: services.map((s) => s.weeklyCapacity),
          itemStyle: { color: '#b1b4b6' },
        },
        {
          name: t('facilityConsole.seriesDemand'),
          type: 'bar',
          data: services.map((s) => ({
            value: Math.round((s.demand / usage.weeks) * 10) / 10,
            itemStyle: { color: s.band === 'over' ? '#d4351c' : s.band === 'under' ? '#f47738' : '#1d70b8' },
          })),
        },
      ],
    }),
    [services, t, usage.weeks],
  );
  const offered = new Set(facility.services.map((s) => s.key));
  return (
    <figure className="console-figure">
      <figcaption>{t('facilityConsole.servicesTitle')}</figcaption>
      <p>
        {t('facilityConsole.servicesSummary', {
          facility: facility.name,
          count: services.length,
          over: services.filter((s) => s.band === 'over').length,
          under: services.filter((s) => s.band === 'under').length,
        })}
      </p>
      <EChart option={option} height={320} testId="services-chart" />
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('facilityConsole.servicesCaption', { facility: facility.name })}
      >
        <table className="stat-table console-table" data-testid="services-table">
          <caption>{t('facilityConsole.servicesCaption', { facility: facility.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('facilityConsole.col.service')}</th>
              <th scope="col" className="stat-table__number">
                {t('facilityConsole.col.demand')}
              </th>
              <th scope="col" className="stat-table__number">
                {t('facilityConsole.col.utilisation')}
              </th>
              <th scope="col">{t('facilityConsole.col.band')}</th>
              <th scope="col">{t('facilityConsole.col.capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.serviceKey}>
                <th scope="row">{service.serviceName}</th>
                <td className="stat-table__number">
                  {number(service.demand / usage.weeks, language)}{' '}
                  {t(`facilityConsole.unit.${service.unit ?? 'none'}`)}
                </td>
                <td className="stat-table__number">{percent(service.utilisation, language)}</td>
                <td className={`band--${service.band}`}>{t(`facilityConsole.band.${service.band}`)}</td>
                <td>
                  {offered.has(service.serviceKey) ? (
                    <CapacityForm facilityCode={facility.code} service={service} onSaved={onSaved} />
                  ) : (
                    number(service.weeklyCapacity, language)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
