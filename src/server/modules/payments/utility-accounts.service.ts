// Utility accounts (户号) bound by a person or an enterprise: checked with the biller (account +
// address) when bound; unbinding keeps the row as history.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type {
  BindUtilityAccountBody,
  UtilityAccountBinding,
  UtilityAccountList,
} from '../../../contracts/api/payments.ts';
import { actingSubject, mayActFor } from './payer-access.ts';
import type { PaymentsDeps } from './payments-deps.ts';
import { UTILITY_BILLERS } from './payables.service.ts';
import { payerNames, presentPayer } from './payments.presenter.ts';
import type { UtilityAccountBindingTable } from './payments.tables.ts';

async function present(
  deps: PaymentsDeps,
  rows: UtilityAccountBindingTable[],
): Promise<UtilityAccountBinding[]> {
  const asPayer = rows.map((r) => ({
    payerPersonId: r.holderPersonId,
    payerEnterpriseId: r.holderEnterpriseId,
  }));
  const names = await payerNames(deps.database.db, asPayer);
  return rows.map((row, index) => ({
    id: row.id,
    kind: row.kind,
    accountNumber: row.accountNumber,
    address: row.address,
    holderMasked: row.holderMasked,
    billerNameZh: UTILITY_BILLERS[row.kind].nameZh,
    billerNameEn: UTILITY_BILLERS[row.kind].nameEn,
    payer: presentPayer(asPayer[index]!, names),
    boundAt: row.boundAt,
    unboundAt: row.unboundAt,
  }));
}

/** The caller's (or an enterprise's) bound accounts, and those unbound earlier. */
export async function listUtilityAccounts(
  deps: PaymentsDeps,
  principal: Principal,
  enterpriseId?: string,
): Promise<UtilityAccountList> {
  const { db } = deps.database;
  const subject = await actingSubject(db, principal, enterpriseId);
  const rows = await (
    subject.enterpriseId
      ? db
          .selectFrom('utilityAccountBindings')
          .selectAll()
          .where('holderEnterpriseId', '=', subject.enterpriseId)
      : db.selectFrom('utilityAccountBindings').selectAll().where('holderPersonId', '=', subject.personId)
  )
    .orderBy('boundAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const presented = await present(deps, rows);
  return {
    items: presented.filter((b) => b.unboundAt === null),
    history: presented.filter((b) => b.unboundAt !== null),
  };
}

/** Binds an account after the biller confirms it exists at that address. */
export async function bindUtilityAccount(
  deps: PaymentsDeps,
  principal: Principal,
  body: BindUtilityAccountBody,
  requestId: string,
): Promise<UtilityAccountBinding> {
  const { db } = deps.database;
  const subject = await actingSubject(db, principal, body.enterpriseId);
  const accountNumber = body.accountNumber.trim().toUpperCase();
  let checked: Awaited<ReturnType<PaymentsDeps['billers']['checkAccount']>>;
  try {
    checked = await deps.billers.checkAccount(body.kind, accountNumber, body.address.trim());
  } catch {
    throw new AppError('PAYMENT_BILLER_UNAVAILABLE');
  }
  if (!checked.ok)
    throw new AppError(
      checked.reason === 'not_found'
        ? 'PAYMENT_UTILITY_ACCOUNT_NOT_FOUND'
        : 'PAYMENT_UTILITY_ADDRESS_MISMATCH',
    );
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    let existing = trx
      .selectFrom('utilityAccountBindings')
      .select('id')
      .where('kind', '=', body.kind)
      .where('accountNumber', '=', accountNumber)
      .where('unboundAt', 'is', null);
    existing = subject.enterpriseId
      ? existing.where('holderEnterpriseId', '=', subject.enterpriseId)
      : existing.where('holderPersonId', '=', subject.personId);
    if (await existing.executeTakeFirst()) throw new AppError('PAYMENT_UTILITY_ACCOUNT_ALREADY_BOUND');
    await trx
      .insertInto('utilityAccountBindings')
      .values({
        id,
        holderPersonId: subject.personId,
        holderEnterpriseId: subject.enterpriseId,
        kind: body.kind,
        accountNumber,
        address: checked.address,
        holderMasked: checked.holderMasked,
        boundByUserId: principal.userId,
        boundAt: nowIso(),
        unboundAt: null,
        unboundByUserId: null,
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'payment.utility_account.bind',
      objectType: 'utility_account_binding',
      objectId: id,
      subjectPersonId: subject.personId,
      subjectEnterpriseId: subject.enterpriseId,
      requestId,
      details: { kind: body.kind, accountNumber },
    });
  });
  const row = await db
    .selectFrom('utilityAccountBindings')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (await present(deps, [row]))[0]!;
}

/** Unbinds an account of the caller's (or their enterprise's); the row stays as history. */
export async function unbindUtilityAccount(
  deps: PaymentsDeps,
  principal: Principal,
  bindingId: string,
  requestId: string,
): Promise<UtilityAccountBinding> {
  const { db } = deps.database;
  const row = await db
    .selectFrom('utilityAccountBindings')
    .selectAll()
    .where('id', '=', bindingId)
    .executeTakeFirst();
  if (
    !row ||
    row.unboundAt !== null ||
    !(await mayActFor(db, principal, { personId: row.holderPersonId, enterpriseId: row.holderEnterpriseId }))
  )
    throw new AppError('PAYMENT_UTILITY_BINDING_NOT_FOUND');
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const done = await trx
      .updateTable('utilityAccountBindings')
      .set({ unboundAt: now, unboundByUserId: principal.userId })
      .where('id', '=', bindingId)
      .where('unboundAt', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('PAYMENT_UTILITY_BINDING_NOT_FOUND');
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'payment.utility_account.unbind',
      objectType: 'utility_account_binding',
      objectId: bindingId,
      subjectPersonId: row.holderPersonId,
      subjectEnterpriseId: row.holderEnterpriseId,
      requestId,
      details: { kind: row.kind, accountNumber: row.accountNumber },
    });
  });
  const updated = await db
    .selectFrom('utilityAccountBindings')
    .selectAll()
    .where('id', '=', bindingId)
    .executeTakeFirstOrThrow();
  return (await present(deps, [updated]))[0]!;
}
