import type { Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

// The open platform (开放平台): partner apps with their review, the OpenID Connect provider's
// stored artefacts (codes, tokens, grants, sessions, interactions) in one table, and the keys
// the provider signs ID tokens and its cookies with.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('open_platform_apps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('privacy_policy_url', 'text', (c) => c.notNull())
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by_user_id', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('secret_hash', 'text')
    .addColumn('secret_issued_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'open_platform_apps_status_ck',
      checkIn('status', ['pending', 'approved', 'rejected', 'suspended']),
    )
    .execute();
  await db.schema
    .createIndex('open_platform_apps_owner_idx')
    .on('open_platform_apps')
    .columns(['owner_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('open_platform_apps_status_idx')
    .on('open_platform_apps')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('oidc_payloads')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('user_code', 'text')
    .addColumn('uid', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('consumed_at', 'text')
    .addPrimaryKeyConstraint('oidc_payloads_pk', ['model', 'id'])
    .execute();
  await db.schema.createIndex('oidc_payloads_grant_idx').on('oidc_payloads').column('grant_id').execute();
  await db.schema.createIndex('oidc_payloads_uid_idx').on('oidc_payloads').column('uid').execute();
  await db.schema.createIndex('oidc_payloads_expires_idx').on('oidc_payloads').column('expires_at').execute();

  await db.schema
    .createTable('open_platform_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('alg', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('expires_at', 'text')
    .addCheckConstraint('open_platform_keys_kind_ck', checkIn('kind', ['signing', 'cookie']))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('open_platform_keys').execute();
  await db.schema.dropTable('oidc_payloads').execute();
  await db.schema.dropTable('open_platform_apps').execute();
}
