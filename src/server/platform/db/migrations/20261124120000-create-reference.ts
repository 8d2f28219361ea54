import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('districts')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('streets')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('streets_district_fk', ['district_code'], 'districts', ['code'])
    .addCheckConstraint('streets_kind_ck', checkIn('kind', ['street', 'town']))
    .execute();
  await db.schema.createIndex('streets_district_idx').on('streets').column('district_code').execute();
  await db.schema
    .createTable('departments')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addCheckConstraint('departments_level_ck', checkIn('level', ['city', 'district', 'street']))
    .execute();
  await db.schema
    .createTable('offices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text')
    .addColumn('street_code', 'text')
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('offices_code_uq', ['code'])
    .addForeignKeyConstraint('offices_department_fk', ['department_code'], 'departments', ['code'])
    .addForeignKeyConstraint('offices_district_fk', ['district_code'], 'districts', ['code'])
    .addForeignKeyConstraint('offices_street_fk', ['street_code'], 'streets', ['code'])
    .execute();
  await db.schema.createIndex('offices_district_idx').on('offices').column('district_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('offices').execute();
  await db.schema.dropTable('departments').execute();
  await db.schema.dropTable('streets').execute();
  await db.schema.dropTable('districts').execute();
}
