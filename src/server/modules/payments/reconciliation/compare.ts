// What one day's comparison finds: the provider's statement against our orders and refunds, and
// the billers' confirmations against our biller pushes. Orders the provider says are paid but we
// still hold open are settled here, through the payments module's own exactly-once path
// (applyProviderOrderState / applyRefundReport), and the provider's fee on each payment is posted
// to the ledger (idempotent on the statement line). Everything else is a finding for an operator.
import type { AppDeps } from '../../../platform/deps.ts';
import { ledgerAccounts, postLedgerTransaction } from '../ledger.ts';
import type { ProviderOrder, StatementLine, UtilityKind } from '../ports.ts';
import { applyRefundReport } from '../refunds.service.ts';
import { applyProviderOrderState } from '../settlement.ts';
import type { MismatchKind, MismatchSubject } from './reconciliation.tables.ts';

export interface Finding {
  kind: MismatchKind;
  subject: MismatchSubject;
  merchantOrderNo?: string;
  refundNo?: string;
  billNo?: string;
  utilityKind?: string;
  paymentRef?: string;
  orderId?: string;
  ourFen?: number;
  theirFen?: number;
  ourState?: string;
  theirState?: string;
  /** The run settled it through the payments module. */
  repaired?: boolean;
}

export interface DayComparison {
  findings: Finding[];
  statement: { lines: number; paymentsFen: number; refundsFen: number; feesFen: number };
  confirmations: number;
  ordersChecked: number;
}

const UTILITY_KINDS: UtilityKind[] = ['water', 'electricity', 'gas'];
const PAID = ['paid', 'refunded', 'partially_refunded'];

/** The day `date` (YYYY-MM-DD, Asia/Shanghai) as a UTC interval of ISO strings [from, to). */
export function shanghaiDay(date: string): { from: string; to: string } {
  const from = Date.parse(`${date}T00:00:00+08:00`);
  return { from: new Date(from).toISOString(), to: new Date(from + 86_400_000).toISOString() };
}

export const shanghaiDateOf = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

export async function compareDay(deps: AppDeps, date: string): Promise<DayComparison> {
  const provider = deps.paymentProvider;
  const lines = await provider.downloadStatement(date);
  const confirmations = await Promise.all(
    UTILITY_KINDS.map(async (kind) => ({ kind, items: await deps.billers.confirmations(kind, date) })),
  );
  const findings: Finding[] = [];
  const payments = lines.filter((l) => l.kind === 'payment');
  const refunds = lines.filter((l) => l.kind === 'refund');
  const ordersChecked = await comparePayments(deps, date, payments, findings);
  await compareRefunds(deps, date, refunds, findings);
  await compareBillers(deps, date, confirmations, findings);
  const sum = (items: StatementLine[], key: 'amountFen' | 'feeFen') => items.reduce((s, l) => s + l[key], 0);
  return {
    findings,
    statement: {
      lines: lines.length,
      paymentsFen: sum(payments, 'amountFen'),
      refundsFen: sum(refunds, 'amountFen'),
      feesFen: sum(lines, 'feeFen'),
    },
    confirmations: confirmations.reduce((s, c) => s + c.items.length, 0),
    ordersChecked,
  };
}

