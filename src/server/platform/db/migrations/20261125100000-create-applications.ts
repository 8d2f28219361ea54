import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// Applications (办件), their workflow tasks, timeline, supplements, drafts and receipt numbers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receipt_no', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('entry_code', 'text', (c) => c.notNull())
    .addColumn('entry_type', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('applicant_person_id', 'text')
    .addColumn('applicant_enterprise_id', 'text')
    .addColumn('filed_by_user_id', 'text', (c) => c.notNull())
    .addColumn('filed_by_person_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('counter_confirmation', 'text')
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('receiving_office_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('workflow_state', 'text', (c) => c.notNull())
    .addColumn('state_version', 'integer', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('promised_working_days', 'integer', (c) => c.notNull())
    .addColumn('promised_date', 'text', (c) => c.notNull())
    .addColumn('paused_since', 'text')
    .addColumn('paused_working_days', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('fields_total', 'integer', (c) => c.notNull())
    .addColumn('fields_prefilled', 'integer', (c) => c.notNull())
    .addColumn('fields_typed', 'integer', (c) => c.notNull())
    .addColumn('materials_total', 'integer', (c) => c.notNull())
    .addColumn('materials_not_needed', 'integer', (c) => c.notNull())
    .addColumn('trips_needed', 'integer', (c) => c.notNull())
    .addColumn('supplement_count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('applications_receipt_no_uq', ['receipt_no'])
    .addUniqueConstraint('applications_idempotency_uq', ['filed_by_user_id', 'idempotency_key'])
    .addForeignKeyConstraint('applications_entry_fk', ['entry_id'], 'catalog_entries', ['id'])
    .addForeignKeyConstraint('applications_version_fk', ['version_id'], 'catalog_versions', ['id'])
    .addForeignKeyConstraint('applications_person_fk', ['applicant_person_id'], 'people', ['id'])
    .addForeignKeyConstraint('applications_enterprise_fk', ['applicant_enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('applications_filed_by_fk', ['filed_by_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('applications_office_fk', ['receiving_office_id'], 'offices', ['id'])
    .addCheckConstraint('applications_entry_type_ck', checkIn('entry_type', ['service', 'bundle']))
    .addCheckConstraint(
      'applications_channel_ck',
      checkIn('channel', ['online', 'counter', 'open_api', 'terminal']),
    )
    .addCheckConstraint(
      'applications_status_ck',
      checkIn('status', [
        'in_progress',
        'awaiting_supplement',
        'approved',
        'refused',
        'partially_approved',
        'withdrawn',
      ]),
    )
    .execute();
  await db.schema
    .createIndex('applications_person_idx')
    .on('applications')
    .column('applicant_person_id')
    .execute();
  await db.schema
    .createIndex('applications_enterprise_idx')
    .on('applications')
    .column('applicant_enterprise_id')
    .execute();
  await db.schema
    .createIndex('applications_filed_by_idx')
    .on('applications')
    .column('filed_by_user_id')
    .execute();

  await db.schema
    .createTable('application_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('task_key', 'text', (c) => c.notNull())
    .addColumn('branch_key', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('awaiting_supplement', 'integer', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text')
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('closed_by_user_id', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('escalated_at', 'text')
    .addUniqueConstraint('application_tasks_key_uq', ['application_id', 'task_key'])
    .addForeignKeyConstraint('application_tasks_application_fk', ['application_id'], 'applications', ['id'])
    .addForeignKeyConstraint('application_tasks_office_fk', ['office_id'], 'offices', ['id'])
    .addForeignKeyConstraint('application_tasks_assignee_fk', ['assignee_user_id'], 'users', ['id'])
    .addCheckConstraint('application_tasks_status_ck', checkIn('status', ['open', 'done', 'cancelled']))
    .execute();
  await db.schema
    .createIndex('application_tasks_queue_idx')
    .on('application_tasks')
    .columns(['office_id', 'status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('application_tasks_application_idx')
    .on('application_tasks')
    .column('application_id')
    .execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('office_id', 'text')
    .addColumn('task_key', 'text')
    .addColumn('details', 'text')
    .addForeignKeyConstraint('application_events_application_fk', ['application_id'], 'applications', ['id'])
    .execute();
  await db.schema
    .createIndex('application_events_application_idx')
    .on('application_events')
    .columns(['application_id', 'id'])
    .execute();

  await db.schema
    .createTable('application_supplements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('override_by_user_id', 'text')
    .addColumn('override_reason', 'text')
    .addForeignKeyConstraint('application_supplements_application_fk', ['application_id'], 'applications', [
      'id',
    ])
    .addForeignKeyConstraint('application_supplements_task_fk', ['task_id'], 'application_tasks', ['id'])
    .addCheckConstraint('application_supplements_status_ck', checkIn('status', ['open', 'answered']))
    .execute();
  await db.schema
    .createIndex('application_supplements_application_idx')
    .on('application_supplements')
    .column('application_id')
    .execute();

  await db.schema
    .createTable('application_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_drafts_owner_uq', ['owner_user_id', 'entry_id', 'subject_key'])
    .addForeignKeyConstraint('application_drafts_owner_fk', ['owner_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('application_drafts_entry_fk', ['entry_id'], 'catalog_entries', ['id'])
    .execute();

  await db.schema
    .createTable('receipt_counters')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('receipt_counters').execute();
  await db.schema.dropTable('application_drafts').execute();
  await db.schema.dropTable('application_supplements').execute();
  await db.schema.dropTable('application_events').execute();
  await db.schema.dropTable('application_tasks').execute();
  await db.schema.dropTable('applications').execute();
}
