// Platform admins' views of the money: ledger balances and transactions, and the biller pushes
// (with the rejected ones an operator must deal with).
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type {
  BillerPush,
  BillerPushList,
  BillerPushStatus,
  LedgerAccountList,
  LedgerTransactionList,
} from '../../../contracts/api/payments.ts';
import { ledgerBalances, ledgerIsBalanced } from './ledger.ts';
import { enqueueBillerPush } from './payments.jobs.ts';
import type { PaymentsDeps } from './payments-deps.ts';

function assertAdmin(principal: Principal): void {
  if (!principal.isAdmin) throw new AppError('AUTH_FORBIDDEN');
}

/** Every ledger account with its balance, and whether the ledger balances. */
export async function listLedgerAccounts(
  deps: PaymentsDeps,
  principal: Principal,
): Promise<LedgerAccountList> {
  assertAdmin(principal);
  const { db } = deps.database;
  return { items: await ledgerBalances(db), balanced: await ledgerIsBalanced(db) };
}

/** Ledger transactions, newest first, optionally those touching one account. */
export async function listLedgerTransactions(
  deps: PaymentsDeps,
  principal: Principal,
  filter: { account?: string; limit: number; offset: number },
): Promise<LedgerTransactionList> {
  assertAdmin(principal);
  const { db } = deps.database;
  let query = db.selectFrom('ledgerTransactions as t');
  if (filter.account)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ledgerEntries as e')
          .select('e.id')
          .whereRef('e.transactionId', '=', 't.id')
          .where('e.account', '=', filter.account!),
      ),
    );
  const [rows, total] = await Promise.all([
    query
      .selectAll('t')
      .orderBy('t.createdAt', 'desc')
      .orderBy('t.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const entries = rows.length
    ? await db
        .selectFrom('ledgerEntries')
        .select(['transactionId', 'account', 'debitFen', 'creditFen'])
        .where(
          'transactionId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('transactionId')
        .orderBy('seq')
        .execute()
    : [];
  return {
    total: Number(total.count),
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      reference: row.reference,
      memo: row.memo,
      createdAt: row.createdAt,
      entries: entries
        .filter((e) => e.transactionId === row.id)
        .map(({ account, debitFen, creditFen }) => ({ account, debitFen, creditFen })),
    })),
  };
}

const ADVICE: Record<string, { zh: string; en: string }> = {
  default: {
    zh: '缴费单位拒绝销账：请与缴费单位核对账单号和金额；如账单已作废或金额有误，请为缴费人办理退款。',
    en: 'The biller refused the payment: check the bill number and amount with the biller; if the bill was cancelled or the amount is wrong, refund the payer.',
  },
};

async function loadPushes(
  deps: PaymentsDeps,
  filter: { id?: string; status?: BillerPushStatus; limit: number; offset: number },
) {
  const { db } = deps.database;
  let query = db.selectFrom('billerPushes as b').innerJoin('paymentOrders as o', 'o.id', 'b.orderId');
  if (filter.id) query = query.where('b.id', '=', filter.id);
  if (filter.status) query = query.where('b.status', '=', filter.status);
  const [rows, total] = await Promise.all([
    query
      .selectAll('b')
      .select('o.merchantOrderNo')
      .orderBy('b.createdAt', 'desc')
      .orderBy('b.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const items: BillerPush[] = rows.map((row) => {
    const advice = row.status === 'rejected' ? (ADVICE[row.rejectReason ?? ''] ?? ADVICE.default!) : null;
    return {
      id: row.id,
      payableId: row.payableId,
      orderId: row.orderId,
      merchantOrderNo: row.merchantOrderNo,
      utilityKind: row.utilityKind,
      billNo: row.billNo,
      accountNumber: row.accountNumber,
      amountFen: row.amountFen,
      paymentRef: row.paymentRef,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      confirmationNo: row.confirmationNo,
      createdAt: row.createdAt,
      confirmedAt: row.confirmedAt,
      adviceZh: advice?.zh ?? null,
      adviceEn: advice?.en ?? null,
    };
  });
  return { items, total: Number(total.count) };
}

/** Biller pushes, newest first (`status=rejected`: what an operator must look at). */
export async function listBillerPushes(
  deps: PaymentsDeps,
  principal: Principal,
  filter: { status?: BillerPushStatus; limit: number; offset: number },
): Promise<BillerPushList> {
  assertAdmin(principal);
  return loadPushes(deps, filter);
}

/** Sends a rejected push again (after the operator sorted it out with the biller). */
export async function retryBillerPush(
  deps: PaymentsDeps,
  principal: Principal,
  pushId: string,
  requestId: string,
): Promise<BillerPush> {
  assertAdmin(principal);
  const { db } = deps.database;
  const push = await db
    .selectFrom('billerPushes')
    .select(['status'])
    .where('id', '=', pushId)
    .executeTakeFirst();
  if (!push) throw new AppError('PAYMENT_BILLER_PUSH_NOT_FOUND');
  if (push.status !== 'rejected')
    throw new AppError('PAYMENT_BILLER_PUSH_NOT_REJECTED', { status: push.status }, { status: push.status });
  await db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('billerPushes')
      .set({ status: 'pending', rejectReason: null, updatedAt: nowIso() })
      .where('id', '=', pushId)
      .where('status', '=', 'rejected')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw new AppError('PAYMENT_BILLER_PUSH_NOT_REJECTED', { status: 'changed' });
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'payment.biller_push.retry',
      objectType: 'biller_push',
      objectId: pushId,
      requestId,
    });
  });
  await enqueueBillerPush(deps.jobs, pushId);
  return (await loadPushes(deps, { id: pushId, limit: 1, offset: 0 })).items[0]!;
}
