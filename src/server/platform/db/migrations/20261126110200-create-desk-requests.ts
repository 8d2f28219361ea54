import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

const CATEGORIES = [
  'site_premises',
  'permits',
  'hiring',
  'financing',
  'policy_question',
  'dispute',
  'construction',
  'other',
];
const STATUSES = ['submitted', 'accepted', 'routed', 'answered', 'resolved', 'reopened'];

export async function up(db: Kysely<any>): Promise<void> {
  // Readable reference numbers (诉求编号) per Shanghai day: SQ-20261126-0001.
  await db.schema
    .createTable('desk_request_counters')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('desk_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference_no', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('person_id', 'text')
    .addColumn('filed_by_user_id', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text')
    .addColumn('manager_user_id', 'text')
    .addColumn('manager_office_id', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('first_response_due_at', 'text', (c) => c.notNull())
    .addColumn('first_responded_at', 'text')
    .addColumn('resolution_due_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('first_response_reminded_at', 'text')
    .addColumn('first_response_escalated_at', 'text')
    .addColumn('resolution_reminded_at', 'text')
    .addColumn('resolution_escalated_at', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_requests_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('desk_requests_person_fk', ['person_id'], 'people', ['id'])
    .addForeignKeyConstraint('desk_requests_filer_fk', ['filed_by_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('desk_requests_manager_fk', ['manager_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('desk_requests_office_fk', ['manager_office_id'], 'offices', ['id'])
    .addForeignKeyConstraint('desk_requests_district_fk', ['district_code'], 'districts', ['code'])
    .addUniqueConstraint('desk_requests_reference_uq', ['reference_no'])
    .addCheckConstraint('desk_requests_category_ck', checkIn('category', CATEGORIES))
    .addCheckConstraint('desk_requests_status_ck', checkIn('status', STATUSES))
    .addCheckConstraint(
      'desk_requests_filer_ck',
      sql`(${sql.ref('enterprise_id')} is null) <> (${sql.ref('person_id')} is null)`,
    )
    .addCheckConstraint(
      'desk_requests_rating_ck',
      sql`${sql.ref('rating')} is null or (${sql.ref('rating')} between 1 and 5)`,
    )
    .execute();
  await db.schema
    .createIndex('desk_requests_enterprise_idx')
    .on('desk_requests')
    .columns(['enterprise_id', 'filed_at'])
    .execute();
  await db.schema
    .createIndex('desk_requests_person_idx')
    .on('desk_requests')
    .columns(['person_id', 'filed_at'])
    .execute();
  await db.schema
    .createIndex('desk_requests_manager_idx')
    .on('desk_requests')
    .columns(['manager_user_id', 'status'])
    .execute();
  await db.schema
    .createIndex('desk_requests_district_idx')
    .on('desk_requests')
    .columns(['district_code', 'filed_at'])
    .execute();

  // The parts of a request routed to offices; each office answers its own part.
  await db.schema
    .createTable('desk_request_parts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by_user_id', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('routed_by_user_id', 'text', (c) => c.notNull())
    .addColumn('routed_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_request_parts_request_fk', ['request_id'], 'desk_requests', ['id'])
    .addForeignKeyConstraint('desk_request_parts_office_fk', ['office_id'], 'offices', ['id'])
    .addForeignKeyConstraint('desk_request_parts_answerer_fk', ['answered_by_user_id'], 'users', ['id'])
    .addCheckConstraint('desk_request_parts_status_ck', checkIn('status', ['open', 'answered']))
    .addUniqueConstraint('desk_request_parts_office_uq', ['request_id', 'round', 'office_id'])
    .execute();
  await db.schema
    .createIndex('desk_request_parts_office_idx')
    .on('desk_request_parts')
    .columns(['office_id', 'status'])
    .execute();

  // The request's timeline: every step and answer, kept through reopening.
  await db.schema
    .createTable('desk_request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('office_id', 'text')
    .addColumn('body', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_request_events_request_fk', ['request_id'], 'desk_requests', ['id'])
    .execute();
  await db.schema
    .createIndex('desk_request_events_request_idx')
    .on('desk_request_events')
    .columns(['request_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('desk_request_events').execute();
  await db.schema.dropTable('desk_request_parts').execute();
  await db.schema.dropTable('desk_requests').execute();
  await db.schema.dropTable('desk_request_counters').execute();
}
