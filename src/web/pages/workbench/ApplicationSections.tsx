// The read-only parts of an application as staff see it: the form's answers, the materials,
// the supplements and the history (with internal steps such as assignments and escalations).
import { useTranslation } from 'react-i18next';
import {
  applicationAttachmentUrl,
  type StaffApplication,
  type SupplementItem,
  type TimelineEvent,
} from '../../api/workbench-endpoints.ts';
import { formatFileSize } from '../../components/attachments/attachment-format.ts';
import type { FormField } from '../../forms/form-model.ts';
import { oneOf, useWorkbenchWords } from './WorkbenchFrame.tsx';

/** The applicant's answers as a list of field titles and values (or raw names while loading). */
export function FormDataSection({
  data,
  fields,
}: {
  data: Record<string, unknown>;
  fields: FormField[] | null;
}) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const known = new Set(fields?.map((field) => field.name) ?? []);
  const yesNo = { yes: t('workbench.application.yes'), no: t('workbench.application.no') };
  const rows: { key: string; title: string; value: string }[] = [
    ...(fields ?? []).map((field) => ({
      key: field.name,
      title: words.isEnglish ? field.titleEn || field.titleZh : field.titleZh,
      value: displayValue(data[field.name], field, words.isEnglish, yesNo),
    })),
    ...Object.entries(data)
      .filter(([name]) => !known.has(name))
      .map(([name, value]) => ({
        key: name,
        title: name,
        value: displayValue(value, null, words.isEnglish, yesNo),
      })),
  ];
  return (
    <section className="panel" aria-labelledby="form-data-title">
      <h2 className="panel__title" id="form-data-title">
        {t('workbench.application.dataTitle')}
      </h2>
      <dl className="facts">
        {rows.map((row) => (
          <div className="facts__row" key={row.key}>
            <dt>{row.title}</dt>
            <dd className={row.value ? undefined : 'muted'}>
              {row.value || t('workbench.application.empty')}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function displayValue(
  value: unknown,
  field: FormField | null,
  isEnglish: boolean,
  yesNo: { yes: string; no: string },
): string {
  if (value === undefined || value === null || value === '') return '';
  const option = field?.options?.find((o) => o.value === value);
  if (option) return isEnglish ? option.labelEn : option.labelZh;
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function AttachmentsSection({ application }: { application: StaffApplication }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="attachments-title">
      <h2 className="panel__title" id="attachments-title">
        {t('workbench.application.attachmentsTitle')}
      </h2>
      {application.attachments.length === 0 ? (
        <p className="empty">{t('workbench.application.attachmentsEmpty')}</p>
      ) : (
        <ul className="attachment-list">
          {application.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a
                href={applicationAttachmentUrl(application.id, attachment.id)}
                download={attachment.fileName}
                aria-label={t('workbench.application.download', { name: attachment.fileName })}
              >
                {attachment.fileName}
              </a>
              <span className="data-table__sub">
                {attachment.materialKey ? `${attachment.materialKey} · ` : ''}
                {t('workbench.application.attachmentMeta', {
                  type: attachment.mediaType,
                  size: formatFileSize(attachment.sizeBytes, t),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One supplement item in words: “表单项“经营场所”：reason”. */
export function SupplementItemText({
  item,
  fieldTitle,
}: {
  item: SupplementItem;
  fieldTitle(name: string): string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <strong>
        {item.field
          ? t('workbench.application.itemField', { field: fieldTitle(item.field) })
          : t('workbench.application.itemMaterial', { material: item.material ?? '' })}
      </strong>
      {t('common.colon')}
      {item.reason}
    </>
  );
}

export function SupplementsSection({
  application,
  fieldTitle,
}: {
  application: StaffApplication;
  fieldTitle(name: string): string;
}) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  return (
    <section className="panel" aria-labelledby="supplements-title">
      <h2 className="panel__title" id="supplements-title">
        {t('workbench.application.supplementsTitle')}
      </h2>
      {application.supplements.length === 0 ? (
        <p className="empty">{t('workbench.application.supplementsEmpty')}</p>
      ) : (
        application.supplements.map((supplement) => (
          <div key={supplement.id} className="supplement-record">
            <h3 className="supplement-record__title">
              {t('workbench.application.supplementOrdinal', { ordinal: supplement.ordinal })}{' '}
              <span
                className={supplement.status === 'open' ? 'badge badge--warning' : 'badge badge--success'}
              >
                {supplement.status === 'open'
                  ? t('workbench.application.supplementOpen')
                  : t('workbench.application.supplementAnswered', {
                      date: words.dateTime(supplement.answeredAt ?? supplement.requestedAt),
                    })}
              </span>
            </h3>
            <p className="data-table__sub">
              {t('workbench.application.requestedAt', { date: words.dateTime(supplement.requestedAt) })}
            </p>
            <ol className="supplement-record__items">
              {supplement.items.map((item, index) => (
                <li key={index}>
                  <SupplementItemText item={item} fieldTitle={fieldTitle} />
                </li>
              ))}
            </ol>
          </div>
        ))
      )}
    </section>
  );
}

const EVENT_KINDS = [
  'submitted',
  'accepted',
  'not_accepted',
  'reviewed',
  'approved',
  'refused',
  'completed',
  'supplement_requested',
  'supplement_answered',
  'task_assigned',
  'task_overdue',
  'certificate_issued',
  'finished_approved',
  'finished_refused',
  'finished_partially_approved',
  'finished_withdrawn',
  'branch_approved',
  'branch_refused',
  'branch_cancelled',
  'withdrawal_reason',
] as const;

export function HistorySection({
  application,
  fieldTitle,
}: {
  application: StaffApplication;
  fieldTitle(name: string): string;
}) {
  const { t } = useTranslation();
  // Newest first: what happened last is what staff look for.
  const events = [...application.timeline].reverse();
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 className="panel__title" id="history-title">
        {t('workbench.application.historyTitle')}
      </h2>
      <ol className="history" reversed>
        {events.map((event, index) => (
          <HistoryItem key={`${event.at}-${index}`} event={event} fieldTitle={fieldTitle} />
        ))}
      </ol>
    </section>
  );
}

function HistoryItem({ event, fieldTitle }: { event: TimelineEvent; fieldTitle(name: string): string }) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const details = event.details;
  const text = (name: string) => (typeof details[name] === 'string' ? (details[name] as string) : null);
  const isInternal = details['internal'] === true;
  const items = Array.isArray(details['items']) ? (details['items'] as SupplementItem[]) : [];
  const fields = Array.isArray(details['fields']) ? (details['fields'] as unknown[]) : [];
  const label = oneOf(EVENT_KINDS, event.kind)
    ? t(`workbench.events.${event.kind}`)
    : t('workbench.events.other', { kind: event.kind });
  const who = [event.office ? words.pick(event.office) : null, event.actorName].filter(Boolean).join(' · ');
  return (
    <li className={isInternal ? 'history__item history__item--internal' : 'history__item'}>
      <p className="history__head">
        <strong>{label}</strong>
        {event.step && words.pick(event.step) !== label && (
          <span className="history__step">{words.pick(event.step)}</span>
        )}
        {isInternal && <span className="badge badge--muted">{t('workbench.application.internal')}</span>}
      </p>
      <p className="history__meta">
        <time dateTime={event.at}>{words.dateTime(event.at)}</time>
        {who && ` · ${who}`}
      </p>
      {text('reason') && (
        <p className="history__detail">{t('workbench.events.reason', { reason: text('reason') })}</p>
      )}
      {text('assigneeName') && (
        <p className="history__detail">{t('workbench.events.assignedTo', { name: text('assigneeName') })}</p>
      )}
      {text('note') && (
        <p className="history__detail">{t('workbench.events.note', { note: text('note') })}</p>
      )}
      {text('number') && (
        <p className="history__detail">
          {t('workbench.events.certificateNumber', { number: text('number') })}
        </p>
      )}
      {text('dueDate') && (
        <p className="history__detail">
          {t('workbench.events.dueDate', { date: words.date(text('dueDate') ?? '') })}
        </p>
      )}
      {event.kind === 'supplement_answered' && fields.length > 0 && (
        <p className="history__detail">{t('workbench.events.fieldsFixed', { count: fields.length })}</p>
      )}
      {event.kind === 'supplement_answered' &&
        typeof details['attachments'] === 'number' &&
        details['attachments'] > 0 && (
          <p className="history__detail">
            {t('workbench.events.attachmentsAdded', { count: details['attachments'] })}
          </p>
        )}
      {items.length > 0 && (
        <ol className="history__items">
          {items.map((item, index) => (
            <li key={index}>
              <SupplementItemText item={item} fieldTitle={fieldTitle} />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
