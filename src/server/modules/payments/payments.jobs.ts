// The payments module's durable jobs: pushing each paid utility bill to its biller until it
// confirms (or refuses for good), and a sweep every few minutes that asks the provider about
// orders still pending (so a dropped callback still settles and an abandoned order closes),
// sends approved refunds the provider has not taken yet, and re-queues stalled biller pushes.
import type { AppDeps } from '../../platform/deps.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/database.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { checkOrderWithProvider, PENDING_QUERY_AFTER_MS } from './orders.service.ts';
import { BillerRejectedError } from './ports.ts';
import { sendRefundToProvider } from './refunds.service.ts';
import { BILLER_PUSH_MAX_ATTEMPTS, BILLER_PUSH_QUEUE } from './settlement.ts';

export const PAYMENTS_SWEEP_QUEUE = 'payments.sweep';
/** How often the sweep runs. */
export const SWEEP_INTERVAL_MS = 2 * 60_000;
/** Orders per sweep (oldest first); the next sweep takes the rest. */
const SWEEP_BATCH = 200;

/** Pushes one paid utility bill to its biller; throws (so the runner retries with backoff) while it cannot. */
export async function pushBillToBiller(
  deps: AppDeps,
  pushId: string,
): Promise<'confirmed' | 'rejected' | 'done'> {
  const { db } = deps.database;
  const push = await db.selectFrom('billerPushes').selectAll().where('id', '=', pushId).executeTakeFirst();
  if (!push || push.status !== 'pending') return 'done';
  await db
    .updateTable('billerPushes')
    .set({ attempts: push.attempts + 1, updatedAt: nowIso() })
    .where('id', '=', pushId)
    .execute();
  try {
    const { confirmationNo } = await deps.billers.pushPayment(push.utilityKind, {
      billNo: push.billNo,
      accountNumber: push.accountNumber,
      amountFen: push.amountFen,
      paymentRef: push.paymentRef,
    });
    await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('billerPushes')
        .set({
          status: 'confirmed',
          confirmationNo,
          confirmedAt: nowIso(),
          lastError: null,
          updatedAt: nowIso(),
        })
        .where('id', '=', pushId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 1)
        await appendAudit(trx, {
          actor: null,
          action: 'payment.biller_push.confirmed',
          objectType: 'biller_push',
          objectId: pushId,
          details: { billNo: push.billNo, paymentRef: push.paymentRef, confirmationNo },
        });
    });
    return 'confirmed';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof BillerRejectedError) {
      await db.transaction().execute(async (trx) => {
        const done = await trx
          .updateTable('billerPushes')
          .set({
            status: 'rejected',
            rejectReason: error.reason,
            lastError: message.slice(0, 500),
            updatedAt: nowIso(),
          })
          .where('id', '=', pushId)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 1)
          await appendAudit(trx, {
            actor: null,
            action: 'payment.biller_push.rejected',
            objectType: 'biller_push',
            objectId: pushId,
            details: { billNo: push.billNo, paymentRef: push.paymentRef, reason: error.reason },
          });
      });
      return 'rejected';
    }
    await db
      .updateTable('billerPushes')
      .set({ lastError: message.slice(0, 500), updatedAt: nowIso() })
      .where('id', '=', pushId)
      .execute();
    throw error;
  }
}

/** Queues the push of one biller push row (once while one is queued). */
export function enqueueBillerPush(jobs: JobRunner, pushId: string): Promise<string> {
  return jobs.enqueue(
    BILLER_PUSH_QUEUE,
    { pushId },
    { dedupeKey: `${BILLER_PUSH_QUEUE}:${pushId}`, maxAttempts: BILLER_PUSH_MAX_ATTEMPTS },
  );
}

export interface SweepResult {
  ordersChecked: number;
  refundsSent: number;
  pushesRequeued: number;
}

/**
 * One sweep: asks the provider about open orders that have waited past the query delay (or
 * expired), sends `processing` refunds again, and re-queues pending biller pushes whose job has
 * given up.
 */
export async function sweepPayments(deps: AppDeps): Promise<SweepResult> {
  const { db } = deps.database;
  const now = deps.clock.now().getTime();
  const before = new Date(now - PENDING_QUERY_AFTER_MS).toISOString();
  const open = await db
    .selectFrom('paymentOrders')
    .selectAll()
    .where('state', 'in', ['created', 'pending'])
    .where('createdAt', '<=', before)
    .orderBy('createdAt')
    .limit(SWEEP_BATCH)
    .execute();
  let ordersChecked = 0;
  for (const order of open) if (await checkOrderWithProvider(deps, order)) ordersChecked += 1;

  const processing = await db
    .selectFrom('paymentRefunds')
    .select('id')
    .where('state', '=', 'processing')
    .where('updatedAt', '<=', before)
    .limit(SWEEP_BATCH)
    .execute();
  for (const refund of processing) await sendRefundToProvider(deps, refund.id);

  const stalled = await db
    .selectFrom('billerPushes as b')
    .select('b.id')
    .where('b.status', '=', 'pending')
    .where('b.updatedAt', '<=', before)
    .limit(SWEEP_BATCH)
    .execute();
  let pushesRequeued = 0;
  for (const push of stalled) {
    const live = await db
      .selectFrom('jobs')
      .select('id')
      .where('dedupeKey', '=', `${BILLER_PUSH_QUEUE}:${push.id}`)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (live) continue;
    await enqueueBillerPush(deps.jobs, push.id);
    pushesRequeued += 1;
  }
  return { ordersChecked, refundsSent: processing.length, pushesRequeued };
}

/** Queues the next sweep after `after` (one per slot, however many processes ask). */
export function scheduleSweep(jobs: JobRunner, after = new Date()): Promise<string> {
  const slot = Math.floor(after.getTime() / SWEEP_INTERVAL_MS + 1) * SWEEP_INTERVAL_MS;
  const runAt = new Date(slot);
  return jobs.enqueue(
    PAYMENTS_SWEEP_QUEUE,
    { runAt: runAt.toISOString() },
    { runAt, dedupeKey: `${PAYMENTS_SWEEP_QUEUE}:${runAt.toISOString()}` },
  );
}

/** Registers the biller push and sweep handlers (called from job-handlers.ts). */
export function registerPaymentsJobs(deps: AppDeps): void {
  deps.jobs.register(BILLER_PUSH_QUEUE, async (payload) => {
    await pushBillToBiller(deps, (payload as { pushId: string }).pushId);
  });
  deps.jobs.register(PAYMENTS_SWEEP_QUEUE, async (payload) => {
    try {
      await sweepPayments(deps);
    } finally {
      const slot = Date.parse((payload as { runAt?: string } | null)?.runAt ?? '');
      await scheduleSweep(deps.jobs, new Date(Math.max(Date.now(), slot || 0)));
    }
  });
}
