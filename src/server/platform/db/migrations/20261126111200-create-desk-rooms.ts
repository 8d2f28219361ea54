import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.ts';
import { checkIn } from '../check-in.ts';

const ROOM_ORGANISATION_KINDS = [
  'service_manager',
  'enterprise',
  'contractor',
  'street_office',
  'department',
  'chamber',
  'park',
] as const;

// Coordination rooms (协调群): a room per project or issue, its members from several
// organisations, their messages, tasks, checklist of materials, shared documents (content in a
// table of its own), what moved (activity), and one digest row per member per Shanghai day.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('desk_rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_rooms_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('desk_rooms_owner_fk', ['owner_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('desk_rooms_project_fk', ['project_id'], 'desk_projects', ['id'])
    .addUniqueConstraint('desk_rooms_project_uq', ['project_id'])
    .execute();
  await db.schema.createIndex('desk_rooms_enterprise_idx').on('desk_rooms').column('enterprise_id').execute();

  await db.schema
    .createTable('desk_room_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation_kind', 'text', (c) => c.notNull())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('added_by_user_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addForeignKeyConstraint('desk_room_members_room_fk', ['room_id'], 'desk_rooms', ['id'])
    .addForeignKeyConstraint('desk_room_members_user_fk', ['user_id'], 'users', ['id'])
    .addUniqueConstraint('desk_room_members_room_user_uq', ['room_id', 'user_id'])
    .addCheckConstraint('desk_room_members_role_ck', checkIn('role', ['owner', 'member']))
    .addCheckConstraint('desk_room_members_org_ck', checkIn('organisation_kind', ROOM_ORGANISATION_KINDS))
    .execute();
  await db.schema
    .createIndex('desk_room_members_user_idx')
    .on('desk_room_members')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('desk_room_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_room_messages_room_fk', ['room_id'], 'desk_rooms', ['id'])
    .addForeignKeyConstraint('desk_room_messages_author_fk', ['author_user_id'], 'users', ['id'])
    .execute();
  await db.schema
    .createIndex('desk_room_messages_room_idx')
    .on('desk_room_messages')
    .columns(['room_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('desk_room_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addForeignKeyConstraint('desk_room_tasks_room_fk', ['room_id'], 'desk_rooms', ['id'])
    .addForeignKeyConstraint('desk_room_tasks_owner_fk', ['owner_user_id'], 'users', ['id'])
    .addCheckConstraint('desk_room_tasks_status_ck', checkIn('status', ['open', 'in_progress', 'done']))
    .execute();
  await db.schema
    .createIndex('desk_room_tasks_room_due_idx')
    .on('desk_room_tasks')
    .columns(['room_id', 'due_date'])
    .execute();

  await db.schema
    .createTable('desk_room_checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('is_done', 'integer', (c) => c.notNull())
    .addColumn('done_by_user_id', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_room_checklist_room_fk', ['room_id'], 'desk_rooms', ['id'])
    .addCheckConstraint('desk_room_checklist_done_ck', sql`is_done in (0, 1)`)
    .execute();
  await db.schema
    .createIndex('desk_room_checklist_room_idx')
    .on('desk_room_checklist_items')
    .column('room_id')
    .execute();

  await db.schema
    .createTable('desk_room_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('checklist_item_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_room_documents_room_fk', ['room_id'], 'desk_rooms', ['id'])
    .addForeignKeyConstraint('desk_room_documents_user_fk', ['uploaded_by_user_id'], 'users', ['id'])
    .addForeignKeyConstraint(
      'desk_room_documents_item_fk',
      ['checklist_item_id'],
      'desk_room_checklist_items',
      ['id'],
    )
    .execute();
  await db.schema
    .createIndex('desk_room_documents_room_idx')
    .on('desk_room_documents')
    .column('room_id')
    .execute();
  // BLOB on SQLite, bytea on PostgreSQL (as the attachments module stores its content).
  const binary = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('desk_room_document_contents')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    .addColumn('content', binary, (c) => c.notNull())
    .addForeignKeyConstraint(
      'desk_room_document_contents_document_fk',
      ['document_id'],
      'desk_room_documents',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('desk_room_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_room_activity_room_fk', ['room_id'], 'desk_rooms', ['id'])
    .execute();
  await db.schema
    .createIndex('desk_room_activity_room_idx')
    .on('desk_room_activity')
    .columns(['room_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('desk_room_digests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('digest_date', 'text', (c) => c.notNull())
    .addColumn('moved_count', 'integer', (c) => c.notNull())
    .addColumn('due_count', 'integer', (c) => c.notNull())
    .addColumn('notified', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_room_digests_user_fk', ['user_id'], 'users', ['id'])
    .addUniqueConstraint('desk_room_digests_user_date_uq', ['user_id', 'digest_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('desk_room_digests').execute();
  await db.schema.dropTable('desk_room_activity').execute();
  await db.schema.dropTable('desk_room_document_contents').execute();
  await db.schema.dropTable('desk_room_documents').execute();
  await db.schema.dropTable('desk_room_checklist_items').execute();
  await db.schema.dropTable('desk_room_tasks').execute();
  await db.schema.dropTable('desk_room_messages').execute();
  await db.schema.dropTable('desk_room_members').execute();
  await db.schema.dropTable('desk_rooms').execute();
}
