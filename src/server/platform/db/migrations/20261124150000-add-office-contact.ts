import type { Kysely } from 'kysely';

// Where to go for a counter visit: the office's address, phone and opening hours
// (`Mo-Fr 09:00-17:00; Sa 09:00-12:00`, the facilities' syntax). Nullable: an office
// may not have published them yet.
const COLUMNS = ['address', 'phone', 'opening_hours'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of COLUMNS) {
    await db.schema.alterTable('offices').addColumn(column, 'text').execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE drops one at a time.
  for (const column of [...COLUMNS].reverse()) {
    await db.schema.alterTable('offices').dropColumn(column).execute();
  }
}
