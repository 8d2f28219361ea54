import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// The enterprise desk's visits (无事不扰): the visit cap each district sets, the quiet periods an
// enterprise sets, and the visits its service managers plan and log (with the warnings the
// server gave at planning time and the reason a manager gave to go ahead anyway).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('desk_visit_caps')
    .addColumn('district_code', 'text', (c) => c.primaryKey())
    .addColumn('max_visits', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_visit_caps_district_fk', ['district_code'], 'districts', ['code'])
    .addForeignKeyConstraint('desk_visit_caps_user_fk', ['updated_by_user_id'], 'users', ['id'])
    .addCheckConstraint('desk_visit_caps_max_ck', sql`max_visits >= 1`)
    .addCheckConstraint('desk_visit_caps_period_ck', checkIn('period', ['month', 'quarter', 'year']))
    .execute();

  await db.schema
    .createTable('desk_quiet_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('day_from', 'integer')
    .addColumn('day_to', 'integer')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addForeignKeyConstraint('desk_quiet_periods_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('desk_quiet_periods_user_fk', ['created_by_user_id'], 'users', ['id'])
    .addCheckConstraint('desk_quiet_periods_kind_ck', checkIn('kind', ['monthly', 'range']))
    .addCheckConstraint(
      'desk_quiet_periods_shape_ck',
      sql`(kind = 'monthly' and day_from between 1 and 31 and day_to between day_from and 31)
        or (kind = 'range' and start_date is not null and end_date is not null and end_date >= start_date)`,
    )
    .execute();
  await db.schema
    .createIndex('desk_quiet_periods_enterprise_idx')
    .on('desk_quiet_periods')
    .column('enterprise_id')
    .execute();

  await db.schema
    .createTable('desk_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('manager_user_id', 'text', (c) => c.notNull())
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    // The Shanghai calendar date of scheduled_at: what caps and quiet periods are about.
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_visits_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('desk_visits_manager_fk', ['manager_user_id'], 'users', ['id'])
    .addCheckConstraint('desk_visits_status_ck', checkIn('status', ['planned', 'done', 'cancelled']))
    .execute();
  await db.schema
    .createIndex('desk_visits_enterprise_date_idx')
    .on('desk_visits')
    .columns(['enterprise_id', 'visit_date'])
    .execute();
  await db.schema
    .createIndex('desk_visits_manager_date_idx')
    .on('desk_visits')
    .columns(['manager_user_id', 'visit_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('desk_visits').execute();
  await db.schema.dropTable('desk_quiet_periods').execute();
  await db.schema.dropTable('desk_visit_caps').execute();
}
