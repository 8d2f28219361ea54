import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// The enterprise desk's policy library (政策找企业, 免申即享): policies with their rule versions,
// the matches per rule version (unique: told once per version), the benefits granted without an
// application (unique per policy and enterprise, however often or concurrently matching runs) and
// the matching runs.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('desk_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('summary_zh', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull())
    .addColumn('issuer_office_id', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text')
    .addColumn('is_auto_grant', 'integer', (c) => c.notNull())
    .addColumn('benefit_amount_fen', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('desk_policies_code_uq', ['code'])
    .addForeignKeyConstraint('desk_policies_office_fk', ['issuer_office_id'], 'offices', ['id'])
    .addForeignKeyConstraint('desk_policies_district_fk', ['district_code'], 'districts', ['code'])
    .addCheckConstraint('desk_policies_status_ck', checkIn('status', ['draft', 'published', 'retired']))
    .addCheckConstraint(
      'desk_policies_benefit_ck',
      sql`(is_auto_grant = 0) or (benefit_amount_fen is not null and benefit_amount_fen > 0)`,
    )
    .execute();

  await db.schema
    .createTable('desk_policy_rule_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addUniqueConstraint('desk_policy_rule_versions_uq', ['policy_id', 'version'])
    .addForeignKeyConstraint('desk_policy_rule_versions_policy_fk', ['policy_id'], 'desk_policies', ['id'])
    .execute();

  await db.schema
    .createTable('desk_policy_matches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('matched_at', 'text', (c) => c.notNull())
    .addColumn('notified_users', 'integer', (c) => c.notNull())
    .addUniqueConstraint('desk_policy_matches_uq', ['policy_id', 'enterprise_id', 'rule_version'])
    .addForeignKeyConstraint('desk_policy_matches_policy_fk', ['policy_id'], 'desk_policies', ['id'])
    .addForeignKeyConstraint('desk_policy_matches_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .execute();
  await db.schema
    .createIndex('desk_policy_matches_enterprise_idx')
    .on('desk_policy_matches')
    .column('enterprise_id')
    .execute();

  await db.schema
    .createTable('desk_policy_benefits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    // Exactly one benefit per policy and enterprise, whatever reruns or races happen.
    .addUniqueConstraint('desk_policy_benefits_uq', ['policy_id', 'enterprise_id'])
    .addForeignKeyConstraint('desk_policy_benefits_policy_fk', ['policy_id'], 'desk_policies', ['id'])
    .addForeignKeyConstraint('desk_policy_benefits_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .execute();
  await db.schema
    .createIndex('desk_policy_benefits_enterprise_idx')
    .on('desk_policy_benefits')
    .column('enterprise_id')
    .execute();

  await db.schema
    .createTable('desk_policy_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('told', 'integer', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('unreadable', 'integer', (c) => c.notNull())
    .addForeignKeyConstraint('desk_policy_runs_policy_fk', ['policy_id'], 'desk_policies', ['id'])
    .addCheckConstraint(
      'desk_policy_runs_trigger_ck',
      checkIn('trigger', ['publish', 'rule_change', 'schedule', 'manual']),
    )
    .execute();
  await db.schema
    .createIndex('desk_policy_runs_policy_idx')
    .on('desk_policy_runs')
    .columns(['policy_id', 'started_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('desk_policy_runs').execute();
  await db.schema.dropTable('desk_policy_benefits').execute();
  await db.schema.dropTable('desk_policy_matches').execute();
  await db.schema.dropTable('desk_policy_rule_versions').execute();
  await db.schema.dropTable('desk_policies').execute();
}
