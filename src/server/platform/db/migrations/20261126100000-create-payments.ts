import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// Payments (缴费): payables, orders and their items, provider notifications, utility account
// bindings, refunds, biller pushes, and the double-entry ledger. The ledger tables are
// insert-only: triggers refuse UPDATE and DELETE on both databases (ADR 0010).
const PAYABLE_KINDS = ['utility_bill', 'service_fee', 'traffic_fine'];
const PAYABLE_STATUSES = ['unpaid', 'paid', 'refunded', 'partially_refunded'];
const UTILITY_KINDS = ['water', 'electricity', 'gas'];
const ORDER_STATES = ['created', 'pending', 'paid', 'closed', 'failed', 'refunded', 'partially_refunded'];
const REFUND_STATES = ['requested', 'rejected', 'processing', 'succeeded', 'failed'];
const LEDGER_TABLES = ['ledger_transactions', 'ledger_entries'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text', (c) => c.notNull())
    .addColumn('payer_person_id', 'text')
    .addColumn('payer_enterprise_id', 'text')
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('beneficiary_code', 'text', (c) => c.notNull())
    .addColumn('beneficiary_name_zh', 'text', (c) => c.notNull())
    .addColumn('beneficiary_name_en', 'text', (c) => c.notNull())
    .addColumn('beneficiary_office_id', 'text')
    .addColumn('utility_kind', 'text')
    .addColumn('account_number', 'text')
    .addColumn('bill_month', 'text')
    .addColumn('application_id', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('in_flight_order_id', 'text')
    .addColumn('paid_order_id', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('payables_person_fk', ['payer_person_id'], 'people', ['id'])
    .addForeignKeyConstraint('payables_enterprise_fk', ['payer_enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('payables_office_fk', ['beneficiary_office_id'], 'offices', ['id'])
    .addUniqueConstraint('payables_kind_ref_uq', ['kind', 'external_ref'])
    .addCheckConstraint('payables_kind_ck', checkIn('kind', PAYABLE_KINDS))
    .addCheckConstraint('payables_status_ck', checkIn('status', PAYABLE_STATUSES))
    .addCheckConstraint(
      'payables_utility_kind_ck',
      sql`utility_kind is null or ${checkIn('utility_kind', UTILITY_KINDS)}`,
    )
    .addCheckConstraint(
      'payables_one_payer_ck',
      sql`(payer_person_id is null) <> (payer_enterprise_id is null)`,
    )
    .addCheckConstraint(
      'payables_amounts_ck',
      sql`amount_fen > 0 and refunded_fen >= 0 and refunded_fen <= amount_fen`,
    )
    .execute();
  await db.schema.createIndex('payables_person_idx').on('payables').columns(['payer_person_id']).execute();
  await db.schema
    .createIndex('payables_enterprise_idx')
    .on('payables')
    .columns(['payer_enterprise_id'])
    .execute();

  await db.schema
    .createTable('payment_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('merchant_order_no', 'text', (c) => c.notNull())
    .addColumn('payer_user_id', 'text', (c) => c.notNull())
    .addColumn('payer_person_id', 'text')
    .addColumn('payer_enterprise_id', 'text')
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('provider_order_no', 'text')
    .addColumn('provider_txn_no', 'text')
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('pay_url', 'text')
    .addColumn('qr_content', 'text')
    .addColumn('return_path', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('last_queried_at', 'text')
    .addForeignKeyConstraint('payment_orders_user_fk', ['payer_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('payment_orders_person_fk', ['payer_person_id'], 'people', ['id'])
    .addForeignKeyConstraint('payment_orders_enterprise_fk', ['payer_enterprise_id'], 'enterprises', ['id'])
    .addUniqueConstraint('payment_orders_merchant_no_uq', ['merchant_order_no'])
    .addUniqueConstraint('payment_orders_idempotency_uq', ['payer_user_id', 'idempotency_key'])
    .addCheckConstraint('payment_orders_state_ck', checkIn('state', ORDER_STATES))
    .addCheckConstraint(
      'payment_orders_amounts_ck',
      sql`total_fen > 0 and refunded_fen >= 0 and refunded_fen <= total_fen`,
    )
    .addCheckConstraint(
      'payment_orders_one_payer_ck',
      sql`(payer_person_id is null) <> (payer_enterprise_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex('payment_orders_state_idx')
    .on('payment_orders')
    .columns(['state', 'created_at'])
    .execute();
  await db.schema
    .createIndex('payment_orders_person_idx')
    .on('payment_orders')
    .columns(['payer_person_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('payment_orders_enterprise_idx')
    .on('payment_orders')
    .columns(['payer_enterprise_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('payment_order_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('payable_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('payment_order_items_order_fk', ['order_id'], 'payment_orders', ['id'])
    .addForeignKeyConstraint('payment_order_items_payable_fk', ['payable_id'], 'payables', ['id'])
    .addUniqueConstraint('payment_order_items_uq', ['order_id', 'payable_id'])
    .addCheckConstraint(
      'payment_order_items_amounts_ck',
      sql`amount_fen > 0 and refunded_fen >= 0 and refunded_fen <= amount_fen`,
    )
    .execute();
  await db.schema
    .createIndex('payment_order_items_payable_idx')
    .on('payment_order_items')
    .columns(['payable_id'])
    .execute();

  await db.schema
    .createTable('payment_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'text')
    .addColumn('kind', 'text')
    .addColumn('merchant_order_no', 'text')
    .addColumn('refund_no', 'text')
    .addColumn('state', 'text')
    .addColumn('amount_fen', 'bigint')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('raw_body', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'payment_notifications_outcome_ck',
      checkIn('outcome', ['accepted', 'duplicate', 'refused']),
    )
    .addCheckConstraint(
      'payment_notifications_source_ck',
      checkIn('source', ['notify', 'query', 'reconciliation']),
    )
    .execute();
  await db.schema
    .createIndex('payment_notifications_order_idx')
    .on('payment_notifications')
    .columns(['merchant_order_no', 'received_at'])
    .execute();

  await db.schema
    .createTable('utility_account_bindings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('holder_person_id', 'text')
    .addColumn('holder_enterprise_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('holder_masked', 'text', (c) => c.notNull())
    .addColumn('bound_by_user_id', 'text', (c) => c.notNull())
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addColumn('unbound_at', 'text')
    .addColumn('unbound_by_user_id', 'text')
    .addForeignKeyConstraint('utility_bindings_person_fk', ['holder_person_id'], 'people', ['id'])
    .addForeignKeyConstraint('utility_bindings_enterprise_fk', ['holder_enterprise_id'], 'enterprises', [
      'id',
    ])
    .addForeignKeyConstraint('utility_bindings_user_fk', ['bound_by_user_id'], 'users', ['id'])
    .addCheckConstraint('utility_bindings_kind_ck', checkIn('kind', UTILITY_KINDS))
    .addCheckConstraint(
      'utility_bindings_one_holder_ck',
      sql`(holder_person_id is null) <> (holder_enterprise_id is null)`,
    )
    .execute();
  // One active binding of an account per holder; unbound rows stay as history.
  // (NULLs never collide in a unique index, so one index per kind of holder.)
  for (const holder of ['person', 'enterprise']) {
    await db.schema
      .createIndex(`utility_bindings_active_${holder}_uq`)
      .on('utility_account_bindings')
      .columns([`holder_${holder}_id`, 'kind', 'account_number'])
      .unique()
      .where(sql.ref('unbound_at'), 'is', null)
      .execute();
  }
  await db.schema
    .createIndex('utility_bindings_account_idx')
    .on('utility_account_bindings')
    .columns(['kind', 'account_number'])
    .execute();

  await db.schema
    .createTable('payment_refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('refund_no', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('payable_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_as_payer', 'integer', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_user_id', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('provider_refund_no', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('payment_refunds_order_fk', ['order_id'], 'payment_orders', ['id'])
    .addForeignKeyConstraint('payment_refunds_payable_fk', ['payable_id'], 'payables', ['id'])
    .addForeignKeyConstraint('payment_refunds_requester_fk', ['requested_by_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('payment_refunds_decider_fk', ['decided_by_user_id'], 'users', ['id'])
    .addUniqueConstraint('payment_refunds_no_uq', ['refund_no'])
    .addCheckConstraint('payment_refunds_state_ck', checkIn('state', REFUND_STATES))
    .addCheckConstraint('payment_refunds_amount_ck', sql`amount_fen > 0`)
    // The four-eyes rule, kept by the database too.
    .addCheckConstraint(
      'payment_refunds_second_person_ck',
      sql`decided_by_user_id is null or decided_by_user_id <> requested_by_user_id`,
    )
    .execute();
  await db.schema
    .createIndex('payment_refunds_order_idx')
    .on('payment_refunds')
    .columns(['order_id'])
    .execute();
  await db.schema
    .createIndex('payment_refunds_state_idx')
    .on('payment_refunds')
    .columns(['state', 'requested_at'])
    .execute();

  await db.schema
    .createTable('biller_pushes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('payable_id', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('utility_kind', 'text', (c) => c.notNull())
    .addColumn('bill_no', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('payment_ref', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('confirmation_no', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addForeignKeyConstraint('biller_pushes_payable_fk', ['payable_id'], 'payables', ['id'])
    .addForeignKeyConstraint('biller_pushes_order_fk', ['order_id'], 'payment_orders', ['id'])
    .addUniqueConstraint('biller_pushes_payable_uq', ['payable_id'])
    .addUniqueConstraint('biller_pushes_ref_uq', ['payment_ref'])
    .addCheckConstraint('biller_pushes_status_ck', checkIn('status', ['pending', 'confirmed', 'rejected']))
    .addCheckConstraint('biller_pushes_kind_ck', checkIn('utility_kind', UTILITY_KINDS))
    .execute();
  await db.schema
    .createIndex('biller_pushes_status_idx')
    .on('biller_pushes')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('ledger_transactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ledger_transactions_kind_ref_uq', ['kind', 'reference'])
    .addCheckConstraint('ledger_transactions_total_ck', sql`total_fen > 0`)
    .execute();
  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('transaction_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('debit_fen', 'bigint', (c) => c.notNull())
    .addColumn('credit_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('ledger_entries_transaction_fk', ['transaction_id'], 'ledger_transactions', [
      'id',
    ])
    .addUniqueConstraint('ledger_entries_seq_uq', ['transaction_id', 'seq'])
    .addCheckConstraint(
      'ledger_entries_one_side_ck',
      sql`(debit_fen > 0 and credit_fen = 0) or (credit_fen > 0 and debit_fen = 0)`,
    )
    .execute();
  await db.schema
    .createIndex('ledger_entries_account_idx')
    .on('ledger_entries')
    .columns(['account', 'created_at'])
    .execute();

  // Insert-only: the one place this migration branches on the dialect.
  const isPostgres = db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
  if (isPostgres) {
    await sql`create function ledger_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'the ledger is insert-only (% on %)', tg_op, tg_table_name; end $$`.execute(db);
    for (const table of LEDGER_TABLES) {
      await sql`create trigger ${sql.id(`${table}_insert_only`)} before update or delete on ${sql.table(table)}
        for each row execute function ledger_refuse_change()`.execute(db);
    }
  } else {
    for (const table of LEDGER_TABLES) {
      for (const op of ['update', 'delete']) {
        await sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(`the ledger is insert-only (${op} on ${table})`)}); end`.execute(
          db,
        );
      }
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
  await db.schema.dropTable('ledger_entries').execute();
  await db.schema.dropTable('ledger_transactions').execute();
  if (isPostgres) await sql`drop function if exists ledger_refuse_change()`.execute(db);
  await db.schema.dropTable('biller_pushes').execute();
  await db.schema.dropTable('payment_refunds').execute();
  await db.schema.dropTable('utility_account_bindings').execute();
  await db.schema.dropTable('payment_notifications').execute();
  await db.schema.dropTable('payment_order_items').execute();
  await db.schema.dropTable('payment_orders').execute();
  await db.schema.dropTable('payables').execute();
}