async function comparePayments(
  deps: AppDeps,
  date: string,
  lines: StatementLine[],
  findings: Finding[],
): Promise<number> {
  const { db } = deps.database;
  const providerId = deps.paymentProvider.id;
  const seen = new Set<string>();
  for (const line of lines) {
    seen.add(line.merchantOrderNo);
    const order = await db
      .selectFrom('paymentOrders')
      .selectAll()
      .where('merchantOrderNo', '=', line.merchantOrderNo)
      .where('providerId', '=', providerId)
      .executeTakeFirst();
    const base = {
      subject: 'payment' as const,
      merchantOrderNo: line.merchantOrderNo,
      theirFen: line.amountFen,
    };
    if (!order) {
      findings.push({ ...base, kind: 'extra_at_provider', theirState: 'paid' });
      continue;
    }
    const ours = { ...base, orderId: order.id, ourFen: order.totalFen, ourState: order.state };
    if (order.totalFen !== line.amountFen) {
      findings.push({ ...ours, kind: 'amount_differs', theirState: 'paid' });
      continue;
    }
    if (!PAID.includes(order.state)) {
      // Paid at the provider, not here: settle it the way a late notification would.
      let providerOrder: ProviderOrder | null = null;
      try {
        providerOrder = await deps.paymentProvider.queryOrder(line.merchantOrderNo);
      } catch {
        providerOrder = null;
      }
      providerOrder ??= {
        merchantOrderNo: line.merchantOrderNo,
        providerOrderNo: line.providerOrderNo,
        state: 'paid',
        amountFen: line.amountFen,
        paidAt: line.at,
      };
      const outcome = await applyProviderOrderState(deps, providerId, line.merchantOrderNo, providerOrder);
      if (outcome.result === 'duplicate') continue; // settled meanwhile by its notification
      findings.push({
        ...ours,
        kind: 'missing_at_us',
        theirState: providerOrder.state,
        repaired: outcome.result === 'settled',
      });
      if (outcome.result !== 'settled') continue;
    }
    if (line.feeFen > 0) {
      await db.transaction().execute((trx) =>
        postLedgerTransaction(trx, {
          kind: 'fee',
          reference: `${providerId}:${line.merchantOrderNo}`,
          memo: `支付机构手续费 provider fee ${line.merchantOrderNo} (${date})`,
          entries: [
            { account: ledgerAccounts.fees(providerId), debitFen: line.feeFen },
            { account: ledgerAccounts.providerClearing(providerId), creditFen: line.feeFen },
          ],
        }),
      );
    }
  }
  // Paid here that day, absent from the statement: unless the provider puts it on another day.
  const { from, to } = shanghaiDay(date);
  const paidHere = await db
    .selectFrom('paymentOrders')
    .select(['id', 'merchantOrderNo', 'totalFen', 'state'])
    .where('providerId', '=', providerId)
    .where('state', 'in', PAID as never[])
    .where('paidAt', '>=', from)
    .where('paidAt', '<', to)
    .execute();
  for (const order of paidHere) {
    if (seen.has(order.merchantOrderNo)) continue;
    let theirs: ProviderOrder | null | undefined;
    try {
      theirs = await deps.paymentProvider.queryOrder(order.merchantOrderNo);
    } catch {
      theirs = undefined;
    }
    if (theirs?.state === 'paid' && theirs.paidAt && shanghaiDateOf(theirs.paidAt) !== date) continue;
    findings.push({
      kind: 'missing_at_provider',
      subject: 'payment',
      merchantOrderNo: order.merchantOrderNo,
      orderId: order.id,
      ourFen: order.totalFen,
      ourState: order.state,
      theirState: theirs === undefined ? 'unknown' : (theirs?.state ?? 'none'),
      ...(theirs ? { theirFen: theirs.amountFen } : {}),
    });
  }
  return lines.length + paidHere.length;
}

async function compareRefunds(deps: AppDeps, date: string, lines: StatementLine[], findings: Finding[]) {
  const { db } = deps.database;
  const providerId = deps.paymentProvider.id;
  const refundRow = (refundNo: string) =>
    db
      .selectFrom('paymentRefunds as r')
      .innerJoin('paymentOrders as o', 'o.id', 'r.orderId')
      .select([
        'r.id',
        'r.refundNo',
        'r.amountFen',
        'r.state',
        'r.providerRefundNo',
        'r.orderId',
        'o.merchantOrderNo',
      ])
      .where('r.refundNo', '=', refundNo)
      .where('o.providerId', '=', providerId)
      .executeTakeFirst();
  const seen = new Set<string>();
  for (const line of lines) {
    const refundNo = line.refundNo ?? '';
    seen.add(refundNo);
    const refund = await refundRow(refundNo);
    const base = {
      subject: 'refund' as const,
      merchantOrderNo: line.merchantOrderNo,
      refundNo,
      theirFen: line.amountFen,
      theirState: 'succeeded',
    };
    if (!refund) {
      findings.push({ ...base, kind: 'extra_at_provider' });
      continue;
    }
    const ours = { ...base, orderId: refund.orderId, ourFen: refund.amountFen, ourState: refund.state };
    if (refund.amountFen !== line.amountFen) {
      findings.push({ ...ours, kind: 'amount_differs' });
      continue;
    }
    if (refund.state === 'succeeded') continue;
    const outcome =
      refund.state === 'processing'
        ? await applyRefundReport(
            deps,
            providerId,
            {
              merchantOrderNo: refund.merchantOrderNo,
              refundNo,
              providerRefundNo: refund.providerRefundNo ?? '',
              state: 'succeeded',
              amountFen: line.amountFen,
              refundedAt: line.at,
            },
            'reconciliation',
          )
        : undefined;
    if (outcome?.result === 'duplicate') continue;
    findings.push({ ...ours, kind: 'missing_at_us', repaired: outcome?.result === 'settled' });
  }
  const { from, to } = shanghaiDay(date);
  const doneHere = await db
    .selectFrom('paymentRefunds as r')
    .innerJoin('paymentOrders as o', 'o.id', 'r.orderId')
    .select(['r.refundNo', 'r.amountFen', 'r.state', 'r.orderId', 'o.merchantOrderNo'])
    .where('o.providerId', '=', providerId)
    .where('r.state', '=', 'succeeded')
    .where('r.completedAt', '>=', from)
    .where('r.completedAt', '<', to)
    .execute();
  for (const refund of doneHere) {
    if (seen.has(refund.refundNo)) continue;
    findings.push({
      kind: 'missing_at_provider',
      subject: 'refund',
      merchantOrderNo: refund.merchantOrderNo,
      refundNo: refund.refundNo,
      orderId: refund.orderId,
      ourFen: refund.amountFen,
      ourState: refund.state,
      theirState: 'none',
    });
  }
}

