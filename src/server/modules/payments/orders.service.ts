// Payment orders: creating one for one or several payables of one payer (idempotent per payer
// user and Idempotency-Key), reading one (asking the provider when it has waited a while, so a
// dropped callback still settles), and listing the payer's orders.
import { createHash, randomInt } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type {
  CreatePaymentBody,
  CreatePaymentResult,
  PaymentOrderDetail,
  PaymentOrderList,
} from '../../../contracts/api/payments.ts';
import { actingSubject, mayActFor, sameSubject, type PayerSubject } from './payer-access.ts';
import { callbackBaseUrl, notifyUrlFor, type PaymentsDeps } from './payments-deps.ts';
import { presentOrders } from './payments.presenter.ts';
import type { PayableTable, PaymentOrderTable } from './payments.tables.ts';
import { listOrderRefunds } from './refunds.service.ts';
import { applyProviderOrderState, releasePayables } from './settlement.ts';
import { ProviderRejectedError, ProviderUnavailableError } from './ports.ts';

/** How long the payer has to pay before the order expires. */
export const ORDER_TTL_MS = 15 * 60_000;
/** A pending order older than this is checked with the provider when read (at most this often). */
export const PENDING_QUERY_AFTER_MS = 5_000;

function requestHash(body: CreatePaymentBody): string {
  const canonical = JSON.stringify([
    [...body.payableIds].sort(),
    body.enterpriseId ?? null,
    body.returnPath ?? null,
    body.channel ?? 'online',
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** `TB` + the Shanghai date + 12 random digits: readable, unique (a constraint keeps it so). */
function newMerchantOrderNo(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `TB${day}${String(randomInt(0, 1e6)).padStart(6, '0')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;
}

/** Whose payable this is for the acting subject: its own, or a bill of an account it has bound. */
async function payableVisibleTo(
  deps: PaymentsDeps,
  subject: PayerSubject,
  payable: PayableTable,
): Promise<boolean> {
  if (sameSubject(subject, { personId: payable.payerPersonId, enterpriseId: payable.payerEnterpriseId }))
    return true;
  if (payable.kind !== 'utility_bill' || !payable.utilityKind || !payable.accountNumber) return false;
  let query = deps.database.db
    .selectFrom('utilityAccountBindings')
    .select('id')
    .where('kind', '=', payable.utilityKind)
    .where('accountNumber', '=', payable.accountNumber)
    .where('unboundAt', 'is', null);
  query = subject.enterpriseId
    ? query.where('holderEnterpriseId', '=', subject.enterpriseId)
    : query.where('holderPersonId', '=', subject.personId);
  return (await query.executeTakeFirst()) !== undefined;
}

async function replay(
  deps: PaymentsDeps,
  existing: PaymentOrderTable,
  hash: string,
): Promise<CreatePaymentResult> {
  if (existing.requestHash !== hash) throw new AppError('PAYMENT_IDEMPOTENCY_CONFLICT');
  const [order] = await presentOrders(deps.database.db, [existing]);
  return { order: order!, payUrl: existing.payUrl, qrContent: existing.qrContent, replayed: true };
}

/**
 * Creates a payment for payables of one payer and opens the order at the provider. A repeat with
 * the same Idempotency-Key answers the same order (a different body is refused). Already paid
 * payables and payables in another open order are refused; nothing partial is stored.
 */
export async function createPayment(
  deps: PaymentsDeps,
  principal: Principal,
  body: CreatePaymentBody,
  idempotencyKey: string,
  requestId: string,
): Promise<CreatePaymentResult> {
  const { db } = deps.database;
  const subject = await actingSubject(db, principal, body.enterpriseId);
  const hash = requestHash(body);
  const findExisting = () =>
    db
      .selectFrom('paymentOrders')
      .selectAll()
      .where('payerUserId', '=', principal.userId)
      .where('idempotencyKey', '=', idempotencyKey)
      .executeTakeFirst();
  const earlier = await findExisting();
  if (earlier) return replay(deps, earlier, hash);

  const payables = await db.selectFrom('payables').selectAll().where('id', 'in', body.payableIds).execute();
  const byId = new Map(payables.map((p) => [p.id, p]));
  for (const id of body.payableIds) {
    const payable = byId.get(id);
    if (payable && (await payableVisibleTo(deps, subject, payable))) continue;
    const otherPayer =
      payable &&
      (await mayActFor(db, principal, {
        personId: payable.payerPersonId,
        enterpriseId: payable.payerEnterpriseId,
      }));
    throw otherPayer
      ? new AppError('PAYMENT_MIXED_PAYERS', {}, { payableId: id })
      : new AppError('PAYMENT_PAYABLE_NOT_FOUND', {}, { payableId: id });
  }
  const ordered = body.payableIds.map((id) => byId.get(id)!);
  const totalFen = ordered.reduce((sum, p) => sum + p.amountFen, 0);
  const now = deps.clock.now();
  const provider = deps.paymentProvider;
  const orderId = uuidv7();
  const merchantOrderNo = newMerchantOrderNo(now);
  const first = ordered[0]!;
  const description = (ordered.length > 1 ? `${first.titleZh} 等${ordered.length}笔` : first.titleZh).slice(
    0,
    120,
  );
  const expiresAt = new Date(now.getTime() + ORDER_TTL_MS).toISOString();
  const returnPath = body.returnPath ?? `/payments/orders/${orderId}`;

  const created = await db.transaction().execute(async (trx) => {
    const at = nowIso();
    // The order first: a concurrent repeat of the same key stops here, on the unique key.
    const inserted = await trx
      .insertInto('paymentOrders')
      .values({
        id: orderId,
        merchantOrderNo,
        payerUserId: principal.userId,
        payerPersonId: subject.personId,
        payerEnterpriseId: subject.enterpriseId,
        providerId: provider.id,
        providerOrderNo: null,
        providerTxnNo: null,
        totalFen,
        refundedFen: 0,
        state: 'created',
        description,
        channel: body.channel ?? 'online',
        payUrl: null,
        qrContent: null,
        returnPath,
        idempotencyKey,
        requestHash: hash,
        createdAt: at,
        updatedAt: at,
        expiresAt,
        paidAt: null,
        closedAt: null,
        endReason: null,
        lastQueriedAt: null,
      })
      .onConflict((oc) => oc.columns(['payerUserId', 'idempotencyKey']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    // Hold the payables: only unpaid ones that no other open order holds.
    const held = await trx
      .updateTable('payables')
      .set({ inFlightOrderId: orderId, updatedAt: at })
      .where('id', 'in', body.payableIds)
      .where('status', '=', 'unpaid')
      .where('inFlightOrderId', 'is', null)
      .executeTakeFirst();
    if (Number(held.numUpdatedRows) !== body.payableIds.length) {
      const states = await trx
        .selectFrom('payables')
        .select(['id', 'status', 'inFlightOrderId', 'titleZh'])
        .where('id', 'in', body.payableIds)
        .execute();
      const paid = states.find((p) => p.status !== 'unpaid');
      if (paid)
        throw new AppError('PAYMENT_PAYABLE_ALREADY_PAID', { title: paid.titleZh }, { payableId: paid.id });
      const busy = states.find((p) => p.inFlightOrderId !== null && p.inFlightOrderId !== orderId);
      throw new AppError(
        'PAYMENT_PAYABLE_IN_FLIGHT',
        { title: busy?.titleZh ?? '' },
        { payableId: busy?.id, orderId: busy?.inFlightOrderId },
      );
    }
    await trx
      .insertInto('paymentOrderItems')
      .values(
        ordered.map((p) => ({
          id: uuidv7(),
          orderId,
          payableId: p.id,
          amountFen: p.amountFen,
          refundedFen: 0,
        })),
      )
      .execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'payment.order.create',
      objectType: 'payment_order',
      objectId: orderId,
      subjectPersonId: subject.personId,
      subjectEnterpriseId: subject.enterpriseId,
      requestId,
      details: { merchantOrderNo, totalFen, payables: body.payableIds, channel: body.channel ?? 'online' },
    });
    return true;
  });
  if (!created) return replay(deps, (await findExisting())!, hash);

  let opened: Awaited<ReturnType<typeof provider.createOrder>>;
  try {
    opened = await provider.createOrder({
      merchantOrderNo,
      amountFen: totalFen,
      description,
      notifyUrl: notifyUrlFor(deps, provider.id),
      returnUrl: `${callbackBaseUrl(deps)}${returnPath}`,
      expiresAt,
    });
  } catch (error) {
    await db.transaction().execute(async (trx) => {
      const failed = await trx
        .updateTable('paymentOrders')
        .set({ state: 'failed', endReason: 'create_failed', closedAt: nowIso(), updatedAt: nowIso() })
        .where('id', '=', orderId)
        .where('state', '=', 'created')
        .executeTakeFirst();
      if (Number(failed.numUpdatedRows) !== 1) return;
      await releasePayables(trx, orderId);
      await appendAudit(trx, {
        actor: { userId: principal.userId, name: principal.displayName },
        action: 'payment.order.create_failed',
        objectType: 'payment_order',
        objectId: orderId,
        subjectPersonId: subject.personId,
        subjectEnterpriseId: subject.enterpriseId,
        requestId,
        details: {
          merchantOrderNo,
          error: error instanceof Error ? error.message.slice(0, 300) : String(error),
        },
      });
    });
    if (error instanceof ProviderUnavailableError) throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE');
    if (error instanceof ProviderRejectedError)
      throw new AppError('PAYMENT_PROVIDER_REFUSED', { code: error.code }, { providerCode: error.code });
    throw error;
  }
  await db
    .updateTable('paymentOrders')
    .set({
      providerOrderNo: opened.providerOrderNo,
      payUrl: opened.payUrl,
      qrContent: opened.qrContent,
      updatedAt: nowIso(),
    })
    .where('id', '=', orderId)
    .where('state', 'in', ['created', 'pending'])
    .execute();
  // A notification may have settled it already; only a still-created order becomes pending.
  await db
    .updateTable('paymentOrders')
    .set({ state: 'pending' })
    .where('id', '=', orderId)
    .where('state', '=', 'created')
    .execute();
  const row = await db
    .selectFrom('paymentOrders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  const [order] = await presentOrders(db, [row]);
  return { order: order!, payUrl: row.payUrl, qrContent: row.qrContent, replayed: false };
}

/** The order of a payer (or of an enterprise the caller represents), or PAYMENT_ORDER_NOT_FOUND. */
async function getOwnOrder(
  deps: PaymentsDeps,
  principal: Principal,
  orderId: string,
): Promise<PaymentOrderTable> {
  const { db } = deps.database;
  const row = await db.selectFrom('paymentOrders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (
    !row ||
    !(await mayActFor(db, principal, { personId: row.payerPersonId, enterpriseId: row.payerEnterpriseId }))
  )
    throw new AppError('PAYMENT_ORDER_NOT_FOUND');
  return row;
}

/**
 * Asks the provider about an open order and settles or closes it from the answer (the same
 * exactly-once path as a notification). Provider trouble leaves the order as it is.
 * @returns true when the provider was asked.
 */
export async function checkOrderWithProvider(deps: PaymentsDeps, order: PaymentOrderTable): Promise<boolean> {
  if (!['created', 'pending'].includes(order.state) || order.providerId !== deps.paymentProvider.id)
    return false;
  await deps.database.db
    .updateTable('paymentOrders')
    .set({ lastQueriedAt: deps.clock.now().toISOString() })
    .where('id', '=', order.id)
    .execute();
  try {
    const answer = await deps.paymentProvider.queryOrder(order.merchantOrderNo);
    await applyProviderOrderState(deps, order.providerId, order.merchantOrderNo, answer, 'query');
    return true;
  } catch (error) {
    if (error instanceof ProviderUnavailableError) return false;
    throw error;
  }
}

/** One order of the caller's, checked with the provider when it has been pending a while. */
export async function getOrderForPayer(
  deps: PaymentsDeps,
  principal: Principal,
  orderId: string,
): Promise<PaymentOrderDetail> {
  const { db } = deps.database;
  let row = await getOwnOrder(deps, principal, orderId);
  let checked = false;
  const now = deps.clock.now().getTime();
  const lastAsked = row.lastQueriedAt ? Date.parse(row.lastQueriedAt) : 0;
  if (
    ['created', 'pending'].includes(row.state) &&
    now - Date.parse(row.createdAt) >= PENDING_QUERY_AFTER_MS &&
    now - lastAsked >= PENDING_QUERY_AFTER_MS
  ) {
    checked = await checkOrderWithProvider(deps, row);
    row = await db
      .selectFrom('paymentOrders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
  }
  const [order] = await presentOrders(db, [row]);
  const open = ['created', 'pending'].includes(row.state);
  return {
    ...order!,
    payUrl: open ? row.payUrl : null,
    qrContent: open ? row.qrContent : null,
    refunds: await listOrderRefunds(db, row.id, principal),
    checkedWithProvider: checked,
  };
}

/** The caller's orders (or an enterprise's they represent), newest first. */
export async function listOrdersForPayer(
  deps: PaymentsDeps,
  principal: Principal,
  filter: { enterpriseId?: string; limit: number; offset: number },
): Promise<PaymentOrderList> {
  const { db } = deps.database;
  const subject = await actingSubject(db, principal, filter.enterpriseId);
  const query = subject.enterpriseId
    ? db.selectFrom('paymentOrders').where('payerEnterpriseId', '=', subject.enterpriseId)
    : db.selectFrom('paymentOrders').where('payerPersonId', '=', subject.personId);
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentOrders(db, rows), total: Number(total.count) };
}
