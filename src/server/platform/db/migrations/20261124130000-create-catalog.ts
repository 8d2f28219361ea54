import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('entry_type', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_version_id', 'text')
    .addColumn('draft_version_id', 'text')
    .addColumn('popularity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_entries_code_uq', ['code'])
    .addForeignKeyConstraint('catalog_entries_department_fk', ['department_code'], 'departments', ['code'])
    .addCheckConstraint('catalog_entries_type_ck', checkIn('entry_type', ['service', 'bundle']))
    .addCheckConstraint('catalog_entries_status_ck', checkIn('status', ['draft', 'published', 'retired']))
    .execute();
  await db.schema
    .createTable('catalog_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addUniqueConstraint('catalog_versions_entry_version_uq', ['entry_id', 'version'])
    .addForeignKeyConstraint('catalog_versions_entry_fk', ['entry_id'], 'catalog_entries', ['id'])
    .addCheckConstraint(
      'catalog_versions_status_ck',
      checkIn('status', ['draft', 'published', 'superseded', 'retired']),
    )
    .execute();
  await db.schema
    .createTable('catalog_offices')
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_offices_pk', ['entry_id', 'district_code'])
    .addForeignKeyConstraint('catalog_offices_entry_fk', ['entry_id'], 'catalog_entries', ['id'])
    .addForeignKeyConstraint('catalog_offices_district_fk', ['district_code'], 'districts', ['code'])
    .addForeignKeyConstraint('catalog_offices_office_fk', ['office_id'], 'offices', ['id'])
    .execute();
  await db.schema
    .createTable('catalog_synonyms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('expands_to', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text')
    .addUniqueConstraint('catalog_synonyms_term_uq', ['term'])
    .execute();
  await db.schema
    .createTable('catalog_topics')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addCheckConstraint('catalog_topics_audience_ck', checkIn('audience', ['resident', 'enterprise']))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'catalog_topics',
    'catalog_synonyms',
    'catalog_offices',
    'catalog_versions',
    'catalog_entries',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
