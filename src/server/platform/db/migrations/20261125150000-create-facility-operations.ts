import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// The operator side of the facility network: terminal lifecycle, capacity per facility and
// service, computed utilisation, reallocation recommendations and staged CSV imports.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('facility_terminals')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();
  await db.schema.alterTable('facility_terminals').addColumn('retired_on', 'text').execute();

  await db.schema
    .createTable('facility_capacities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('service_key', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('weekly_amount', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text')
    .addUniqueConstraint('facility_capacities_service_uq', ['facility_id', 'service_key'])
    .addForeignKeyConstraint('facility_capacities_facility_fk', ['facility_id'], 'facilities', ['id'])
    .addCheckConstraint('facility_capacities_unit_ck', checkIn('unit', ['staff_hours', 'slots']))
    .execute();

  await db.schema
    .createTable('facility_utilisation')
    .addColumn('facility_id', 'text', (c) => c.primaryKey())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('facility_utilisation_facility_fk', ['facility_id'], 'facilities', ['id'])
    .execute();
  await db.schema
    .createIndex('facility_utilisation_street_idx')
    .on('facility_utilisation')
    .column('street_code')
    .execute();

  await db.schema
    .createTable('facility_recommendations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('service_key', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('from_facility_id', 'text', (c) => c.notNull())
    .addColumn('to_facility_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_user_id', 'text')
    .addColumn('dismiss_reason', 'text')
    .addForeignKeyConstraint('facility_recommendations_from_fk', ['from_facility_id'], 'facilities', ['id'])
    .addForeignKeyConstraint('facility_recommendations_to_fk', ['to_facility_id'], 'facilities', ['id'])
    .addCheckConstraint(
      'facility_recommendations_status_ck',
      checkIn('status', ['open', 'accepted', 'dismissed', 'superseded']),
    )
    .execute();
  await db.schema
    .createIndex('facility_recommendations_street_idx')
    .on('facility_recommendations')
    .columns(['street_code', 'status'])
    .execute();

  await db.schema
    .createTable('facility_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('street_scope', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('previewed_at', 'text', (c) => c.notNull())
    .addColumn('preview', 'text', (c) => c.notNull())
    .addColumn('applied_through_line', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applied_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'text')
    .addColumn('finished_at', 'text')
    .addCheckConstraint(
      'facility_imports_status_ck',
      checkIn('status', ['previewed', 'applying', 'applied', 'stale', 'failed']),
    )
    .execute();
  await db.schema
    .createIndex('facility_imports_user_idx')
    .on('facility_imports')
    .column('created_by_user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'facility_imports',
    'facility_recommendations',
    'facility_utilisation',
    'facility_capacities',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('facility_terminals').dropColumn('retired_on').execute();
  await db.schema.alterTable('facility_terminals').dropColumn('status').execute();
}
