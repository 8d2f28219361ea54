import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';

/**
 * The next receipt number (受理编号) for a submission at `at`: `SH-<Shanghai date>-<6 digits>`,
 * counted per day. Runs in the submit transaction; the counter row's upsert serialises
 * concurrent submissions (on PostgreSQL by the row lock, on SQLite by the write lock).
 */
export async function nextReceiptNo(trx: Transaction<Database>, at: Date): Promise<string> {
  const day = shanghaiDate(at);
  const row = await trx
    .insertInto('receiptCounters')
    .values({ day, lastSeq: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ lastSeq: sql`receipt_counters.last_seq + 1` }))
    .returning('lastSeq')
    .executeTakeFirstOrThrow();
  return formatReceiptNo(day, row.lastSeq);
}

/** `SH-20261124-000123`; past 999999 in a day the number simply grows a digit. */
export function formatReceiptNo(day: string, seq: number): string {
  return `SH-${day.replaceAll('-', '')}-${String(seq).padStart(6, '0')}`;
}