type Confirmations = { kind: UtilityKind; items: Awaited<ReturnType<AppDeps['billers']['confirmations']>> }[];

async function compareBillers(
  deps: AppDeps,
  date: string,
  confirmations: Confirmations,
  findings: Finding[],
) {
  const { db } = deps.database;
  const { from, to } = shanghaiDay(date);
  for (const { kind, items } of confirmations) {
    const byRef = new Map(items.map((c) => [c.paymentRef, c]));
    // Pushes we hold confirmed that day, and pushes of orders paid that day still unconfirmed.
    const pushes = await db
      .selectFrom('billerPushes as b')
      .innerJoin('paymentOrders as o', 'o.id', 'b.orderId')
      .select([
        'b.paymentRef',
        'b.billNo',
        'b.amountFen',
        'b.status',
        'b.confirmedAt',
        'b.orderId',
        'o.merchantOrderNo',
      ])
      .where('b.utilityKind', '=', kind)
      .where((eb) =>
        eb.or([
          eb.and([eb('b.confirmedAt', '>=', from), eb('b.confirmedAt', '<', to)]),
          eb.and([eb('b.status', '!=', 'confirmed'), eb('o.paidAt', '>=', from), eb('o.paidAt', '<', to)]),
        ]),
      )
      .execute();
    for (const push of pushes) {
      const theirs = byRef.get(push.paymentRef);
      const base = {
        subject: 'biller_payment' as const,
        utilityKind: kind,
        billNo: push.billNo,
        paymentRef: push.paymentRef,
        merchantOrderNo: push.merchantOrderNo,
        orderId: push.orderId,
        ourFen: push.amountFen,
        ourState: push.status,
      };
      if (!theirs) {
        // Confirmed on another day at the biller is not this day's difference.
        if (push.status === 'confirmed' && push.confirmedAt && shanghaiDateOf(push.confirmedAt) !== date)
          continue;
        findings.push({ ...base, kind: 'biller_not_confirmed', theirState: 'none' });
      } else if (theirs.amountFen !== push.amountFen) {
        findings.push({
          ...base,
          kind: 'amount_differs',
          theirFen: theirs.amountFen,
          theirState: 'confirmed',
        });
      }
    }
    const refs = items.map((c) => c.paymentRef);
    const known = new Set(
      refs.length
        ? (
            await db
              .selectFrom('billerPushes')
              .select('paymentRef')
              .where('utilityKind', '=', kind)
              .where('paymentRef', 'in', refs)
              .execute()
          ).map((r) => r.paymentRef)
        : [],
    );
    for (const confirmation of items) {
      if (known.has(confirmation.paymentRef)) continue;
      findings.push({
        kind: 'extra_at_biller',
        subject: 'biller_payment',
        utilityKind: kind,
        billNo: confirmation.billNo,
        paymentRef: confirmation.paymentRef,
        theirFen: confirmation.amountFen,
        theirState: 'confirmed',
      });
    }
  }
}

/** `,id,id,`: the offices whose fees or fines are in these orders (for office admins' views). */
export async function officesOfOrders(deps: AppDeps, orderIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (!orderIds.length) return result;
  const rows = await deps.database.db
    .selectFrom('paymentOrderItems as i')
    .innerJoin('payables as p', 'p.id', 'i.payableId')
    .select(['i.orderId', 'p.beneficiaryOfficeId'])
    .where('i.orderId', 'in', orderIds)
    .where('p.beneficiaryOfficeId', 'is not', null)
    .execute();
  for (const row of rows) {
    const list = result.get(row.orderId) ?? [];
    if (!list.includes(row.beneficiaryOfficeId!)) list.push(row.beneficiaryOfficeId!);
    result.set(row.orderId, list);
  }
  return result;
}
