import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

const PROJECT_MILESTONE_KINDS = [
  'land',
  'planning_permit',
  'construction_permit',
  'fire_inspection',
  'completion_acceptance',
  'opening',
] as const;

// Project landing: an enterprise's project (a new factory, a shopping centre opening), its
// milestones with planned and actual dates, and the applications each milestone links to.
// `late_flagged_for` is the planned date whose lateness the manager was told about, so a
// milestone is flagged once per lateness (and again only after it is re-planned and late again).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('desk_projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('site_address', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_projects_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('desk_projects_creator_fk', ['created_by_user_id'], 'users', ['id'])
    .execute();
  await db.schema
    .createIndex('desk_projects_enterprise_idx')
    .on('desk_projects')
    .column('enterprise_id')
    .execute();

  await db.schema
    .createTable('desk_project_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('planned_date', 'text', (c) => c.notNull())
    .addColumn('actual_date', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('late_flagged_for', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_project_milestones_project_fk', ['project_id'], 'desk_projects', ['id'])
    .addUniqueConstraint('desk_project_milestones_kind_uq', ['project_id', 'kind'])
    .addCheckConstraint('desk_project_milestones_kind_ck', checkIn('kind', PROJECT_MILESTONE_KINDS))
    .execute();
  await db.schema
    .createIndex('desk_project_milestones_late_idx')
    .on('desk_project_milestones')
    .columns(['actual_date', 'planned_date'])
    .execute();

  await db.schema
    .createTable('desk_milestone_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('milestone_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('added_by_user_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'desk_milestone_applications_milestone_fk',
      ['milestone_id'],
      'desk_project_milestones',
      ['id'],
    )
    .addForeignKeyConstraint('desk_milestone_applications_app_fk', ['application_id'], 'applications', ['id'])
    .addUniqueConstraint('desk_milestone_applications_uq', ['milestone_id', 'application_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('desk_milestone_applications').execute();
  await db.schema.dropTable('desk_project_milestones').execute();
  await db.schema.dropTable('desk_projects').execute();
}
