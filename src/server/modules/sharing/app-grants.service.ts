// What the open platform (OpenID Connect apps) needs from the sharing module: the reviewed app
// as a third-party consumer, its sharing rules (the partner proposes them by registering, a
// platform admin approves them by approving the app: the two-person review of ADR 0008), and the
// resident's consent given on the authorization page, stored as ordinary consents so that it is
// listed, and revocable, under 第三方应用授权 (/data/consents).
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { parseFields } from './sharing-rules.repository.ts';

type Executor = Db | Transaction<Database>;

/**
 * Consents for data that is not a register (my applications, submitting for me) are stored under
 * this pseudo-register, with the open-platform scope as the one field.
 */
export const OPEN_PLATFORM_CONSENT_REGISTER = 'open_platform';

export interface ThirdPartyAppRecord {
  id: string;
  nameZh: string;
  nameEn: string;
  operatorZh: string;
}

/** Adds the app as a third-party consumer, or renames it. */
export async function upsertThirdPartyApp(trx: Executor, app: ThirdPartyAppRecord): Promise<void> {
  await trx
    .insertInto('sharingApps')
    .values({ ...app, createdAt: nowIso() })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ nameZh: app.nameZh, nameEn: app.nameEn, operatorZh: app.operatorZh }),
    )
    .execute();
}

export interface AppRuleOffer {
  register: string;
  fields: string[];
  purposeZh: string;
  purposeEn: string;
}

/**
 * Makes exactly these the app's active sharing rules (rule key `open:<appId>:<register>`): a new
 * version per changed offer (the previous one superseded), registers no longer offered retired.
 * The proposer is the partner who registered the app; the reviewer the admin who approved it.
 */
export async function setAppSharingRules(
  trx: Transaction<Database>,
  input: {
    appId: string;
    offers: AppRuleOffer[];
    proposedBy: AuditActor | null;
    /** The approving admin; null for seeded demo apps. */
    reviewedBy: AuditActor | null;
    legalBasisZh: string;
    requestId?: string;
  },
): Promise<void> {
  const at = nowIso();
  const active = await trx
    .selectFrom('sharingRules')
    .selectAll()
    .where('consumerKind', '=', 'third_party_app')
    .where('consumerRef', '=', input.appId)
    .where('ruleKey', 'like', `open:${input.appId}:%`)
    .where('status', '=', 'active')
    .execute();
  const wanted = new Map(input.offers.map((o) => [o.register, o]));
  for (const rule of active) {
    const offer = wanted.get(rule.register);
    const same =
      offer &&
      JSON.stringify([...offer.fields].sort()) === JSON.stringify([...parseFields(rule.fields)].sort()) &&
      offer.purposeZh === rule.purposeZh;
    if (same) {
      wanted.delete(rule.register);
      continue;
    }
    await trx
      .updateTable('sharingRules')
      .set({ status: offer ? 'superseded' : 'retired', validTo: offer ? rule.validTo : at })
      .where('id', '=', rule.id)
      .execute();
  }
  const versions = await trx
    .selectFrom('sharingRules')
    .select(['ruleKey', (eb) => eb.fn.max<number>('version').as('version')])
    .where('ruleKey', 'like', `open:${input.appId}:%`)
    .groupBy('ruleKey')
    .execute();
  for (const offer of wanted.values()) {
    const ruleKey = `open:${input.appId}:${offer.register}`;
    const id = uuidv7();
    await trx
      .insertInto('sharingRules')
      .values({
        id,
        ruleKey,
        version: Number(versions.find((v) => v.ruleKey === ruleKey)?.version ?? 0) + 1,
        status: 'active',
        changeKind: 'upsert',
        consumerKind: 'third_party_app',
        consumerRef: input.appId,
        register: offer.register,
        fields: JSON.stringify([...offer.fields].sort()),
        purposeZh: offer.purposeZh,
        purposeEn: offer.purposeEn,
        legalBasisZh: input.legalBasisZh,
        validFrom: at,
        validTo: null,
        changeNote: '开放平台应用审核通过',
        proposedByUserId: input.proposedBy?.userId ?? null,
        proposedByName: input.proposedBy?.name ?? '系统（演示数据）',
        proposedAt: at,
        reviewedByUserId: input.reviewedBy?.userId ?? null,
        reviewedByName: input.reviewedBy?.name ?? '系统（演示数据）',
        reviewedAt: at,
        reviewNote: null,
      })
      .execute();
    // Seeded demo apps (no reviewer) are not audited, like the rest of the seeded catalogue.
    if (!input.reviewedBy) continue;
    await appendAudit(trx, {
      actor: input.reviewedBy,
      action: 'sharing.rule.approve',
      objectType: 'sharing_rule',
      objectId: id,
      fields: offer.fields.map((f) => `${offer.register}.${f}`),
      purpose: offer.purposeZh,
      requestId: input.requestId,
      details: { ruleKey, appId: input.appId, via: 'open_platform_review' },
    });
  }
}

