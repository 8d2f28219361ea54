import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// Daily reconciliation (对账): one run per comparison of a day's provider statement and biller
// confirmations with our orders, refunds and biller pushes, and the mismatches it found, each
// open until repaired by the run or resolved by an operator with a note.
const RUN_STATUSES = ['running', 'completed', 'failed'];
const MISMATCH_KINDS = [
  'missing_at_us',
  'missing_at_provider',
  'extra_at_provider',
  'amount_differs',
  'biller_not_confirmed',
  'extra_at_biller',
];
const SUBJECTS = ['payment', 'refund', 'biller_payment'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reconciliation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('triggered_by', 'text', (c) => c.notNull())
    .addColumn('triggered_by_user_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('statement_lines', 'integer', (c) => c.notNull())
    .addColumn('statement_payments_fen', 'bigint', (c) => c.notNull())
    .addColumn('statement_refunds_fen', 'bigint', (c) => c.notNull())
    .addColumn('statement_fees_fen', 'bigint', (c) => c.notNull())
    .addColumn('confirmations', 'integer', (c) => c.notNull())
    .addColumn('orders_checked', 'integer', (c) => c.notNull())
    .addColumn('mismatches_found', 'integer', (c) => c.notNull())
    .addColumn('repaired', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addForeignKeyConstraint('reconciliation_runs_user_fk', ['triggered_by_user_id'], 'users', ['id'])
    .addCheckConstraint('reconciliation_runs_status_ck', checkIn('status', RUN_STATUSES))
    .addCheckConstraint(
      'reconciliation_runs_triggered_by_ck',
      checkIn('triggered_by', ['job', 'cli', 'operator']),
    )
    .execute();
  await db.schema
    .createIndex('reconciliation_runs_date_idx')
    .on('reconciliation_runs')
    .columns(['business_date', 'started_at'])
    .execute();

  await db.schema
    .createTable('reconciliation_mismatches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** `date:kind:subject:reference`: one row per difference, however often the day is re-run. */
    .addColumn('mismatch_key', 'text', (c) => c.notNull())
    .addColumn('first_run_id', 'text', (c) => c.notNull())
    .addColumn('last_run_id', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('merchant_order_no', 'text')
    .addColumn('refund_no', 'text')
    .addColumn('bill_no', 'text')
    .addColumn('utility_kind', 'text')
    .addColumn('payment_ref', 'text')
    .addColumn('order_id', 'text')
    .addColumn('our_fen', 'bigint')
    .addColumn('their_fen', 'bigint')
    .addColumn('our_state', 'text')
    .addColumn('their_state', 'text')
    /** `,officeId,officeId,`: the offices whose fees are involved (office admins see those). */
    .addColumn('office_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** 1 when the run itself repaired it (settled through the payments module). */
    .addColumn('repaired', 'integer', (c) => c.notNull())
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by_user_id', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reconciliation_mismatches_key_uq', ['mismatch_key'])
    .addForeignKeyConstraint(
      'reconciliation_mismatches_first_run_fk',
      ['first_run_id'],
      'reconciliation_runs',
      ['id'],
    )
    .addForeignKeyConstraint(
      'reconciliation_mismatches_last_run_fk',
      ['last_run_id'],
      'reconciliation_runs',
      ['id'],
    )
    .addForeignKeyConstraint('reconciliation_mismatches_user_fk', ['resolved_by_user_id'], 'users', ['id'])
    .addCheckConstraint('reconciliation_mismatches_kind_ck', checkIn('kind', MISMATCH_KINDS))
    .addCheckConstraint('reconciliation_mismatches_subject_ck', checkIn('subject', SUBJECTS))
    .addCheckConstraint('reconciliation_mismatches_status_ck', checkIn('status', ['open', 'resolved']))
    .addCheckConstraint(
      'reconciliation_mismatches_resolved_ck',
      sql`(status = 'open') = (resolved_at is null)`,
    )
    .execute();
  await db.schema
    .createIndex('reconciliation_mismatches_status_idx')
    .on('reconciliation_mismatches')
    .columns(['status', 'business_date'])
    .execute();
  await db.schema
    .createIndex('reconciliation_mismatches_date_idx')
    .on('reconciliation_mismatches')
    .columns(['business_date', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reconciliation_mismatches').execute();
  await db.schema.dropTable('reconciliation_runs').execute();
}
