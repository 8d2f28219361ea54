// Durable timers of requests: a reminder before each target (first response, resolution) to the
// manager, and an escalation to the manager's head once a target is missed. A timer fires at
// most once per target: its flag is set by a conditional update in the same transaction as its
// notification, so a retried or duplicated job changes nothing; a target that moved (a
// reopening) or was met makes the old timers no-ops.
import type { Transaction } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { WorkingDayCalendar } from '../../platform/calendar/working-days.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { notify } from '../notifications/notify.ts';
import { deskRecipients, escalationRecipients } from './requests-notify.ts';
import { findRequest, recordRequestEvent } from './requests.repository.ts';
import { reminderTimes } from './requests-sla.ts';
import type { DeskRequestTable } from './requests.tables.ts';

export const REQUEST_TIMER_QUEUE = 'desk.request-timer';

export type RequestTarget = 'first_response' | 'resolution';

export interface RequestTimerPayload {
  requestId: string;
  target: RequestTarget;
  kind: 'reminder' | 'overdue';
  dueAt: string;
}

/** Queues the timers of the request's targets (in the caller's transaction). */
export async function scheduleRequestTimers(
  trx: Transaction<Database>,
  deps: AppDeps,
  calendar: WorkingDayCalendar,
  row: DeskRequestTable,
  from: Date,
  which: { firstResponse: boolean },
): Promise<void> {
  const due = {
    firstResponseDueAt: new Date(row.firstResponseDueAt),
    resolutionDueAt: new Date(row.resolutionDueAt),
  };
  const reminders = reminderTimes(calendar, row.category, from, due);
  const jobs: { target: RequestTarget; kind: 'reminder' | 'overdue'; runAt: Date; dueAt: string }[] = [
    { target: 'resolution', kind: 'reminder', runAt: reminders.resolution, dueAt: row.resolutionDueAt },
    { target: 'resolution', kind: 'overdue', runAt: due.resolutionDueAt, dueAt: row.resolutionDueAt },
  ];
  if (which.firstResponse)
    jobs.push(
      {
        target: 'first_response',
        kind: 'reminder',
        runAt: reminders.firstResponse,
        dueAt: row.firstResponseDueAt,
      },
      {
        target: 'first_response',
        kind: 'overdue',
        runAt: due.firstResponseDueAt,
        dueAt: row.firstResponseDueAt,
      },
    );
  for (const job of jobs) {
    if (job.kind === 'reminder' && job.runAt <= from) continue;
    const payload: RequestTimerPayload = {
      requestId: row.id,
      target: job.target,
      kind: job.kind,
      dueAt: job.dueAt,
    };
    await deps.jobs.enqueue(
      REQUEST_TIMER_QUEUE,
      payload,
      { runAt: job.runAt, dedupeKey: `desk-request:${row.id}:${job.target}:${job.kind}:${job.dueAt}` },
      trx,
    );
  }
}

const FLAGS = {
  first_response: { reminder: 'firstResponseRemindedAt', overdue: 'firstResponseEscalatedAt' },
  resolution: { reminder: 'resolutionRemindedAt', overdue: 'resolutionEscalatedAt' },
} as const;

const TARGET_WORDS = {
  first_response: { zh: '首次响应', en: 'first response' },
  resolution: { zh: '办结', en: 'resolution' },
};

function isTargetOpen(row: DeskRequestTable, payload: RequestTimerPayload): boolean {
  if (payload.target === 'first_response')
    return row.firstRespondedAt === null && row.firstResponseDueAt === payload.dueAt;
  return row.resolutionDueAt === payload.dueAt && !['answered', 'resolved'].includes(row.status);
}

/** Handles one timer job; returns what it did (for tests and logs). */
export async function runRequestTimer(
  deps: AppDeps,
  payload: RequestTimerPayload,
): Promise<'fired' | 'skipped'> {
  return deps.database.db.transaction().execute(async (trx) => {
    const row = await findRequest(trx, payload.requestId);
    if (!row || !isTargetOpen(row, payload)) return 'skipped';
    const flag = FLAGS[payload.target][payload.kind];
    const now = deps.clock.now().toISOString();
    const updated = await trx
      .updateTable('deskRequests')
      .set({ [flag]: now })
      .where('id', '=', row.id)
      .where(flag, 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 'skipped';

    const words = TARGET_WORDS[payload.target];
    const dueText = payload.dueAt.slice(0, 16).replace('T', ' ') + ' UTC';
    const link = `/desk/requests/${row.id}`;
    const desk = await deskRecipients(trx, row);
    if (payload.kind === 'reminder') {
      await notify(trx, deps.jobs, {
        recipients: { userIds: desk },
        kind: 'desk.request.due_soon',
        title: { zh: `诉求即将超过${words.zh}时限`, en: `A request's ${words.en} target is near` },
        body: {
          zh: `诉求 ${row.referenceNo}（${row.title}）的${words.zh}时限为 ${dueText}。`,
          en: `The ${words.en} target of request ${row.referenceNo} (${row.title}) is ${dueText}.`,
        },
        link,
        object: { type: 'desk_request', id: row.id },
      });
      await recordRequestEvent(trx, {
        requestId: row.id,
        at: now,
        kind: 'reminded',
        actor: null,
        details: { target: payload.target, dueAt: payload.dueAt, internal: true },
      });
      return 'fired';
    }
    const heads = await escalationRecipients(trx, row);
    await notify(trx, deps.jobs, {
      recipients: { userIds: [...new Set([...heads, ...desk])] },
      kind: 'desk.request.overdue',
      title: { zh: `诉求已超过${words.zh}时限`, en: `A request missed its ${words.en} target` },
      body: {
        zh: `诉求 ${row.referenceNo}（${row.title}）已超过 ${dueText} 的${words.zh}时限，已提请负责人督办。`,
        en: `Request ${row.referenceNo} (${row.title}) missed its ${words.en} target of ${dueText} and was escalated to the head.`,
      },
      link,
      object: { type: 'desk_request', id: row.id },
    });
    await recordRequestEvent(trx, {
      requestId: row.id,
      at: now,
      kind: 'escalated',
      actor: null,
      details: { target: payload.target, dueAt: payload.dueAt, headUserIds: heads, internal: true },
    });
    await appendAudit(trx, {
      actor: null,
      action: 'desk.request.escalate',
      objectType: 'deskRequest',
      objectId: row.id,
      subjectEnterpriseId: row.enterpriseId,
      subjectPersonId: row.personId,
      details: { target: payload.target, dueAt: payload.dueAt, headUserIds: heads },
    });
    return 'fired';
  });
}

/** Registers the enterprise desk's request timers on the app's job runner. */
export function registerDeskRequestJobs(deps: AppDeps): void {
  deps.jobs.register(REQUEST_TIMER_QUEUE, async (payload) => {
    await runRequestTimer(deps, payload as RequestTimerPayload);
  });
}
