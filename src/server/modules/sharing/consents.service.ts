// Third-party consent: a resident lets a registered app read named fields of one register for a
// purpose until a date, sees their grants and revokes them. The gateway checks the consent on
// every read, so a read after revocation is refused.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import type { Consent, SharingApp } from '../../../contracts/api/data-access.ts';
import { findActiveRulesOf, parseFields } from './sharing-rules.repository.ts';

export async function listSharingApps(db: Db, registers: RegisterDirectory): Promise<SharingApp[]> {
  const apps = await db.selectFrom('sharingApps').selectAll().orderBy('id').execute();
  const at = nowIso();
  return Promise.all(
    apps.map(async (app) => {
      const rules = await findActiveRulesOf(db, { consumerKind: 'third_party_app', consumerRef: app.id, at });
      return {
        id: app.id,
        nameZh: app.nameZh,
        nameEn: app.nameEn,
        operatorZh: app.operatorZh,
        offers: rules
          .filter((rule) => registers.has(rule.register))
          .map((rule) => {
            const adapter = registers.get(rule.register as never);
            return {
              register: rule.register,
              registerNameZh: adapter.nameZh,
              registerNameEn: adapter.nameEn,
              fields: parseFields(rule.fields).map((name) => {
                const field = adapter.fields.find((f) => f.name === name);
                return { name, nameZh: field?.nameZh ?? name, nameEn: field?.nameEn ?? name };
              }),
              purposeZh: rule.purposeZh,
              purposeEn: rule.purposeEn,
            };
          }),
      };
    }),
  );
}

export async function listMyConsents(db: Db, principal: Principal): Promise<Consent[]> {
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  const rows = await db
    .selectFrom('sharingConsents')
    .innerJoin('sharingApps', 'sharingApps.id', 'sharingConsents.appId')
    .selectAll('sharingConsents')
    .select(['sharingApps.nameZh as appNameZh', 'sharingApps.nameEn as appNameEn'])
    .where('personId', '=', principal.personId)
    .orderBy('sharingConsents.createdAt', 'desc')
    .execute();
  const now = nowIso();
  return rows.map(({ personId, fields, ...row }) => {
    void personId;
    return {
      ...row,
      fields: parseFields(fields),
      status: row.revokedAt ? 'revoked' : row.validTo <= now ? 'expired' : 'active',
    };
  });
}

export interface ConsentInput {
  appId: string;
  register: string;
  fields: string[];
  purpose: string;
  /** YYYY-MM-DD (Asia/Shanghai): the consent ends at the start of that day. */
  validUntil: string;
}

const fieldError = (path: string, zh: string, en: string, locale: 'zh-CN' | 'en'): never => {
  throw new AppError('CONSENT_INVALID', {}, [{ path, message: locale === 'en' ? en : zh }]);
};

export async function grantConsent(
  db: Db,
  principal: Principal,
  input: ConsentInput,
  locale: 'zh-CN' | 'en',
  requestId: string,
): Promise<Consent> {
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  const app = await db.selectFrom('sharingApps').selectAll().where('id', '=', input.appId).executeTakeFirst();
  if (!app) throw new AppError('SHARING_APP_NOT_FOUND');
  const at = nowIso();
  const rules = (
    await findActiveRulesOf(db, { consumerKind: 'third_party_app', consumerRef: app.id, at })
  ).filter((rule) => rule.register === input.register);
  const offered = new Set(rules.flatMap((rule) => parseFields(rule.fields)));
  const beyond = input.fields.filter((f) => !offered.has(f));
  if (rules.length === 0 || beyond.length)
    fieldError(
      '/fields',
      `该应用不能申请这些数据项：${beyond.join('、') || input.register}`,
      `The app may not ask for: ${beyond.join(', ') || input.register}`,
      locale,
    );
  const validTo = new Date(`${input.validUntil}T00:00:00+08:00`).toISOString();
  if (validTo <= at)
    fieldError('/validUntil', '授权截止日期必须晚于今天', 'The end date must be after today', locale);
  if (Date.parse(validTo) - Date.parse(at) > 366 * 86_400_000)
    fieldError('/validUntil', '授权期限最长一年', 'A consent lasts at most a year', locale);
  const row = {
    id: uuidv7(),
    personId: principal.personId,
    appId: app.id,
    register: input.register,
    fields: JSON.stringify([...new Set(input.fields)].sort()),
    purpose: input.purpose.trim(),
    validFrom: at,
    validTo,
    revokedAt: null,
    createdAt: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('sharingConsents').values(row).execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'sharing.consent.grant',
      objectType: 'sharing_consent',
      objectId: row.id,
      subjectPersonId: principal.personId,
      fields: parseFields(row.fields).map((f) => `${row.register}.${f}`),
      purpose: row.purpose,
      requestId,
      details: { appId: app.id, validTo },
    });
  });
  return (await listMyConsents(db, principal)).find((c) => c.id === row.id)!;
}

export async function revokeConsent(
  db: Db,
  principal: Principal,
  consentId: string,
  requestId: string,
): Promise<void> {
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  await db.transaction().execute(async (trx) => {
    const consent = await trx
      .selectFrom('sharingConsents')
      .select(['id', 'revokedAt', 'appId'])
      .where('id', '=', consentId)
      .where('personId', '=', principal.personId!)
      .executeTakeFirst();
    if (!consent) throw new AppError('CONSENT_NOT_FOUND');
    if (consent.revokedAt) return;
    await trx
      .updateTable('sharingConsents')
      .set({ revokedAt: nowIso() })
      .where('id', '=', consentId)
      .execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'sharing.consent.revoke',
      objectType: 'sharing_consent',
      objectId: consentId,
      subjectPersonId: principal.personId,
      requestId,
      details: { appId: consent.appId },
    });
  });
}
