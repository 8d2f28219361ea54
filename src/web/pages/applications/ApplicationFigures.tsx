import { useTranslation } from 'react-i18next';
import type { ApplicationMetrics } from '../../api/applications-endpoints.ts';

/** The application in figures: trips, fields prefilled vs typed, materials not needed, days. */
export function ApplicationFigures({ metrics }: { metrics: ApplicationMetrics }) {
  const { t } = useTranslation();
  const figures: ['trips' | 'fields' | 'materials' | 'days' | 'supplements', string, string][] = [
    [
      'trips',
      String(metrics.tripsNeeded),
      t('applications.figures.tripsNote', { count: metrics.tripsNeeded }),
    ],
    [
      'fields',
      t('applications.figures.fieldsValue', {
        prefilled: metrics.fieldsPrefilled,
        total: metrics.fieldsTotal,
      }),
      t('applications.figures.fieldsNote', { typed: metrics.fieldsTyped }),
    ],
    [
      'materials',
      t('applications.figures.materialsValue', {
        notNeeded: metrics.materialsNotNeeded,
        total: metrics.materialsTotal,
      }),
      t('applications.figures.materialsNote'),
    ],
    [
      'days',
      t('applications.figures.daysValue', {
        elapsed: metrics.elapsedWorkingDays,
        promised: metrics.promisedWorkingDays,
      }),
      metrics.pausedWorkingDays > 0
        ? t('applications.figures.daysPaused', { count: metrics.pausedWorkingDays })
        : t('applications.figures.daysNote'),
    ],
    ['supplements', String(metrics.supplementCount), t('applications.figures.supplementsNote')],
  ];
  return (
    <section className="service-section" aria-labelledby="figures-title">
      <h2 id="figures-title">{t('applications.figures.title')}</h2>
      <dl className="figures">
        {figures.map(([key, value, note]) => (
          <div key={key} className="figures__item">
            <dt>{t(`applications.figures.${key}`)}</dt>
            <dd>
              <span className="figures__value">{value}</span>
              <span className="figures__note">{note}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
