import type { ClientMetadata } from 'oidc-provider';
import type { Db } from '../../platform/db/database.ts';
import type { OpenPlatformAppTable } from './open-platform.tables.ts';

export const parseList = (json: string): string[] => JSON.parse(json) as string[];

/** An app that may act as an OAuth client now: approved and holding a secret. */
export async function findOpenApp(db: Db, id: string): Promise<OpenPlatformAppTable | undefined> {
  const app = await db.selectFrom('openPlatformApps').selectAll().where('id', '=', id).executeTakeFirst();
  return app && app.status === 'approved' && app.secretHash ? app : undefined;
}

export function getAppRow(db: Db, id: string): Promise<OpenPlatformAppTable | undefined> {
  return db.selectFrom('openPlatformApps').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The client metadata the provider sees: exact redirect URIs. The reviewed scopes are not client
 * metadata (that only lists OpenID Connect scopes): the consent page and the resource server
 * (getResourceServerInfo) hold an app to them.
 */
export function clientMetadataOf(app: OpenPlatformAppTable): ClientMetadata {
  return {
    client_id: app.id,
    client_secret: app.secretHash!,
    client_name: app.nameZh,
    redirect_uris: parseList(app.redirectUris),
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    policy_uri: app.privacyPolicyUrl,
  };
}
