import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

export async function up(db: Kysely<any>): Promise<void> {
  // One thread per enterprise between its members and its service manager (and their head).
  await db.schema
    .createTable('desk_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('sender_side', 'text', (c) => c.notNull())
    .addColumn('sender_user_id', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_by_enterprise_at', 'text')
    .addColumn('read_by_manager_at', 'text')
    .addForeignKeyConstraint('desk_messages_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('desk_messages_sender_fk', ['sender_user_id'], 'users', ['id'])
    .addCheckConstraint('desk_messages_side_ck', checkIn('sender_side', ['enterprise', 'manager']))
    .execute();
  await db.schema
    .createIndex('desk_messages_thread_idx')
    .on('desk_messages')
    .columns(['enterprise_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('desk_messages').execute();
}
