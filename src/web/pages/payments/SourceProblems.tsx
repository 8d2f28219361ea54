import { useTranslation } from 'react-i18next';
import type { PayableList } from '../../api/payments-endpoints.ts';

/** Billers or registers that could not be read just now: what is shown may be incomplete. */
export function SourceProblems({ problems }: { problems: PayableList['problems'] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status">
      <p>{t('payments.problems.lead')}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.source}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
