// Small pieces the desk's pages share: a request's status badge and a table of requests.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format.ts';
import type { RequestStatus, RequestSummary } from './desk-api.ts';
import './desk.css';

const BADGE: Record<RequestStatus, string> = {
  submitted: 'badge badge--warning',
  accepted: 'badge badge--info',
  routed: 'badge badge--info',
  answered: 'badge badge--success',
  resolved: 'badge badge--success',
  reopened: 'badge badge--warning',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return <span className={BADGE[status]}>{t(`desk.statuses.${status}`)}</span>;
}

/** A due time, marked late when the target was (or is being) missed. */
export function DueTime({ at, isLate }: { at: string; isLate: boolean }) {
  const { t, i18n } = useTranslation();
  const text = formatDateTime(at, i18n.resolvedLanguage ?? 'zh-CN');
  return isLate ? (
    <span className="desk-late">
      {text} <span className="badge badge--warning">{t('desk.late')}</span>
    </span>
  ) : (
    <span>{text}</span>
  );
}

export function RequestTable({
  items,
  caption,
  showFiler = false,
}: {
  items: RequestSummary[];
  caption: string;
  showFiler?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <div className="desk-table__scroll">
      <table className="desk-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.table.reference')}</th>
            <th scope="col">{t('desk.table.title')}</th>
            <th scope="col">{t('desk.table.category')}</th>
            {showFiler && <th scope="col">{t('desk.table.filer')}</th>}
            <th scope="col">{t('desk.table.status')}</th>
            <th scope="col">{t('desk.table.filedAt')}</th>
            <th scope="col">{t('desk.table.resolutionDue')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <Link to={`/desk/requests/${item.id}`}>{item.referenceNo}</Link>
              </td>
              <td>{item.title}</td>
              <td>{t(`desk.categories.${item.category}`)}</td>
              {showFiler && <td>{item.filerName}</td>}
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td>{formatDateTime(item.filedAt, language)}</td>
              <td>
                <DueTime at={item.resolutionDueAt} isLate={item.isResolutionLate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
