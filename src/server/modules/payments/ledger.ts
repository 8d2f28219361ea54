// The double-entry ledger (复式记账) in integer fen. Every movement of money is one transaction of
// two or more entries whose debits equal its credits; rows are only ever inserted (triggers refuse
// UPDATE and DELETE), and balances are sums over the entries. See docs/decisions/0010.
//
// Accounts:
//   payer:person:<id> / payer:enterprise:<id>  what a payer paid in and got back
//   provider_clearing:<provider>              money the provider holds for us (debit = held)
//   biller:<code>                             what we owe a beneficiary (credit = owed):
//                                             biller:utility:water, biller:office:<office code>
//   fees:<provider>                           the provider's fees (posted by reconciliation)
//   refunds                                   refunds approved and not yet paid out
import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;

export const ledgerAccounts = {
  payer: (subject: { personId?: string | null; enterpriseId?: string | null }): string =>
    subject.enterpriseId ? `payer:enterprise:${subject.enterpriseId}` : `payer:person:${subject.personId}`,
  providerClearing: (providerId: string): string => `provider_clearing:${providerId}`,
  biller: (beneficiaryCode: string): string => `biller:${beneficiaryCode}`,
  fees: (providerId: string): string => `fees:${providerId}`,
  refunds: 'refunds',
} as const;

const ACCOUNT = /^(refunds|(payer|provider_clearing|biller|fees)(:[\w.-]+)+)$/;

/** One side of a posting: a positive amount on exactly one of debit and credit. */
export interface LedgerPosting {
  account: string;
  debitFen?: number;
  creditFen?: number;
}

export interface LedgerTransactionInput {
  /** payment, refund_approved, refund_paid, refund_reversed, fee, … */
  kind: string;
  /** What it is about; (kind, reference) is unique, so a repeat posts nothing. */
  reference: string;
  memo: string;
  entries: LedgerPosting[];
}

/** A transaction that would not balance, or a malformed entry: a programming error. */
export class LedgerError extends Error {}

function validate(input: LedgerTransactionInput): number {
  if (!/^[a-z][a-z_]*$/.test(input.kind)) throw new LedgerError(`ledger: bad kind "${input.kind}"`);
  if (input.reference.trim() === '') throw new LedgerError('ledger: a reference is required');
  if (input.entries.length < 2) throw new LedgerError('ledger: a transaction needs at least two entries');
  let debits = 0;
  let credits = 0;
  for (const entry of input.entries) {
    const debit = entry.debitFen ?? 0;
    const credit = entry.creditFen ?? 0;
    if (!ACCOUNT.test(entry.account)) throw new LedgerError(`ledger: bad account "${entry.account}"`);
    if (!Number.isSafeInteger(debit) || !Number.isSafeInteger(credit) || debit < 0 || credit < 0)
      throw new LedgerError(`ledger: amounts are non-negative whole fen (${entry.account})`);
    if (debit > 0 === credit > 0)
      throw new LedgerError(`ledger: an entry is either a debit or a credit (${entry.account})`);
    debits += debit;
    credits += credit;
  }
  if (debits !== credits)
    throw new LedgerError(`ledger: unbalanced transaction (debits ${debits} ≠ credits ${credits})`);
  return debits;
}

/**
 * Posts one balanced transaction inside the caller's database transaction. Refuses (throws
 * LedgerError, rolling the caller back) anything unbalanced or malformed. Idempotent on
 * (kind, reference): a second posting of the same movement adds nothing.
 *
 * @returns the transaction id and whether this call created it.
 */
export async function postLedgerTransaction(
  trx: Transaction<Database>,
  input: LedgerTransactionInput,
): Promise<{ id: string; created: boolean }> {
  const totalFen = validate(input);
  const createdAt = nowIso();
  const inserted = await trx
    .insertInto('ledgerTransactions')
    .values({
      id: uuidv7(),
      kind: input.kind,
      reference: input.reference,
      memo: input.memo,
      totalFen,
      createdAt,
    })
    .onConflict((oc) => oc.columns(['kind', 'reference']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx
      .selectFrom('ledgerTransactions')
      .select('id')
      .where('kind', '=', input.kind)
      .where('reference', '=', input.reference)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  await trx
    .insertInto('ledgerEntries')
    .values(
      input.entries.map((entry, seq) => ({
        id: uuidv7(),
        transactionId: inserted.id,
        seq,
        account: entry.account,
        debitFen: entry.debitFen ?? 0,
        creditFen: entry.creditFen ?? 0,
        createdAt,
      })),
    )
    .execute();
  return { id: inserted.id, created: true };
}

export interface LedgerBalance {
  account: string;
  debitFen: number;
  creditFen: number;
  /** Debits minus credits. */
  balanceFen: number;
}

/** The balance of one account, summed over its entries. */
export async function ledgerBalance(db: Executor, account: string): Promise<LedgerBalance> {
  const row = await db
    .selectFrom('ledgerEntries')
    .select([
      sql<string | number>`coalesce(sum(debit_fen), 0)`.as('debits'),
      sql<string | number>`coalesce(sum(credit_fen), 0)`.as('credits'),
    ])
    .where('account', '=', account)
    .executeTakeFirstOrThrow();
  const debitFen = Number(row.debits);
  const creditFen = Number(row.credits);
  return { account, debitFen, creditFen, balanceFen: debitFen - creditFen };
}

/** Every account's balance (optionally those starting with a prefix), by account name. */
export async function ledgerBalances(db: Executor, prefix?: string): Promise<LedgerBalance[]> {
  let query = db
    .selectFrom('ledgerEntries')
    .select([
      'account',
      sql<string | number>`sum(debit_fen)`.as('debits'),
      sql<string | number>`sum(credit_fen)`.as('credits'),
    ])
    .groupBy('account')
    .orderBy('account');
  if (prefix) query = query.where(sql<string>`substr(account, 1, ${prefix.length})`, '=', prefix);
  const rows = await query.execute();
  return rows.map((row) => {
    const debitFen = Number(row.debits);
    const creditFen = Number(row.credits);
    return { account: row.account, debitFen, creditFen, balanceFen: debitFen - creditFen };
  });
}

/** Transactions whose entries do not balance (or that have fewer than two); empty when sound. */
export async function ledgerImbalances(
  db: Executor,
): Promise<{ transactionId: string; differenceFen: number }[]> {
  const rows = await db
    .selectFrom('ledgerTransactions as t')
    .leftJoin('ledgerEntries as e', 'e.transactionId', 't.id')
    .select([
      't.id',
      't.totalFen',
      sql<string | number>`coalesce(sum(e.debit_fen), 0)`.as('debits'),
      sql<string | number>`coalesce(sum(e.credit_fen), 0)`.as('credits'),
      sql<string | number>`count(e.id)`.as('entries'),
    ])
    .groupBy(['t.id', 't.totalFen'])
    .execute();
  return rows
    .filter(
      (row) =>
        Number(row.debits) !== Number(row.credits) ||
        Number(row.debits) !== Number(row.totalFen) ||
        Number(row.entries) < 2,
    )
    .map((row) => ({ transactionId: row.id, differenceFen: Number(row.debits) - Number(row.credits) }));
}

/** True when every transaction balances (and so all debits equal all credits). */
export async function ledgerIsBalanced(db: Executor): Promise<boolean> {
  return (await ledgerImbalances(db)).length === 0;
}