export interface AppConsentGrant {
  register: string;
  fields: string[];
}

/**
 * Stores the resident's consent to the app, one consent per register (or per non-register scope),
 * valid until `validTo`; an active consent with the same register and fields is kept as it is.
 * Each new consent is audited (`sharing.consent.grant`) in the caller's transaction.
 */
export async function recordAppConsents(
  trx: Transaction<Database>,
  input: {
    personId: string;
    appId: string;
    grants: AppConsentGrant[];
    purpose: string;
    validTo: string;
    actor: AuditActor;
    requestId?: string;
  },
): Promise<string[]> {
  const at = nowIso();
  const existing = await findActiveAppConsents(trx, { personId: input.personId, appId: input.appId, at });
  const ids: string[] = [];
  for (const grant of input.grants) {
    const fields = JSON.stringify([...new Set(grant.fields)].sort());
    const same = existing.find((c) => c.register === grant.register && c.fields === fields);
    if (same) {
      ids.push(same.id);
      continue;
    }
    const id = uuidv7();
    await trx
      .insertInto('sharingConsents')
      .values({
        id,
        personId: input.personId,
        appId: input.appId,
        register: grant.register,
        fields,
        purpose: input.purpose,
        validFrom: at,
        validTo: input.validTo,
        revokedAt: null,
        createdAt: at,
      })
      .execute();
    await appendAudit(trx, {
      actor: input.actor,
      action: 'sharing.consent.grant',
      objectType: 'sharing_consent',
      objectId: id,
      subjectPersonId: input.personId,
      fields: parseFields(fields).map((f) => `${grant.register}.${f}`),
      purpose: input.purpose,
      requestId: input.requestId,
      details: { appId: input.appId, validTo: input.validTo, via: 'open_platform_authorization' },
    });
    ids.push(id);
  }
  return ids;
}

/** The person's consents to the app that are in force at `at`. */
export function findActiveAppConsents(
  db: Executor,
  query: { personId: string; appId: string; at: string },
): Promise<{ id: string; register: string; fields: string }[]> {
  return db
    .selectFrom('sharingConsents')
    .select(['id', 'register', 'fields'])
    .where('personId', '=', query.personId)
    .where('appId', '=', query.appId)
    .where('revokedAt', 'is', null)
    .where('validFrom', '<=', query.at)
    .where('validTo', '>', query.at)
    .execute();
}

/** True when the person's consents to the app, together, cover `fields` of `register`. */
export async function hasAppConsent(
  db: Executor,
  query: { personId: string; appId: string; register: string; fields: string[] },
): Promise<boolean> {
  const consents = await findActiveAppConsents(db, {
    personId: query.personId,
    appId: query.appId,
    at: nowIso(),
  });
  const covered = new Set(
    consents.filter((c) => c.register === query.register).flatMap((c) => parseFields(c.fields)),
  );
  return query.fields.every((f) => covered.has(f));
}
