import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('population_records')
    .addColumn('id_number', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('household_address', 'text', (c) => c.notNull())
    .addCheckConstraint('population_records_gender_ck', checkIn('gender', ['male', 'female']))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('population_records').execute();
}
