import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { claimTask, listTasks, type QueueItem, type QueueQuery } from '../../api/workbench-endpoints.ts';
import type { AdminNotice } from '../../components/AdminListStatus.tsx';
import { SelectField } from '../../components/ChoiceFields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Pagination } from '../../components/catalog/Pagination.tsx';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { OfficeStatsPanel } from './OfficeStatsPanel.tsx';
import { RequireCasework, TimeLeftBadge, WorkbenchNav, oneOf, useWorkbenchWords } from './WorkbenchFrame.tsx';
import { canWork } from './workbench-rules.ts';

const VIEWS = ['open', 'mine', 'unassigned', 'overdue', 'done'] as const;
type View = (typeof VIEWS)[number];
const PAGE_SIZE = 20;

const VIEW_QUERY: Record<View, QueueQuery> = {
  open: { status: 'open', assignee: 'any' },
  mine: { status: 'open', assignee: 'me' },
  unassigned: { status: 'open', assignee: 'unassigned' },
  overdue: { status: 'open', overdue: true },
  done: { status: 'done', sort: 'opened' },
};

/** `/workbench`: the task queue of my offices, deadline first. */
export function QueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workbench.queue.title'));
  return <RequireCasework>{(me) => <Queue me={me} />}</RequireCasework>;
}

