import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { officeStats, type OfficeStats } from '../../api/workbench-endpoints.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useWorkbenchWords } from './WorkbenchFrame.tsx';
import { percent } from './workbench-rules.ts';

/** The office figures beside the queue: on-time rate, average days, supplement rate, open and overdue. */
export function OfficeStatsPanel({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => officeStats(officeId ? { officeId } : {}), [officeId]);
  const [state] = useApiResource(load);
  return (
    <section className="panel office-stats" aria-labelledby="office-stats-title">
      <h2 className="panel__title" id="office-stats-title">
        {t('workbench.stats.title')}
      </h2>
      {state.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' &&
        state.data.items.map((stats) => <OfficeFigures key={stats.office.id} stats={stats} />)}
    </section>
  );
}

function OfficeFigures({ stats }: { stats: OfficeStats }) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const none = t('workbench.stats.none');
  const titleId = `office-stats-${stats.office.id}`;
  return (
    <div className="office-stats__office" role="group" aria-labelledby={titleId}>
      <h3 className="office-stats__name" id={titleId}>
        {words.pick(stats.office)}
      </h3>
      <dl className="office-stats__figures">
        <div className={stats.overdueTasks > 0 ? 'figure figure--alert' : 'figure'}>
          <dt>{t('workbench.stats.overdueTasks')}</dt>
          <dd>{stats.overdueTasks}</dd>
        </div>
        <div className="figure">
          <dt>{t('workbench.stats.openTasks')}</dt>
          <dd>{stats.openTasks}</dd>
        </div>
        <div className="figure">
          <dt>{t('workbench.stats.onTimeRate')}</dt>
          <dd>{percent(stats.onTimeRate, words.language) ?? none}</dd>
        </div>
        <div className="figure">
          <dt>{t('workbench.stats.averageWorkingDays')}</dt>
          <dd>
            {stats.averageWorkingDays === null
              ? none
              : t('workbench.stats.averageValue', { days: stats.averageWorkingDays })}
          </dd>
        </div>
        <div className="figure">
          <dt>{t('workbench.stats.supplementRate')}</dt>
          <dd>{percent(stats.supplementRate, words.language) ?? none}</dd>
        </div>
      </dl>
      <p className="office-stats__note">
        {t('workbench.stats.finished', { count: stats.finished, onTime: stats.onTime })}
        {stats.secondSupplements > 0 &&
          ` · ${t('workbench.stats.secondSupplements', { count: stats.secondSupplements })}`}
      </p>
    </div>
  );
}
