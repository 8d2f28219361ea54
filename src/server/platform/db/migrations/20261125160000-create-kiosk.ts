import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// The self-service terminal (kiosk): sign-in challenges (card read + code to the phone), one-time
// QR sign-in tokens made in the web app, and kiosk sessions bound to one terminal. Tokens and
// codes are stored as SHA-256 only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kiosk_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addForeignKeyConstraint('kiosk_challenges_user_fk', ['user_id'], 'users', ['id'])
    .addForeignKeyConstraint('kiosk_challenges_facility_fk', ['facility_id'], 'facilities', ['id'])
    .addCheckConstraint('kiosk_challenges_attempts_ck', sql`failed_attempts >= 0`)
    .execute();
  // Rate limits count the codes sent per person and per terminal over a recent window.
  await db.schema
    .createIndex('kiosk_challenges_user_created_idx')
    .on('kiosk_challenges')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('kiosk_challenges_terminal_created_idx')
    .on('kiosk_challenges')
    .columns(['terminal_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('kiosk_qr_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_terminal_id', 'text')
    .addForeignKeyConstraint('kiosk_qr_tokens_user_fk', ['user_id'], 'users', ['id'])
    .addUniqueConstraint('kiosk_qr_tokens_hash_uq', ['token_hash'])
    .execute();
  await db.schema
    .createIndex('kiosk_qr_tokens_user_created_idx')
    .on('kiosk_qr_tokens')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('kiosk_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addForeignKeyConstraint('kiosk_sessions_user_fk', ['user_id'], 'users', ['id'])
    .addForeignKeyConstraint('kiosk_sessions_facility_fk', ['facility_id'], 'facilities', ['id'])
    .addUniqueConstraint('kiosk_sessions_token_hash_uq', ['token_hash'])
    .addCheckConstraint('kiosk_sessions_method_ck', checkIn('method', ['card_code', 'qr']))
    .addCheckConstraint(
      'kiosk_sessions_end_reason_ck',
      sql`end_reason is null or ${checkIn('end_reason', ['sign_out', 'idle', 'replaced'])}`,
    )
    .execute();
  await db.schema
    .createIndex('kiosk_sessions_terminal_idx')
    .on('kiosk_sessions')
    .columns(['terminal_id', 'ended_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kiosk_sessions').execute();
  await db.schema.dropTable('kiosk_qr_tokens').execute();
  await db.schema.dropTable('kiosk_challenges').execute();
}
