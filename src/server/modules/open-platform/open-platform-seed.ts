import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/database.ts';
import { setAppSharingRules, upsertThirdPartyApp } from '../sharing/app-grants.service.ts';
import { hashClientSecret } from './client-secrets.ts';
import { CONSENT_LEGAL_BASIS } from './open-apps.service.ts';
import { registerOfScope } from './scopes.ts';

export interface SeededOpenApp {
  id: string;
  nameZh: string;
  nameEn: string;
  organisation: string;
  purpose: string;
  privacyPolicyUrl: string;
  scopes: readonly string[];
  redirectUris: string[];
  clientSecret: string;
}

/**
 * Adds an approved app with a known secret (the demo partner), idempotent by id; on later starts
 * only its redirect URIs follow the configuration. Its register scopes become its sharing rules.
 */
export async function seedOpenApp(db: Db, app: SeededOpenApp): Promise<void> {
  const at = nowIso();
  const redirectUris = JSON.stringify(app.redirectUris);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('openPlatformApps')
      .select(['id', 'redirectUris'])
      .where('id', '=', app.id)
      .executeTakeFirst();
    if (existing) {
      if (existing.redirectUris !== redirectUris)
        await trx
          .updateTable('openPlatformApps')
          .set({ redirectUris, updatedAt: at })
          .where('id', '=', app.id)
          .execute();
      return;
    }
    await trx
      .insertInto('openPlatformApps')
      .values({
        id: app.id,
        nameZh: app.nameZh,
        nameEn: app.nameEn,
        organisation: app.organisation,
        purpose: app.purpose,
        privacyPolicyUrl: app.privacyPolicyUrl,
        redirectUris,
        scopes: JSON.stringify(app.scopes),
        ownerUserId: null,
        status: 'approved',
        reviewNote: '演示数据',
        reviewedByUserId: null,
        reviewedByName: '系统（演示数据）',
        reviewedAt: at,
        secretHash: hashClientSecret(app.clientSecret),
        secretIssuedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    await upsertThirdPartyApp(trx, {
      id: app.id,
      nameZh: app.nameZh,
      nameEn: app.nameEn,
      operatorZh: app.organisation,
    });
    await setAppSharingRules(trx, {
      appId: app.id,
      offers: app.scopes.flatMap((scope) => {
        const register = registerOfScope(scope);
        return register
          ? [
              {
                register: register.code,
                fields: [...register.fields],
                purposeZh: register.purposeZh,
                purposeEn: register.purposeEn,
              },
            ]
          : [];
      }),
      proposedBy: null,
      reviewedBy: null,
      legalBasisZh: CONSENT_LEGAL_BASIS,
    });
  });
}
