import { sql, type Kysely } from 'kysely';

// Webhooks of the open platform: the events apps may be told about (an outbox written in the
// transaction of the change), each app's subscription (URL, event types, signing secret), one
// delivery per event and subscription, and every attempt of a delivery (status code, latency).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('open_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('enterprise_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('fanned_out_at', 'text')
    .addCheckConstraint(
      'open_events_subject_ck',
      sql`(person_id is not null and enterprise_id is null) or (person_id is null and enterprise_id is not null)`,
    )
    .execute();
  await db.schema.createIndex('open_events_person_idx').on('open_events').columns(['person_id']).execute();

  await db.schema
    .createTable('open_webhook_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_expires_at', 'text')
    .addColumn('secret_rotated_at', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('open_webhook_subscriptions_app_uq', ['app_id'])
    .addCheckConstraint('open_webhook_subscriptions_active_ck', sql`is_active in (0, 1)`)
    .execute();

  await db.schema
    .createTable('open_webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addForeignKeyConstraint('open_webhook_deliveries_event_fk', ['event_id'], 'open_events', ['id'])
    .addForeignKeyConstraint(
      'open_webhook_deliveries_subscription_fk',
      ['subscription_id'],
      'open_webhook_subscriptions',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addUniqueConstraint('open_webhook_deliveries_event_subscription_uq', ['event_id', 'subscription_id'])
    .addCheckConstraint(
      'open_webhook_deliveries_status_ck',
      sql`status in ('pending', 'delivered', 'failed', 'skipped')`,
    )
    .addCheckConstraint('open_webhook_deliveries_attempts_ck', sql`attempts >= 0`)
    .execute();
  await db.schema
    .createIndex('open_webhook_deliveries_app_created_idx')
    .on('open_webhook_deliveries')
    .columns(['app_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('open_webhook_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('attempt_no', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('manual', 'integer', (c) => c.notNull())
    .addForeignKeyConstraint(
      'open_webhook_attempts_delivery_fk',
      ['delivery_id'],
      'open_webhook_deliveries',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addUniqueConstraint('open_webhook_attempts_delivery_no_uq', ['delivery_id', 'attempt_no'])
    .addCheckConstraint('open_webhook_attempts_outcome_ck', sql`outcome in ('success', 'failure', 'skipped')`)
    .addCheckConstraint('open_webhook_attempts_manual_ck', sql`manual in (0, 1)`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('open_webhook_attempts').execute();
  await db.schema.dropTable('open_webhook_deliveries').execute();
  await db.schema.dropTable('open_webhook_subscriptions').execute();
  await db.schema.dropTable('open_events').execute();
}
