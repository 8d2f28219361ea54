import { useTranslation } from 'react-i18next';
import type { VisitWarning } from './visits-api.ts';

/** One sentence per rule a visit breaks: the visit cap, a quiet period. */
export function useDescribeWarning() {
  const { t } = useTranslation();
  return (warning: VisitWarning): string => {
    if (warning.code === 'visit_cap') {
      return t('deskVisits.warning.cap', {
        n: warning.visitsInPeriod ?? 0,
        max: warning.maxVisits ?? 0,
        period: t(`deskVisits.period.${warning.period ?? 'month'}`),
        start: warning.periodStart,
        end: warning.periodEnd,
      });
    }
    return warning.kind === 'monthly'
      ? t('deskVisits.warning.quietMonthly', {
          label: warning.label,
          from: warning.dayFrom,
          to: warning.dayTo,
        })
      : t('deskVisits.warning.quietRange', {
          label: warning.label,
          start: warning.startDate,
          end: warning.endDate,
        });
  };
}

/** The warnings of a planned visit as a list. */
export function WarningList({ warnings, id }: { warnings: VisitWarning[]; id?: string }) {
  const describe = useDescribeWarning();
  return (
    <ul id={id} className="desk-warnings">
      {warnings.map((warning, index) => (
        <li key={`${warning.code}-${warning.quietPeriodId ?? index}`}>{describe(warning)}</li>
      ))}
    </ul>
  );
}
