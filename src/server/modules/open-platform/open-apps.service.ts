// The app registry (应用登记) and its review: a partner registers an app for their organisation;
// a platform admin approves (the app becomes a third-party consumer with sharing rules for the
// registers its scopes read), rejects with a reason, suspends (its tokens stop at once, refresh
// fails) or reinstates it; the partner takes the client secret, shown once, and rotates it.
// Every change is audited in its transaction.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type {
  OpenApp,
  OpenAppInput,
  OpenAppReview,
  OpenAppSecret,
} from '../../../contracts/api/open-platform.ts';
import { setAppSharingRules, upsertThirdPartyApp } from '../sharing/app-grants.service.ts';
import { userDisplayNames } from '../identity/applicants.service.ts';
import { hashClientSecret, newClientSecret } from './client-secrets.ts';
import { getAppRow, parseList } from './open-apps.repository.ts';
import type { OpenPlatformAppTable } from './open-platform.tables.ts';
import { isOpenScope, registerOfScope } from './scopes.ts';

export const CONSENT_LEGAL_BASIS = '《中华人民共和国个人信息保护法》第十三条第一款第（一）项（取得个人同意）';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or http on this machine only; no fragment; no wildcards (matched exactly). */
export function redirectUriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'not_a_url';
  }
  if (url.hash || uri.includes('#')) return 'fragment';
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'not_https';
}

function validateInput(input: OpenAppInput): void {
  const problems = input.redirectUris.flatMap((uri, index) => {
    const problem = redirectUriProblem(uri);
    return problem ? [{ path: `/redirectUris/${index}`, problem }] : [];
  });
  if (problems.length) throw new AppError('OPEN_APP_REDIRECT_URI_INVALID', {}, problems);
  try {
    const policy = new URL(input.privacyPolicyUrl);
    if (policy.protocol !== 'https:' && !(policy.protocol === 'http:' && LOOPBACK_HOSTS.has(policy.hostname)))
      throw new Error('not https');
  } catch {
    throw new AppError('OPEN_APP_PRIVACY_URL_INVALID');
  }
  if (!input.scopes.every(isOpenScope)) throw new AppError('OPEN_APP_SCOPE_UNKNOWN');
}

export async function presentApps(db: Db, rows: OpenPlatformAppTable[]): Promise<OpenApp[]> {
  const owners = await userDisplayNames(
    db,
    rows.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    organisation: row.organisation,
    purpose: row.purpose,
    privacyPolicyUrl: row.privacyPolicyUrl,
    redirectUris: parseList(row.redirectUris),
    scopes: parseList(row.scopes),
    status: row.status,
    reviewNote: row.reviewNote,
    reviewedByName: row.reviewedByName,
    reviewedAt: row.reviewedAt,
    hasSecret: row.secretHash !== null,
    secretIssuedAt: row.secretIssuedAt,
    ownerName: row.ownerUserId ? (owners.get(row.ownerUserId) ?? null) : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

const actor = (principal: Principal) => ({ userId: principal.userId, name: principal.displayName });

/** A partner registers an app; it waits for review. */
export async function registerApp(
  db: Db,
  principal: Principal,
  input: OpenAppInput,
  requestId: string,
): Promise<OpenApp> {
  validateInput(input);
  const at = nowIso();
  const row: OpenPlatformAppTable = {
    id: `tb_${uuidv7().replace(/-/g, '')}`,
    nameZh: input.nameZh.trim(),
    nameEn: input.nameEn.trim(),
    organisation: input.organisation.trim(),
    purpose: input.purpose.trim(),
    privacyPolicyUrl: input.privacyPolicyUrl,
    redirectUris: JSON.stringify([...new Set(input.redirectUris)]),
    scopes: JSON.stringify([...new Set(input.scopes)]),
    ownerUserId: principal.userId,
    status: 'pending',
    reviewNote: null,
    reviewedByUserId: null,
    reviewedByName: null,
    reviewedAt: null,
    secretHash: null,
    secretIssuedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('openPlatformApps').values(row).execute();
    await appendAudit(trx, {
      actor: actor(principal),
      action: 'open_platform.app.register',
      objectType: 'open_platform_app',
      objectId: row.id,
      requestId,
      details: { nameZh: row.nameZh, organisation: row.organisation, scopes: input.scopes },
    });
  });
  return (await presentApps(db, [row]))[0]!;
}

/** The partner's own app; another's answers as not found. */
async function ownApp(db: Db, principal: Principal, id: string): Promise<OpenPlatformAppTable> {
  const row = await getAppRow(db, id);
  if (!row || row.ownerUserId !== principal.userId) throw new AppError('OPEN_APP_NOT_FOUND');
  return row;
}

export async function listMyApps(db: Db, principal: Principal): Promise<OpenApp[]> {
  const rows = await db
    .selectFrom('openPlatformApps')
    .selectAll()
    .where('ownerUserId', '=', principal.userId)
    .orderBy('createdAt', 'desc')
    .execute();
  return presentApps(db, rows);
}

export async function getMyApp(db: Db, principal: Principal, id: string): Promise<OpenApp> {
  return (await presentApps(db, [await ownApp(db, principal, id)]))[0]!;
}

/**
 * Issues a new client secret for an approved app (the first one, or a rotation: the old secret
 * stops working at once). The secret is in this answer only.
 */
export async function rotateAppSecret(
  db: Db,
  principal: Principal,
  id: string,
  requestId: string,
): Promise<OpenAppSecret> {
  const row = await ownApp(db, principal, id);
  if (row.status !== 'approved') throw new AppError('OPEN_APP_NOT_APPROVED', { status: row.status });
  const secret = newClientSecret();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('openPlatformApps')
      .set({ secretHash: hashClientSecret(secret), secretIssuedAt: at, updatedAt: at })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor: actor(principal),
      action: row.secretHash ? 'open_platform.app.secret.rotate' : 'open_platform.app.secret.issue',
      objectType: 'open_platform_app',
      objectId: id,
      requestId,
    });
  });
  return { clientId: id, clientSecret: secret, issuedAt: at };
}

