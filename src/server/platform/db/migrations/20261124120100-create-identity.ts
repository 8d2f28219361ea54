import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('district_code', 'text')
    .addColumn('street_code', 'text')
    .addColumn('address', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('people_id_number_uq', ['id_number'])
    .addForeignKeyConstraint('people_district_fk', ['district_code'], 'districts', ['code'])
    .addForeignKeyConstraint('people_street_fk', ['street_code'], 'streets', ['code'])
    .execute();
  await db.schema
    .createTable('enterprises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('legal_rep_person_id', 'text')
    .addColumn('district_code', 'text')
    .addColumn('street_code', 'text')
    .addColumn('address', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('enterprises_uscc_uq', ['uscc'])
    .addForeignKeyConstraint('enterprises_legal_rep_fk', ['legal_rep_person_id'], 'people', ['id'])
    .addForeignKeyConstraint('enterprises_district_fk', ['district_code'], 'districts', ['code'])
    .execute();
  await db.schema
    .createTable('enterprise_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('granted_by_user_id', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('enterprise_links_enterprise_fk', ['enterprise_id'], 'enterprises', ['id'])
    .addForeignKeyConstraint('enterprise_links_person_fk', ['person_id'], 'people', ['id'])
    .addCheckConstraint('enterprise_links_role_ck', checkIn('role', ['legal_rep', 'agent']))
    .execute();
  await db.schema
    .createIndex('enterprise_links_person_idx')
    .on('enterprise_links')
    .column('person_id')
    .execute();
  await db.schema
    .createIndex('enterprise_links_enterprise_idx')
    .on('enterprise_links')
    .column('enterprise_id')
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('failed_login_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('users_username_uq', ['username'])
    .addUniqueConstraint('users_person_uq', ['person_id'])
    .addForeignKeyConstraint('users_person_fk', ['person_id'], 'people', ['id'])
    .addCheckConstraint('users_kind_ck', checkIn('kind', ['resident', 'staff', 'admin']))
    .execute();
  await db.schema
    .createTable('staff_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('staff_roles_uq', ['user_id', 'office_id', 'role'])
    .addForeignKeyConstraint('staff_roles_user_fk', ['user_id'], 'users', ['id'])
    .addForeignKeyConstraint('staff_roles_office_fk', ['office_id'], 'offices', ['id'])
    .addCheckConstraint(
      'staff_roles_role_ck',
      checkIn('role', [
        'window_clerk',
        'reviewer',
        'approver',
        'office_admin',
        'service_manager',
        'operator',
      ]),
    )
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .addUniqueConstraint('sessions_token_hash_uq', ['token_hash'])
    .addForeignKeyConstraint('sessions_user_fk', ['user_id'], 'users', ['id'])
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sessions', 'staff_roles', 'users', 'enterprise_links', 'enterprises', 'people']) {
    await db.schema.dropTable(table).execute();
  }
}
