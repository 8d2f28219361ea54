import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('desk_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('manager_user_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('head_user_id', 'text')
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text')
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('office_address', 'text')
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('assigned_by_user_id', 'text')
    .addColumn('ended_at', 'text')
    .addForeignKeyConstraint('desk_assignments_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('desk_assignments_manager_fk', ['manager_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('desk_assignments_head_fk', ['head_user_id'], 'users', ['id'])
    .addForeignKeyConstraint('desk_assignments_office_fk', ['office_id'], 'offices', ['id'])
    .addForeignKeyConstraint('desk_assignments_district_fk', ['district_code'], 'districts', ['code'])
    .execute();
  // At most one active manager per enterprise (a partial unique index works on both databases).
  await db.schema
    .createIndex('desk_assignments_active_uq')
    .on('desk_assignments')
    .column('enterprise_id')
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('desk_assignments_manager_idx')
    .on('desk_assignments')
    .columns(['manager_user_id', 'ended_at'])
    .execute();
  await db.schema
    .createIndex('desk_assignments_district_idx')
    .on('desk_assignments')
    .columns(['district_code', 'street_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('desk_assignments').execute();
}
