import { uuidv7 } from 'uuidv7';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { SharingConsumerKind } from './sharing.tables.ts';

export interface SharingRuleSeed {
  ruleKey: string;
  consumerKind: SharingConsumerKind;
  consumerRef: string;
  register: string;
  fields: string[];
  purposeZh: string;
  purposeEn: string;
  legalBasisZh: string;
}

export interface SharingAppSeed {
  id: string;
  nameZh: string;
  nameEn: string;
  operatorZh: string;
}

/**
 * Loads rules as active version 1, idempotent by rule key. A rule an admin has changed (any
 * version after 1) is left as the admins have it; an untouched seeded rule takes the fields of
 * the current demo catalogue (new prefill mappings of a later release). Apps are added when missing.
 */
export async function seedSharing(db: Db, rules: SharingRuleSeed[], apps: SharingAppSeed[]): Promise<number> {
  const rows = await db
    .selectFrom('sharingRules')
    .select(['id', 'ruleKey', 'version', 'fields', 'proposedByUserId'])
    .execute();
  const existing = new Map(rows.map((row) => [row.ruleKey, row]));
  const at = nowIso();
  const fresh = rules.filter((rule) => !existing.has(rule.ruleKey));
  const untouched = rules.flatMap((rule) => {
    const row = existing.get(rule.ruleKey);
    const fields = JSON.stringify(rule.fields);
    const seeded = row && row.version === 1 && row.proposedByUserId === null;
    return seeded && rows.filter((r) => r.ruleKey === rule.ruleKey).length === 1 && row.fields !== fields
      ? [{ id: row.id, fields }]
      : [];
  });
  await db.transaction().execute(async (trx) => {
    for (const row of untouched) {
      await trx.updateTable('sharingRules').set({ fields: row.fields }).where('id', '=', row.id).execute();
    }
    for (const app of apps) {
      await trx
        .insertInto('sharingApps')
        .values({ ...app, createdAt: at })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    for (let i = 0; i < fresh.length; i += 100) {
      await trx
        .insertInto('sharingRules')
        .values(
          fresh.slice(i, i + 100).map((rule) => ({
            id: uuidv7(),
            ruleKey: rule.ruleKey,
            version: 1,
            status: 'active' as const,
            changeKind: 'upsert' as const,
            consumerKind: rule.consumerKind,
            consumerRef: rule.consumerRef,
            register: rule.register,
            fields: JSON.stringify(rule.fields),
            purposeZh: rule.purposeZh,
            purposeEn: rule.purposeEn,
            legalBasisZh: rule.legalBasisZh,
            validFrom: '2026-01-01T00:00:00.000Z',
            validTo: null,
            changeNote: '演示城市初始共享目录',
            proposedByUserId: null,
            proposedByName: '系统（演示数据）',
            proposedAt: at,
            reviewedByUserId: null,
            reviewedByName: '系统（演示数据）',
            reviewedAt: at,
            reviewNote: null,
          })),
        )
        .execute();
    }
  });
  return fresh.length;
}
