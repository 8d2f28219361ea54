// One reconciliation run of a day: compare (compare.ts), then keep the list of mismatches — one row
// per difference however often the day is re-run; a difference the run repaired is recorded as
// resolved by it; an open one that a later run no longer finds is resolved with a note saying so.
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { nowIso } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { compareDay, officesOfOrders, shanghaiDateOf, type Finding } from './compare.ts';
import type { ReconciliationRunTable, ReconciliationTrigger } from './reconciliation.tables.ts';

export const REPAIRED_NOTE =
  '对账时已按支付机构的结果补记入账 Settled by reconciliation from the provider’s record';
export const GONE_NOTE = '复核时差异已不存在 No longer differs when the day was checked again';

/** The day before `now`, in Asia/Shanghai (what the daily job reconciles). */
export function previousShanghaiDate(now: Date): string {
  return shanghaiDateOf(new Date(now.getTime() - 86_400_000).toISOString());
}

export function mismatchKey(date: string, finding: Finding): string {
  const reference =
    finding.subject === 'biller_payment'
      ? `${finding.utilityKind}:${finding.paymentRef}`
      : finding.subject === 'refund'
        ? finding.refundNo
        : finding.merchantOrderNo;
  return `${date}:${finding.kind}:${finding.subject}:${reference}`;
}

/**
 * Reconciles one day (YYYY-MM-DD, Asia/Shanghai) and returns the finished run. When the provider
 * or a biller cannot be reached the run is recorded as failed and the error is thrown again (the
 * daily job then retries).
 */
export async function reconcileDay(
  deps: AppDeps,
  date: string,
  trigger: { by: ReconciliationTrigger; userId?: string | null; userName?: string },
): Promise<ReconciliationRunTable> {
  const { db } = deps.database;
  const run: ReconciliationRunTable = {
    id: uuidv7(),
    businessDate: date,
    providerId: deps.paymentProvider.id,
    status: 'running',
    triggeredBy: trigger.by,
    triggeredByUserId: trigger.userId ?? null,
    startedAt: nowIso(),
    finishedAt: null,
    statementLines: 0,
    statementPaymentsFen: 0,
    statementRefundsFen: 0,
    statementFeesFen: 0,
    confirmations: 0,
    ordersChecked: 0,
    mismatchesFound: 0,
    repaired: 0,
    error: null,
  };
  await db.insertInto('reconciliationRuns').values(run).execute();
  let comparison;
  try {
    comparison = await compareDay(deps, date);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .updateTable('reconciliationRuns')
      .set({ status: 'failed', finishedAt: nowIso(), error: message.slice(0, 1000) })
      .where('id', '=', run.id)
      .execute();
    throw error;
  }
  const offices = await officesOfOrders(
    deps,
    comparison.findings.flatMap((f) => (f.orderId ? [f.orderId] : [])),
  );
  const finished: ReconciliationRunTable = {
    ...run,
    status: 'completed',
    finishedAt: nowIso(),
    statementLines: comparison.statement.lines,
    statementPaymentsFen: comparison.statement.paymentsFen,
    statementRefundsFen: comparison.statement.refundsFen,
    statementFeesFen: comparison.statement.feesFen,
    confirmations: comparison.confirmations,
    ordersChecked: comparison.ordersChecked,
    mismatchesFound: comparison.findings.length,
    repaired: comparison.findings.filter((f) => f.repaired).length,
  };
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const keys: string[] = [];
    for (const finding of comparison.findings) {
      const key = mismatchKey(date, finding);
      keys.push(key);
      const existing = await trx
        .selectFrom('reconciliationMismatches')
        .select(['id', 'status'])
        .where('mismatchKey', '=', key)
        .executeTakeFirst();
      const officeIds = finding.orderId ? (offices.get(finding.orderId) ?? []) : [];
      const values = {
        lastRunId: run.id,
        ourFen: finding.ourFen ?? null,
        theirFen: finding.theirFen ?? null,
        ourState: finding.ourState ?? null,
        theirState: finding.theirState ?? null,
        updatedAt: now,
      };
      const repaired = finding.repaired
        ? { status: 'resolved' as const, repaired: 1, resolutionNote: REPAIRED_NOTE, resolvedAt: now }
        : {};
      if (existing) {
        await trx
          .updateTable('reconciliationMismatches')
          .set({ ...values, ...(existing.status === 'open' ? repaired : {}) })
          .where('id', '=', existing.id)
          .execute();
        continue;
      }
      const id = uuidv7();
      await trx
        .insertInto('reconciliationMismatches')
        .values({
          id,
          mismatchKey: key,
          firstRunId: run.id,
          businessDate: date,
          kind: finding.kind,
          subject: finding.subject,
          merchantOrderNo: finding.merchantOrderNo ?? null,
          refundNo: finding.refundNo ?? null,
          billNo: finding.billNo ?? null,
          utilityKind: finding.utilityKind ?? null,
          paymentRef: finding.paymentRef ?? null,
          orderId: finding.orderId ?? null,
          officeIds: `,${officeIds.join(',')},`,
          status: 'open',
          repaired: 0,
          resolutionNote: null,
          resolvedByUserId: null,
          resolvedAt: null,
          createdAt: now,
          ...values,
          ...repaired,
        })
        .execute();
      if (finding.repaired)
        await appendAudit(trx, {
          actor: null,
          action: 'payment.reconciliation.repair',
          objectType: 'payment_order',
          objectId: finding.orderId,
          details: {
            date,
            kind: finding.kind,
            subject: finding.subject,
            mismatchId: id,
            refundNo: finding.refundNo,
          },
        });
    }
    let gone = trx
      .updateTable('reconciliationMismatches')
      .set({
        status: 'resolved',
        resolutionNote: GONE_NOTE,
        resolvedAt: now,
        updatedAt: now,
        lastRunId: run.id,
      })
      .where('businessDate', '=', date)
      .where('status', '=', 'open');
    if (keys.length) gone = gone.where('mismatchKey', 'not in', keys);
    await gone.execute();
    await trx
      .updateTable('reconciliationRuns')
      .set({
        status: finished.status,
        finishedAt: finished.finishedAt,
        statementLines: finished.statementLines,
        statementPaymentsFen: finished.statementPaymentsFen,
        statementRefundsFen: finished.statementRefundsFen,
        statementFeesFen: finished.statementFeesFen,
        confirmations: finished.confirmations,
        ordersChecked: finished.ordersChecked,
        mismatchesFound: finished.mismatchesFound,
        repaired: finished.repaired,
      })
      .where('id', '=', run.id)
      .execute();
    await appendAudit(trx, {
      actor: trigger.userId ? { userId: trigger.userId, name: trigger.userName ?? '' } : null,
      action: 'payment.reconciliation.run',
      objectType: 'reconciliation_run',
      objectId: run.id,
      details: {
        date,
        trigger: trigger.by,
        mismatches: finished.mismatchesFound,
        repaired: finished.repaired,
      },
    });
  });
  return finished;
}