/** Platform admins: the apps, those waiting for review first. */
export async function listAppsForReview(
  db: Db,
  principal: Principal,
  filter: { status?: OpenPlatformAppTable['status'] },
): Promise<OpenApp[]> {
  if (!principal.isAdmin) throw new AppError('AUTH_FORBIDDEN');
  let query = db.selectFrom('openPlatformApps').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('createdAt', 'asc').execute();
  const order = { pending: 0, approved: 1, suspended: 2, rejected: 3 } as const;
  rows.sort((a, b) => order[a.status] - order[b.status]);
  return presentApps(db, rows);
}

const NEXT_STATUS: Record<
  OpenAppReview['decision'],
  { from: OpenPlatformAppTable['status'][]; to: OpenPlatformAppTable['status'] }
> = {
  approve: { from: ['pending', 'rejected'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  suspend: { from: ['approved'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'approved' },
};

/**
 * A platform admin decides: approve (the app's register scopes become its sharing rules, the
 * partner proposing and the admin approving), reject or suspend (a reason required; a suspended
 * app's tokens stop at once and it cannot refresh), or reinstate.
 */
export async function reviewApp(
  db: Db,
  principal: Principal,
  id: string,
  review: OpenAppReview,
  requestId: string,
): Promise<OpenApp> {
  if (!principal.isAdmin) throw new AppError('AUTH_FORBIDDEN');
  const note = review.note?.trim() || null;
  if ((review.decision === 'reject' || review.decision === 'suspend') && !note)
    throw new AppError('OPEN_APP_REASON_REQUIRED');
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('openPlatformApps').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('OPEN_APP_NOT_FOUND');
    const step = NEXT_STATUS[review.decision];
    if (!step.from.includes(row.status))
      throw new AppError('OPEN_APP_STATUS_CONFLICT', { status: row.status }, { status: row.status });
    await trx
      .updateTable('openPlatformApps')
      .set({
        status: step.to,
        reviewNote: note,
        reviewedByUserId: principal.userId,
        reviewedByName: principal.displayName,
        reviewedAt: at,
        updatedAt: at,
      })
      .where('id', '=', id)
      .execute();
    if (review.decision === 'approve' || review.decision === 'reinstate') {
      await upsertThirdPartyApp(trx, {
        id: row.id,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        operatorZh: row.organisation,
      });
      const owner = row.ownerUserId
        ? {
            userId: row.ownerUserId,
            name: (await userDisplayNames(trx, [row.ownerUserId])).get(row.ownerUserId) ?? '',
          }
        : null;
      await setAppSharingRules(trx, {
        appId: row.id,
        offers: parseList(row.scopes).flatMap((scope) => {
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
        proposedBy: owner,
        reviewedBy: actor(principal),
        legalBasisZh: CONSENT_LEGAL_BASIS,
        requestId,
      });
    }
    await appendAudit(trx, {
      actor: actor(principal),
      action: `open_platform.app.${review.decision}`,
      objectType: 'open_platform_app',
      objectId: id,
      requestId,
      details: { from: row.status, to: step.to, note },
    });
  });
  return (await presentApps(db, [(await getAppRow(db, id))!]))[0]!;
}
