import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';
import { dialectOf } from '../database.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('material_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // No foreign key to applications: that table belongs to another module (and migration).
    .addColumn('application_id', 'text')
    .addColumn('bound_at', 'text')
    .addForeignKeyConstraint('attachments_owner_fk', ['owner_user_id'], 'users', ['id'])
    .addCheckConstraint(
      'attachments_media_type_ck',
      checkIn('media_type', ['application/pdf', 'image/jpeg', 'image/png', 'application/ofd']),
    )
    .addCheckConstraint('attachments_size_ck', sqlPositive('size_bytes'))
    .execute();
  await db.schema
    .createIndex('attachments_owner_application_idx')
    .on('attachments')
    .columns(['owner_user_id', 'application_id'])
    .execute();
  await db.schema
    .createIndex('attachments_application_idx')
    .on('attachments')
    .column('application_id')
    .execute();
  await db.schema.createIndex('attachments_created_idx').on('attachments').column('created_at').execute();

  // BLOB on SQLite, bytea on PostgreSQL: the one place the two differ.
  const binary = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('attachment_contents')
    .addColumn('attachment_id', 'text', (c) => c.primaryKey())
    .addColumn('content', binary, (c) => c.notNull())
    .addForeignKeyConstraint(
      'attachment_contents_attachment_fk',
      ['attachment_id'],
      'attachments',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_contents').execute();
  await db.schema.dropTable('attachments').execute();
}

function sqlPositive(column: string) {
  return sql`${sql.ref(column)} > 0`;
}