function Queue({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = oneOf(VIEWS, params.get('view') ?? '') ? (params.get('view') as View) : 'open';
  const officeId = params.get('office') ?? '';
  const q = params.get('q') ?? '';
  const sort = params.get('sort') === 'opened' ? 'opened' : 'due';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [search, setSearch] = useState(q);
  const [notice, setNotice] = useState<AdminNotice | null>(null);
  const words = useWorkbenchWords();

  const load = useCallback(
    () =>
      listTasks({
        sort,
        ...VIEW_QUERY[view],
        ...(officeId ? { officeId } : {}),
        ...(q ? { q } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [view, officeId, q, sort, page],
  );
  const [state, reload] = useApiResource(load);

  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('page' in changes)) next.delete('page');
    const text = next.toString();
    return text ? `/workbench?${text}` : '/workbench';
  };
  const change = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(hrefWith(changes).split('?')[1] ?? '');
    setParams(next);
  };

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change({ q: search.trim() || null });
  }

  async function claim(item: QueueItem) {
    setNotice(null);
    try {
      await claimTask(item.id);
      setNotice({
        kind: 'success',
        text: t('workbench.queue.claimed', {
          receiptNo: item.application.receiptNo,
          step: words.pick(item),
        }),
      });
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) });
    }
    reload();
  }

  const offices = state.status === 'ready' ? state.data.offices : [];

  return (
    <>
      <WorkbenchNav me={me} />
      <PageHeading>{t('workbench.queue.title')}</PageHeading>
      <p className="lead">{t('workbench.queue.lead')}</p>
      <OfficeStatsPanel officeId={officeId} />
      <div className="queue">
        <div>
          <nav className="queue-views" aria-label={t('workbench.queue.viewsLabel')}>
            <ul className="queue-views__list">
              {VIEWS.map((name) => (
                <li key={name}>
                  <Link
                    className="queue-views__link"
                    to={hrefWith({ view: name === 'open' ? null : name })}
                    aria-current={name === view ? 'page' : undefined}
                  >
                    {t(`workbench.queue.views.${name}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="queue-filters">
            <form className="queue-search" role="search" onSubmit={submitSearch}>
              <TextField
                id="queue-search"
                label={t('workbench.queue.search')}
                hint={t('workbench.queue.searchHint')}
                value={search}
                onChange={setSearch}
                maxLength={40}
                spellCheck={false}
                autoCapitalize="characters"
              />
              <button type="submit" className="button button--secondary">
                {t('workbench.queue.searchButton')}
              </button>
              {q && (
                <Link
                  className="queue-search__clear"
                  to={hrefWith({ q: null })}
                  onClick={() => setSearch('')}
                >
                  {t('workbench.queue.clearSearch')}
                </Link>
              )}
            </form>
            {offices.length > 1 && (
              <SelectField
                id="queue-office"
                label={t('workbench.queue.office')}
                value={officeId}
                options={[
                  { value: '', label: t('workbench.queue.allOffices') },
                  ...offices.map((office) => ({ value: office.id, label: words.pick(office) })),
                ]}
                onChange={(value) => change({ office: value || null })}
              />
            )}
            <SelectField
              id="queue-sort"
              label={t('workbench.queue.sort')}
              value={sort}
              options={[
                { value: 'due', label: t('workbench.queue.sortDue') },
                { value: 'opened', label: t('workbench.queue.sortOpened') },
              ]}
              onChange={(value) => change({ sort: value === 'due' ? null : value })}
            />
          </div>
          <div role="status" aria-live="polite">
            {notice && <p className={`notice notice--${notice.kind}`}>{notice.text}</p>}
          </div>
          {state.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
          {state.status === 'failed' && (
            <p className="notice notice--error" role="alert">
              {state.error.message}
            </p>
          )}
          {state.status === 'ready' && (
            <>
              <p className="result-count" role="status">
                {q
                  ? t('workbench.queue.countFor', { q, count: state.data.total })
                  : t('workbench.queue.count', { count: state.data.total })}
              </p>
              {state.data.items.length === 0 ? (
                <p className="empty">{t('workbench.queue.empty')}</p>
              ) : (
                <QueueTable items={state.data.items} me={me} onClaim={(item) => void claim(item)} />
              )}
              <Pagination
                page={page}
                pageCount={Math.ceil(state.data.total / PAGE_SIZE)}
                hrefFor={(p) => hrefWith({ page: p === 1 ? null : String(p) })}
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}

function QueueTable({ items, me, onClaim }: { items: QueueItem[]; me: Me; onClaim(item: QueueItem): void }) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  return (
    <div className="table-wrap" role="region" aria-labelledby="queue-caption" tabIndex={0}>
      <table className="data-table queue-table">
        <caption id="queue-caption" className="visually-hidden">
          {t('workbench.queue.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('workbench.queue.columns.receiptNo')}</th>
            <th scope="col">{t('workbench.queue.columns.service')}</th>
            <th scope="col">{t('workbench.queue.columns.applicant')}</th>
            <th scope="col">{t('workbench.queue.columns.step')}</th>
            <th scope="col">{t('workbench.queue.columns.office')}</th>
            <th scope="col">{t('workbench.queue.columns.assignee')}</th>
            <th scope="col">{t('workbench.queue.columns.due')}</th>
            <th scope="col">{t('workbench.queue.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const step = words.pick(item);
            const isMine = item.assignee?.userId === me.user.id;
            return (
              <tr key={item.id} className={isMine ? 'queue-table__row--mine' : undefined}>
                <th scope="row" className="mono">
                  <Link
                    to={`/workbench/applications/${encodeURIComponent(item.application.id)}`}
                    aria-label={t('workbench.queue.open', { receiptNo: item.application.receiptNo })}
                  >
                    {item.application.receiptNo}
                  </Link>
                </th>
                <td className="queue-table__service">
                  {words.pick(item.application)}
                  <span className="data-table__sub">{words.channel(item.application.channel)}</span>
                </td>
                <td>{item.application.applicantName}</td>
                <td>
                  {step}
                  <span className="data-table__sub">{words.role(item.role)}</span>
                </td>
                <td>{words.pick(item.office)}</td>
                <td>
                  {item.assignee ? (
                    isMine ? (
                      t('workbench.tasks.you', { name: item.assignee.name })
                    ) : (
                      item.assignee.name
                    )
                  ) : (
                    <span className="muted">{t('workbench.queue.unassigned')}</span>
                  )}
                </td>
                <td className="queue-table__due">
                  {item.status === 'open' ? (
                    <>
                      <TimeLeftBadge timeState={item.timeState} workingDaysLeft={item.workingDaysLeft} />
                      <span className="data-table__sub">
                        {t('workbench.time.dueDate', { date: words.date(item.dueDate) })}
                        {item.escalated && ` · ${t('workbench.time.escalated')}`}
                      </span>
                    </>
                  ) : (
                    <span className="data-table__sub">
                      {item.closedAt
                        ? t('workbench.queue.closedAt', { date: words.dateTime(item.closedAt) })
                        : t(`workbench.taskStatus.${item.status === 'done' ? 'done' : 'cancelled'}`)}
                    </span>
                  )}
                </td>
                <td className="data-table__actions">
                  {item.status === 'open' && !item.assignee && canWork(me, item) && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('workbench.queue.claimLabel', {
                        receiptNo: item.application.receiptNo,
                        step,
                      })}
                      onClick={() => onClaim(item)}
                    >
                      {t('workbench.queue.claim')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
