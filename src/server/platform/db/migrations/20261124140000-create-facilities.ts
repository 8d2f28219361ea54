import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('facilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_type', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('built_year', 'integer', (c) => c.notNull())
    .addColumn('renovated_year', 'integer')
    .addColumn('operator_model', 'text', (c) => c.notNull())
    .addColumn('operator_name', 'text')
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('opening_hours', 'text', (c) => c.notNull())
    .addColumn('staff_count', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('facilities_code_uq', ['code'])
    .addForeignKeyConstraint('facilities_district_fk', ['district_code'], 'districts', ['code'])
    .addForeignKeyConstraint('facilities_street_fk', ['street_code'], 'streets', ['code'])
    .addCheckConstraint('facilities_tier_ck', checkIn('tier', ['street', 'area', 'village']))
    .addCheckConstraint('facilities_operator_model_ck', checkIn('operator_model', ['self', 'purchased']))
    .execute();
  await db.schema.createIndex('facilities_lat_idx').on('facilities').column('lat').execute();
  await db.schema.createIndex('facilities_street_idx').on('facilities').column('street_code').execute();
  await db.schema
    .createTable('facility_terminals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('installed_on', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('facility_terminals_facility_fk', ['facility_id'], 'facilities', ['id'])
    .execute();
  await db.schema
    .createIndex('facility_terminals_facility_idx')
    .on('facility_terminals')
    .column('facility_id')
    .execute();
  await db.schema
    .createTable('facility_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('revoked_at', 'text')
    .addUniqueConstraint('facility_keys_hash_uq', ['key_hash'])
    .addForeignKeyConstraint('facility_keys_facility_fk', ['facility_id'], 'facilities', ['id'])
    .execute();
  await db.schema
    .createIndex('facility_keys_facility_idx')
    .on('facility_keys')
    .column('facility_id')
    .execute();
  await db.schema
    .createTable('facility_events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('service_key', 'text')
    .addColumn('duration_minutes', 'integer')
    .addColumn('staff_id', 'text')
    .addColumn('terminal_id', 'text')
    .addColumn('transaction_type', 'text')
    .addColumn('device_id', 'text')
    .addColumn('details', 'text')
    .addForeignKeyConstraint('facility_events_facility_fk', ['facility_id'], 'facilities', ['id'])
    .addCheckConstraint(
      'facility_events_kind_ck',
      checkIn('kind', ['check_in', 'service_session', 'terminal_transaction', 'wearable_trace']),
    )
    .execute();
  await db.schema
    .createIndex('facility_events_facility_occurred_idx')
    .on('facility_events')
    .columns(['facility_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['facility_events', 'facility_keys', 'facility_terminals', 'facilities']) {
    await db.schema.dropTable(table).execute();
  }
}
