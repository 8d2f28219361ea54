import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import type { Mismatch, ReconciliationRun } from '../../../../contracts/api/reconciliation.ts';
import { formatYuan } from '../../../../contracts/money.ts';
import { SelectField, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import {
  listMismatches,
  listRuns,
  mismatchesCsvUrl,
  resolveMismatch,
  startRun,
  type MismatchFilter,
} from './reconciliation-api.ts';

const fen = (amount: number | null) => (amount === null ? '—' : `¥${formatYuan(Math.abs(amount))}`);

/** 对账: the daily runs and the mismatches they found, each with what to do; resolve with a note. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reconciliation.title'));
  return <RequireSession>{(me) => <Reconciliation isAdmin={me.isAdmin} />}</RequireSession>;
}

function Reconciliation({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'' | 'open' | 'resolved'>('open');
  const [date, setDate] = useState('');
  const filter: MismatchFilter = { ...(status ? { status } : {}), ...(date ? { date } : {}) };
  const loadRuns = useCallback(() => listRuns(), []);
  const [runs, reloadRuns] = useApiResource(loadRuns);
  const loadMismatches = useCallback(
    () => listMismatches({ ...(status ? { status } : {}), ...(date ? { date } : {}) }),
    [status, date],
  );
  const [mismatches, reloadMismatches] = useApiResource(loadMismatches);
  const reload = () => {
    reloadRuns();
    reloadMismatches();
  };
  return (
    <>
      <PageHeading>{t('reconciliation.title')}</PageHeading>
      <p className="lead">{t('reconciliation.lead')}</p>
      {isAdmin && <StartRun onDone={reload} />}
      <section aria-labelledby="reconciliation-runs">
        <h2 id="reconciliation-runs">{t('reconciliation.runs.title')}</h2>
        <ResourceStatus state={runs}>{({ items }) => <RunTable runs={items} />}</ResourceStatus>
      </section>
      <section aria-labelledby="reconciliation-mismatches">
        <h2 id="reconciliation-mismatches">{t('reconciliation.mismatches.title')}</h2>
        <div>
          <SelectField
            id="reconciliation-status"
            label={t('reconciliation.mismatches.filterStatus')}
            value={status}
            options={[
              { value: 'open', label: t('reconciliation.status.open') },
              { value: 'resolved', label: t('reconciliation.status.resolved') },
              { value: '', label: t('reconciliation.mismatches.all') },
            ]}
            onChange={(value) => setStatus(value as '' | 'open' | 'resolved')}
          />
          <DateField
            id="reconciliation-date"
            label={t('reconciliation.mismatches.filterDate')}
            value={date}
            onChange={setDate}
          />
        </div>
        <p>
          <a className="button button--secondary" href={mismatchesCsvUrl(filter)} download>
            {t('reconciliation.mismatches.csv')}
          </a>
        </p>
        <ResourceStatus state={mismatches}>
          {({ items, total }) => (
            <>
              <p role="status">{t('reconciliation.mismatches.count', { count: total })}</p>
              {items.length === 0 && <p className="empty">{t('reconciliation.mismatches.empty')}</p>}
              <ul className="item-list">
                {items.map((mismatch) => (
                  <MismatchItem key={mismatch.id} mismatch={mismatch} onResolved={reload} />
                ))}
              </ul>
            </>
          )}
        </ResourceStatus>
      </section>
    </>
  );
}

/** A labelled date input (YYYY-MM-DD), its error right above it. */
function DateField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { id, label, value, onChange, error, required = false } = props;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        id={id}
        className="field__input field__input--short"
        type="date"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function StartRun({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const [date, setDate] = useState(yesterday);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setMessage('');
    try {
      const { run } = await startRun(date);
      setMessage(t('reconciliation.start.done', { date: run.businessDate, count: run.mismatchesFound }));
      onDone();
    } catch (caught) {
      setError((caught as ApiError).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="reconciliation-start">
      <h2 id="reconciliation-start">{t('reconciliation.start.title')}</h2>
      <DateField
        id="reconciliation-start-date"
        label={t('reconciliation.start.date')}
        value={date}
        onChange={setDate}
        error={error}
        required
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('reconciliation.start.submit')}
      </button>
      <p role="status" aria-live="polite">
        {busy ? t('reconciliation.start.running') : message}
      </p>
    </form>
  );
}

function RunTable({ runs }: { runs: ReconciliationRun[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  if (runs.length === 0) return <p className="empty">{t('reconciliation.runs.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('reconciliation.runs.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reconciliation.runs.date')}</th>
            <th scope="col">{t('reconciliation.runs.status')}</th>
            <th scope="col">{t('reconciliation.runs.startedAt')}</th>
            <th scope="col">{t('reconciliation.runs.lines')}</th>
            <th scope="col">{t('reconciliation.runs.payments')}</th>
            <th scope="col">{t('reconciliation.runs.fees')}</th>
            <th scope="col">{t('reconciliation.runs.found')}</th>
            <th scope="col">{t('reconciliation.runs.repaired')}</th>
            <th scope="col">{t('reconciliation.runs.open')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <th scope="row">{run.businessDate}</th>
              <td>
                {t(`reconciliation.runStatus.${run.status}`)}
                {run.error ? ` — ${run.error}` : ''}
              </td>
              <td>{formatDateTime(run.startedAt, language)}</td>
              <td>{run.statementLines}</td>
              <td>{fen(run.statementPaymentsFen)}</td>
              <td>{fen(run.statementFeesFen)}</td>
              <td>{run.mismatchesFound}</td>
              <td>{run.repaired}</td>
              <td>{run.openMismatches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MismatchItem({ mismatch, onResolved }: { mismatch: Mismatch; onResolved(): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const stateLabel = (state: string) => t(`reconciliation.states.${state}`, { defaultValue: state });
  const [error, setError] = useState<string | undefined>();
  const titleId = `mismatch-${mismatch.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await resolveMismatch(mismatch.id, note);
      onResolved();
    } catch (caught) {
      const apiError = caught as ApiError;
      setError(apiError.fieldErrors().note ?? apiError.message);
    }
  }
  const reference = mismatch.refundNo ?? mismatch.merchantOrderNo ?? mismatch.paymentRef ?? '';
  return (
    <li className="item" aria-labelledby={titleId}>
      <h3 className="item__title" id={titleId}>
        <span className={mismatch.status === 'open' ? 'badge badge--warning' : 'badge badge--success'}>
          {mismatch.repaired
            ? t('reconciliation.status.repaired')
            : t(`reconciliation.status.${mismatch.status}`)}
        </span>{' '}
        {mismatch.kindLabel} · {mismatch.subjectLabel} · {reference}
      </h3>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('reconciliation.mismatches.date')}</dt>
          <dd>{mismatch.businessDate}</dd>
        </div>
        {mismatch.billNo && (
          <div className="facts__row">
            <dt>{t('reconciliation.mismatches.bill')}</dt>
            <dd>{mismatch.billNo}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('reconciliation.mismatches.ours')}</dt>
          <dd>
            {fen(mismatch.ourFen)} {mismatch.ourState ? `（${stateLabel(mismatch.ourState)}）` : ''}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('reconciliation.mismatches.theirs')}</dt>
          <dd>
            {fen(mismatch.theirFen)} {mismatch.theirState ? `（${stateLabel(mismatch.theirState)}）` : ''}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('reconciliation.mismatches.advice')}</dt>
          <dd>{mismatch.advice}</dd>
        </div>
        {mismatch.resolutionNote && (
          <div className="facts__row">
            <dt>{t('reconciliation.mismatches.note')}</dt>
            <dd>
              {mismatch.resolutionNote}
              {mismatch.resolvedBy ? ` (${mismatch.resolvedBy})` : ''}
            </dd>
          </div>
        )}
      </dl>
      {mismatch.status === 'open' && (
        <form onSubmit={(event) => void submit(event)} aria-label={t('reconciliation.resolve.title')}>
          <TextAreaField
            id={`${titleId}-note`}
            label={t('reconciliation.resolve.note')}
            value={note}
            onChange={setNote}
            error={error}
            rows={2}
          />
          <button type="submit" className="button button--primary">
            {t('reconciliation.resolve.submit')}
          </button>
        </form>
      )}
    </li>
  );
}
