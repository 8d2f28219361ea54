import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// The sharing gateway (共享目录): versioned sharing rules with their review trail, third-party
// apps and the consents people give them, and objections to access records (有异议).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sharing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('change_kind', 'text', (c) => c.notNull())
    .addColumn('consumer_kind', 'text', (c) => c.notNull())
    .addColumn('consumer_ref', 'text', (c) => c.notNull())
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('purpose_zh', 'text', (c) => c.notNull())
    .addColumn('purpose_en', 'text', (c) => c.notNull())
    .addColumn('legal_basis_zh', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('change_note', 'text')
    .addColumn('proposed_by_user_id', 'text')
    .addColumn('proposed_by_name', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by_user_id', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addUniqueConstraint('sharing_rules_key_version_uq', ['rule_key', 'version'])
    .addCheckConstraint(
      'sharing_rules_status_ck',
      checkIn('status', ['proposed', 'active', 'superseded', 'rejected', 'retired']),
    )
    .addCheckConstraint('sharing_rules_change_kind_ck', checkIn('change_kind', ['upsert', 'retire']))
    .addCheckConstraint(
      'sharing_rules_consumer_kind_ck',
      checkIn('consumer_kind', ['service_form', 'staff_role', 'third_party_app']),
    )
    .execute();
  await db.schema
    .createIndex('sharing_rules_lookup_idx')
    .on('sharing_rules')
    .columns(['consumer_kind', 'consumer_ref', 'register', 'status'])
    .execute();

  await db.schema
    .createTable('sharing_apps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('operator_zh', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sharing_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('app_id', 'text', (c) => c.notNull().references('sharing_apps.id'))
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sharing_consents_person_idx')
    .on('sharing_consents')
    .columns(['person_id', 'app_id'])
    .execute();

  await db.schema
    .createTable('data_access_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audit_record_id', 'text', (c) => c.notNull())
    .addColumn('subject_person_id', 'text')
    .addColumn('subject_enterprise_id', 'text')
    .addColumn('filed_by_user_id', 'text', (c) => c.notNull())
    .addColumn('filed_by_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by_user_id', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addCheckConstraint('data_access_objections_status_ck', checkIn('status', ['open', 'answered']))
    .execute();
  await db.schema
    .createIndex('data_access_objections_status_idx')
    .on('data_access_objections')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_access_objections').execute();
  await db.schema.dropTable('sharing_consents').execute();
  await db.schema.dropTable('sharing_apps').execute();
  await db.schema.dropTable('sharing_rules').execute();
}
