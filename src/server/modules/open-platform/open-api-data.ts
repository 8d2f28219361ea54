// What a token reaches: each capability reads through the module that owns the data, for the
// token's resident only, and leaves an access record (用数记录) naming the app — register reads
// through the sharing gateway (which also checks the app's rule and the resident's consent),
// applications through the applications module with a `data.read` record of their own.
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { SubmitApplicationInput } from '../../../contracts/api/applications.ts';
import { listMyApplications, getApplicationForApplicant } from '../applications/application-queries.ts';
import { submitApplication } from '../applications/submit-application.ts';
import { sharingGateway } from '../sharing/gateway.ts';
import { OPEN_PLATFORM_CONSENT_REGISTER, hasAppConsent } from '../sharing/app-grants.service.ts';
import { getAppRow } from './open-apps.repository.ts';
import { OPEN_SCOPES, type OpenScope } from './scopes.ts';

/** The caller of one open API request: the app, and the resident the token acts for. */
export interface OpenCaller {
  app: { id: string; nameZh: string; nameEn: string };
  principal: Principal;
  requestId: string;
  locale: Locale;
}

type RegisterScope = {
  [K in OpenScope]: (typeof OPEN_SCOPES)[K] extends { register: object } ? K : never;
}[OpenScope];

const actorOf = (caller: OpenCaller) => ({ userId: caller.principal.userId, name: caller.app.nameZh });

/** Reads the register behind a scope for the token's resident, through the sharing gateway. */
export async function readRegisterScope(deps: AppDeps, caller: OpenCaller, scope: RegisterScope) {
  const definition = OPEN_SCOPES[scope].register;
  const adapter = deps.registers.get(definition.code);
  let data: Record<string, unknown>;
  try {
    data = await sharingGateway({ db: deps.database.db, registers: deps.registers }).read({
      consumer: { kind: 'third_party_app', appId: caller.app.id },
      subject: { personId: caller.principal.personId! },
      register: definition.code,
      fields: [...definition.fields],
      purpose: definition.purposeZh,
      actor: actorOf(caller),
      requestId: caller.requestId,
    });
  } catch (error) {
    // The gateway refused (and recorded the refusal): the resident withdrew their consent.
    if (error instanceof AppError && error.code === 'SHARING_NOT_ALLOWED')
      throw new AppError('OPEN_CONSENT_WITHDRAWN', {}, { scope });
    throw error;
  }
  return { register: definition.code, nameZh: adapter.nameZh, nameEn: adapter.nameEn, data };
}

/** The profile claims of /userinfo (scope profile), read through the gateway for the client. */
export async function readProfileClaims(
  deps: AppDeps,
  principal: Principal,
  clientId: string,
  requestId: unknown,
): Promise<Record<string, string>> {
  const app = await getAppRow(deps.database.db, clientId);
  if (!app || !principal.personId) return {};
  try {
    const { data } = await readRegisterScope(
      deps,
      {
        app,
        principal,
        requestId: typeof requestId === 'string' ? requestId : '',
        locale: 'zh-CN',
      },
      'profile',
    );
    const claims: Record<string, string> = {};
    if (typeof data.name === 'string') claims.name = data.name;
    if (data.gender === '男' || data.gender === 'male') claims.gender = 'male';
    else if (data.gender === '女' || data.gender === 'female') claims.gender = 'female';
    if (typeof data.birthDate === 'string') claims.birthdate = data.birthDate;
    return claims;
  } catch (error) {
    // Consent withdrawn or register down: /userinfo answers with `sub` alone.
    if (error instanceof AppError) return {};
    throw error;
  }
}

/** A scope that is not a register read needs the resident's consent stored under open_platform. */
export async function assertNonRegisterConsent(
  deps: AppDeps,
  caller: OpenCaller,
  scope: OpenScope,
): Promise<void> {
  const ok = await hasAppConsent(deps.database.db, {
    personId: caller.principal.personId!,
    appId: caller.app.id,
    register: OPEN_PLATFORM_CONSENT_REGISTER,
    fields: [scope],
  });
  if (!ok) throw new AppError('OPEN_CONSENT_WITHDRAWN', {}, { scope });
}

async function recordAppRead(
  deps: AppDeps,
  caller: OpenCaller,
  what: { objectId: string; fields: string[]; purpose: string; nameZh: string; nameEn: string },
) {
  await appendAudit(deps.database.db, {
    actor: actorOf(caller),
    action: 'data.read',
    objectType: 'open_api',
    objectId: what.objectId,
    subjectPersonId: caller.principal.personId,
    fields: what.fields,
    purpose: what.purpose,
    requestId: caller.requestId,
    details: {
      consumer: { kind: 'third_party_app', ref: caller.app.id, appId: caller.app.id },
      ruleIds: [],
      applicationId: null,
      registerNameZh: what.nameZh,
      registerNameEn: what.nameEn,
    },
  });
}

/** The resident's applications (scope applications.read). */
export async function listApplicationsForApp(
  deps: AppDeps,
  caller: OpenCaller,
  page: { limit: number; offset: number },
) {
  await assertNonRegisterConsent(deps, caller, 'applications.read');
  const result = await listMyApplications(deps.database.db, caller.principal, page);
  await recordAppRead(deps, caller, {
    objectId: 'applications',
    fields: ['applications.list'],
    purpose: '经本人授权，查看本人的办件',
    nameZh: '我的办件',
    nameEn: 'My applications',
  });
  return result;
}

/** One of the resident's applications (scope applications.read). */
export async function getApplicationForApp(deps: AppDeps, caller: OpenCaller, id: string) {
  await assertNonRegisterConsent(deps, caller, 'applications.read');
  const detail = await getApplicationForApplicant(deps, caller.principal, id);
  await recordAppRead(deps, caller, {
    objectId: 'applications',
    fields: ['applications.detail'],
    purpose: `经本人授权，查看办件 ${detail.receiptNo}`,
    nameZh: '我的办件',
    nameEn: 'My applications',
  });
  return detail;
}

/** Files an application for the resident (scope applications.submit), idempotent by key. */
export async function submitApplicationForApp(
  deps: AppDeps,
  caller: OpenCaller,
  input: SubmitApplicationInput,
  idempotencyKey: string,
) {
  await assertNonRegisterConsent(deps, caller, 'applications.submit');
  // The key is the app's: two apps using the same key never collide.
  return submitApplication(
    { deps, principal: caller.principal, locale: caller.locale, requestId: caller.requestId },
    input,
    `app:${caller.app.id}:${idempotencyKey}`,
  );
}
