import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../api/applications-endpoints.ts';
import { statusTone } from './application-view.ts';

/** An application's status as a coloured badge with its words (never colour alone). */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--status badge--${statusTone(status)}`}>
      {t(`applications.status.${status}`)}
    </span>
  );
}
