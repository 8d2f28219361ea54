import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// Notifications (站内消息): one row per recipient, with both languages, and the state of its
// e-mail; and each user's e-mail settings (identity holds no e-mail addresses).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('email_status', 'text', (c) => c.notNull())
    .addColumn('email_updated_at', 'text')
    .addForeignKeyConstraint('notifications_user_fk', ['user_id'], 'users', ['id'])
    .addCheckConstraint(
      'notifications_email_status_ck',
      checkIn('email_status', ['none', 'queued', 'sent', 'failed', 'not_configured']),
    )
    .execute();
  // The inbox, newest first, and the unread count, both per user.
  await db.schema
    .createIndex('notifications_user_created_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_user_read_idx')
    .on('notifications')
    .columns(['user_id', 'read_at'])
    .execute();
  await db.schema
    .createIndex('notifications_object_idx')
    .on('notifications')
    .columns(['object_type', 'object_id'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text')
    .addColumn('email_enabled', 'integer', (c) => c.notNull())
    .addColumn('email_confirmed_at', 'text')
    .addColumn('confirm_token_hash', 'text')
    .addColumn('confirm_token_expires_at', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('notification_settings_user_fk', ['user_id'], 'users', ['id'])
    .addCheckConstraint('notification_settings_language_ck', checkIn('language', ['zh-CN', 'en']))
    .addCheckConstraint('notification_settings_email_enabled_ck', sql`email_enabled in (0, 1)`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notifications').execute();
}
