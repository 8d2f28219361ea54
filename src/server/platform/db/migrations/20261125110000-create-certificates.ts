import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('certificate_signing_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('certificate_signing_keys_algorithm_ck', checkIn('algorithm', ['ed25519']))
    .execute();
  await db.schema
    .createTable('certificate_counters')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('certificate_type', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('holder_kind', 'text', (c) => c.notNull())
    .addColumn('holder_person_id', 'text')
    .addColumn('holder_enterprise_id', 'text')
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('issuing_office_id', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('display', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_by_user_id', 'text')
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('certificates_number_uq', ['number'])
    .addForeignKeyConstraint('certificates_person_fk', ['holder_person_id'], 'people', ['id'])
    .addForeignKeyConstraint('certificates_enterprise_fk', ['holder_enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('certificates_office_fk', ['issuing_office_id'], 'offices', ['id'])
    .addForeignKeyConstraint('certificates_key_fk', ['key_id'], 'certificate_signing_keys', ['key_id'])
    .addForeignKeyConstraint('certificates_revoked_by_fk', ['revoked_by_user_id'], 'users', ['id'])
    .addCheckConstraint('certificates_holder_kind_ck', checkIn('holder_kind', ['person', 'enterprise']))
    .addCheckConstraint('certificates_status_ck', checkIn('status', ['valid', 'revoked']))
    .execute();
  await db.schema
    .createIndex('certificates_person_type_idx')
    .on('certificates')
    .columns(['holder_person_id', 'certificate_type'])
    .execute();
  await db.schema
    .createIndex('certificates_enterprise_type_idx')
    .on('certificates')
    .columns(['holder_enterprise_id', 'certificate_type'])
    .execute();
  await db.schema
    .createIndex('certificates_application_idx')
    .on('certificates')
    .column('application_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('certificates').execute();
  await db.schema.dropTable('certificate_counters').execute();
  await db.schema.dropTable('certificate_signing_keys').execute();
}
