import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../api/applications-endpoints.ts';
import { formatDateTime } from '../../lib/format.ts';
import { timelineRows, type Language } from './application-view.ts';

interface Props {
  events: TimelineEvent[];
  /** A form field's title in the page's language (for a supplement's items). */
  fieldTitle(name: string): string;
  /** A member service's name by its code (bundles; null where not worth naming). */
  serviceName(code: string): string | null;
}

/** Every step of the application, oldest first, with the office and the time. */
export function ApplicationTimeline({ events, fieldTitle, serviceName }: Props) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const rows = timelineRows(events, language, fieldTitle);
  if (rows.length === 0) return <p className="empty">{t('applications.timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {rows.map((row) => (
        <li key={row.key} className={`timeline__item timeline__item--${row.kind}`}>
          <p className="timeline__title">
            <span className="timeline__what">{t(`applications.timeline.kinds.${row.kind}`)}</span>
            {row.serviceCode && serviceName(row.serviceCode) && (
              <span className="timeline__service">{serviceName(row.serviceCode)}</span>
            )}
          </p>
          <p className="timeline__meta">
            <time dateTime={row.at}>{formatDateTime(row.at, language)}</time>
            {row.office && <span>{row.office}</span>}
            {row.step && <span>{t('applications.timeline.step', { step: row.step })}</span>}
          </p>
          {row.reason && (
            <p className="timeline__detail">{t('applications.timeline.reason', { reason: row.reason })}</p>
          )}
          {row.number && (
            <p className="timeline__detail">{t('applications.timeline.number', { number: row.number })}</p>
          )}
          {row.items.length > 0 && (
            <ul className="timeline__items">
              {row.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
