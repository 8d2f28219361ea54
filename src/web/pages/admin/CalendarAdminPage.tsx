import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  getCalendarYear,
  setCalendarYear,
  type CalendarDay,
  type CalendarDayKind,
} from '../../api/calendar-endpoints.ts';
import { AdminListStatus, type AdminNotice } from '../../components/AdminListStatus.tsx';
import { SelectField, TextAreaField } from '../../components/ChoiceFields.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireAuthor } from '../../components/RequireAuthor.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export function CalendarAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('calendarAdmin.title'));
  return <RequireAuthor platformAdminOnly>{() => <CalendarContent />}</RequireAuthor>;
}

type Field = 'date' | 'kind' | 'note';
const FIELD_IDS: Record<Field, string> = {
  date: 'calendar-date',
  kind: 'calendar-kind',
  note: 'calendar-note',
};
const KINDS: CalendarDayKind[] = ['holiday', 'workday'];
const EMPTY_DAY = { date: '', kind: '' as CalendarDayKind | '', note: '' };
const THIS_YEAR = new Date().getFullYear();
const WEEKDAY_KEYS = [
  'calendarAdmin.weekdays.0',
  'calendarAdmin.weekdays.1',
  'calendarAdmin.weekdays.2',
  'calendarAdmin.weekdays.3',
  'calendarAdmin.weekdays.4',
  'calendarAdmin.weekdays.5',
  'calendarAdmin.weekdays.6',
] as const;

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/** `/admin/calendar`: a year's public holidays and make-up workdays; platform admins set them. */
function CalendarContent() {
  const { t } = useTranslation();
  const [year, setYear] = useState(THIS_YEAR + 1);
  const load = useCallback(() => getCalendarYear(year), [year]);
  const [state, reload] = useApiResource(load);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [source, setSource] = useState('');
  const [day, setDay] = useState(EMPTY_DAY);
  const [errors, setErrors] = useState<Partial<Record<Field | 'source', string>>>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [notice, setNotice] = useState<AdminNotice | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const data = state.status === 'ready' ? state.data : null;

  useEffect(() => {
    if (!data) return;
    setDays(data.days);
    setSource(data.source ?? '');
  }, [data]);

  const years = [
    ...new Set([
      ...(data?.officialYears ?? []),
      THIS_YEAR - 1,
      THIS_YEAR,
      THIS_YEAR + 1,
      THIS_YEAR + 2,
      year,
    ]),
  ]
    .sort((a, b) => a - b)
    .map(String);

  function checkDay(): Partial<Record<Field, string>> {
    const problems: Partial<Record<Field, string>> = {};
    const date = day.date.trim();
    if (!isRealDate(date)) problems.date = t('calendarAdmin.errors.date');
    else if (!date.startsWith(`${year}-`)) problems.date = t('calendarAdmin.errors.outsideYear', { year });
    else if (days.some((existing) => existing.date === date))
      problems.date = t('calendarAdmin.errors.duplicate', { date });
    if (!day.kind) problems.kind = t('calendarAdmin.errors.kind');
    else if (day.kind === 'workday' && isRealDate(date) && ![0, 6].includes(weekdayOf(date)))
      problems.kind = t('calendarAdmin.errors.workdayWeekend');
    const note = day.note.trim();
    if (note.length < 1 || note.length > 40) problems.note = t('calendarAdmin.errors.note');
    return problems;
  }

  function addDay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const problems = checkDay();
    setErrors(problems);
    setSubmitCount((count) => count + 1);
    if (Object.keys(problems).length > 0 || !day.kind) return;
    const added = { date: day.date.trim(), kind: day.kind, note: day.note.trim() };
    setDays((current) => [...current, added].sort((a, b) => a.date.localeCompare(b.date)));
    setDay(EMPTY_DAY);
    setNotice({ kind: 'success', text: t('calendarAdmin.addedDay', { date: added.date }) });
  }

  function removeDay(date: string) {
    setDays((current) => current.filter((existing) => existing.date !== date));
    setNotice({ kind: 'success', text: t('calendarAdmin.removedDay', { date }) });
  }

  async function save() {
    setNotice(null);
    const trimmed = source.trim();
    if (trimmed.length < 2 || trimmed.length > 300) {
      setErrors({ source: t('calendarAdmin.errors.source') });
      setSubmitCount((count) => count + 1);
      return;
    }
    setErrors({});
    setIsBusy(true);
    try {
      await setCalendarYear(year, { source: trimmed, days });
      setNotice({ kind: 'success', text: t('calendarAdmin.saved', { year }) });
      reload();
    } catch (error) {
      const details =
        error instanceof ApiError && Array.isArray(error.details)
          ? (error.details as { path: string; message: string }[])
          : [];
      const texts = details.map((detail) => {
        const index = /^\/days\/(\d+)\//.exec(detail.path)?.[1];
        const date = index === undefined ? undefined : days[Number(index)]?.date;
        return date ? `${date}${t('common.colon')}${detail.message}` : detail.message;
      });
      setNotice({
        kind: 'error',
        text:
          texts.length > 0
            ? texts.join(t('common.listSeparator'))
            : error instanceof ApiError
              ? error.message
              : t('errors.unexpected'),
      });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumbs-inline">
        <Link to="/admin/catalog">{t('admin.editor.backToList')}</Link>
      </p>
      <PageHeading>{t('calendarAdmin.title')}</PageHeading>
      <p className="lead">{t('calendarAdmin.intro')}</p>

      <div className="form">
        <SelectField<string>
          id="calendar-year"
          label={t('calendarAdmin.year')}
          value={String(year)}
          options={years.map((value) => ({ value, label: t('calendarAdmin.yearOption', { year: value }) }))}
          onChange={(value) => {
            setNotice(null);
            setErrors({});
            setYear(Number(value));
          }}
        />
      </div>

      {data && (
        <p className={`notice ${data.isOfficial ? 'notice--success' : 'notice--warning'}`}>
          {data.isOfficial ? t('calendarAdmin.official', { year }) : t('calendarAdmin.notOfficial', { year })}
        </p>
      )}

      <section className="panel synonym-form" aria-labelledby="calendar-day-title">
        <h2 className="panel__title" id="calendar-day-title">
          {t('calendarAdmin.addTitle')}
        </h2>
        <ErrorSummary
          items={(['date', 'kind', 'note', 'source'] as const).flatMap((field) => {
            const message = errors[field];
            const fieldId = field === 'source' ? 'calendar-source' : FIELD_IDS[field];
            return message ? [{ fieldId, message }] : [];
          })}
          focusKey={submitCount}
        />
        <form className="form" noValidate onSubmit={addDay}>
          <TextField
            id={FIELD_IDS.date}
            label={t('calendarAdmin.date')}
            hint={t('calendarAdmin.dateHint', { year })}
            value={day.date}
            onChange={(date) => setDay((current) => ({ ...current, date }))}
            error={errors.date}
            maxLength={10}
            inputMode="numeric"
            isShort
          />
          <SelectField<CalendarDayKind | ''>
            id={FIELD_IDS.kind}
            label={t('calendarAdmin.kind')}
            hint={t('calendarAdmin.kindHint')}
            value={day.kind}
            options={[
              { value: '', label: t('calendarAdmin.chooseKind') },
              ...KINDS.map((kind) => ({ value: kind, label: t(`calendarAdmin.kinds.${kind}`) })),
            ]}
            onChange={(kind) => setDay((current) => ({ ...current, kind }))}
            error={errors.kind}
          />
          <TextField
            id={FIELD_IDS.note}
            label={t('calendarAdmin.note')}
            hint={t('calendarAdmin.noteHint')}
            value={day.note}
            onChange={(note) => setDay((current) => ({ ...current, note }))}
            error={errors.note}
            maxLength={40}
          />
          <div className="admin-actions">
            <button className="button button--secondary" type="submit">
              {t('calendarAdmin.addDay')}
            </button>
          </div>
        </form>
      </section>

      <AdminListStatus notice={notice} state={state}>
        {() => (
          <>
            <div className="table-wrap" role="region" aria-labelledby="calendar-caption" tabIndex={0}>
              <table className="data-table">
                <caption id="calendar-caption" className="visually-hidden">
                  {t('calendarAdmin.caption', { year })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calendarAdmin.date')}</th>
                    <th scope="col">{t('calendarAdmin.weekday')}</th>
                    <th scope="col">{t('calendarAdmin.kind')}</th>
                    <th scope="col">{t('calendarAdmin.note')}</th>
                    <th scope="col">{t('calendarAdmin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {days.length === 0 && (
                    <tr>
                      <td colSpan={5}>{t('calendarAdmin.empty')}</td>
                    </tr>
                  )}
                  {days.map((entry) => (
                    <tr key={entry.date}>
                      <th scope="row">{entry.date}</th>
                      <td>{t(WEEKDAY_KEYS[weekdayOf(entry.date)] ?? WEEKDAY_KEYS[0])}</td>
                      <td>{t(`calendarAdmin.kinds.${entry.kind}`)}</td>
                      <td lang="zh-CN">{entry.note}</td>
                      <td className="data-table__actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => removeDay(entry.date)}
                          aria-label={t('calendarAdmin.removeLabel', { date: entry.date })}
                        >
                          {t('calendarAdmin.remove')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="form">
              <TextAreaField
                id="calendar-source"
                label={t('calendarAdmin.source')}
                hint={t('calendarAdmin.sourceHint')}
                value={source}
                onChange={setSource}
                error={errors.source}
              />
              <div className="admin-actions">
                <button
                  className="button button--primary"
                  type="button"
                  disabled={isBusy}
                  onClick={() => void save()}
                >
                  {t('calendarAdmin.save', { year })}
                </button>
              </div>
            </div>
          </>
        )}
      </AdminListStatus>
    </>
  );
}
