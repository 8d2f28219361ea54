// The authorization page's server side: what the app asks for (shown on Tongban's own page,
// /open-platform/authorize/:uid), and the resident's answer. Allowing stores the provider's grant
// and, for the same scopes, the consents the data pages list (第三方应用授权), in one step; the
// browser then resumes the authorization at the provider, which checks that it is the browser
// that started it (its resume cookie).
import type Provider from 'oidc-provider';
import type { Principal } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Interaction } from '../../../contracts/api/open-platform.ts';
import {
  OPEN_PLATFORM_CONSENT_REGISTER,
  recordAppConsents,
  type AppConsentGrant,
} from '../sharing/app-grants.service.ts';
import { getAppRow, parseList } from './open-apps.repository.ts';
import { openApiResource } from './oidc-provider.ts';
import { OPEN_SCOPES, RESOURCE_SCOPES, isOpenScope, type OpenScope } from './scopes.ts';

/** A consent lasts a year (the longest the sharing rules allow); the resident may revoke it sooner. */
const CONSENT_DAYS = 365;

/** The pending interaction and its app (which must still be approved). */
async function loadInteraction(deps: AppDeps, provider: Provider, uid: string) {
  const interaction = await provider.Interaction.find(uid);
  if (!interaction) throw new AppError('OPEN_INTERACTION_NOT_FOUND');
  const app = await getAppRow(deps.database.db, String(interaction.params.client_id ?? ''));
  if (!app || app.status !== 'approved') throw new AppError('OPEN_INTERACTION_NOT_FOUND');
  return { interaction, app };
}

function requestedScopes(params: Record<string, unknown>, allowed: string[]): OpenScope[] {
  const asked = String(params.scope ?? '').split(' ');
  const permitted = new Set(['openid', ...allowed]);
  return asked.filter((s): s is OpenScope => isOpenScope(s) && permitted.has(s));
}

/** What the page shows: the app, its review, the scopes asked for, and who is signed in. */
export async function describeInteraction(
  deps: AppDeps,
  provider: Provider,
  principal: Principal | null,
  uid: string,
): Promise<Interaction> {
  const { interaction, app } = await loadInteraction(deps, provider, uid);
  const redirectUri = String(interaction.params.redirect_uri ?? '');
  let redirectHost = '';
  try {
    redirectHost = new URL(redirectUri).host;
  } catch {
    redirectHost = '';
  }
  return {
    uid,
    app: {
      id: app.id,
      nameZh: app.nameZh,
      nameEn: app.nameEn,
      organisation: app.organisation,
      purpose: app.purpose,
      privacyPolicyUrl: app.privacyPolicyUrl,
      status: app.status,
      reviewedAt: app.reviewedAt,
    },
    scopes: requestedScopes(interaction.params, parseList(app.scopes)),
    redirectHost,
    signedIn: principal !== null,
    canConsent: principal?.kind === 'resident' && principal.personId !== null,
  };
}

function consentGrantsOf(scopes: OpenScope[]): AppConsentGrant[] {
  return scopes.flatMap((scope): AppConsentGrant[] => {
    const definition = OPEN_SCOPES[scope];
    if ('register' in definition)
      return [{ register: definition.register.code, fields: [...definition.register.fields] }];
    if (scope === 'applications.read' || scope === 'applications.submit')
      return [{ register: OPEN_PLATFORM_CONSENT_REGISTER, fields: [scope] }];
    return [];
  });
}

/**
 * The resident allows or refuses. Allowing grants exactly the scopes shown (never more than the
 * app was reviewed for) to the signed-in resident and stores the matching consents; refusing
 * sends the app `access_denied`. Answers where the browser goes next (the provider's resume URL).
 */
export async function decideInteraction(
  deps: AppDeps,
  provider: Provider,
  principal: Principal,
  uid: string,
  decision: 'allow' | 'deny',
  requestId: string,
): Promise<{ redirectTo: string }> {
  if (principal.kind !== 'resident' || !principal.personId) throw new AppError('AUTH_FORBIDDEN');
  const { interaction, app } = await loadInteraction(deps, provider, uid);
  const exp = interaction.exp - Math.floor(Date.now() / 1000);
  if (decision === 'deny') {
    interaction.result = { error: 'access_denied', error_description: 'The resident refused the request' };
    await interaction.save(exp);
    return { redirectTo: interaction.returnTo };
  }
  const scopes = requestedScopes(interaction.params, parseList(app.scopes));
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant =
    existing && existing.accountId === principal.userId && existing.clientId === app.id
      ? existing
      : new provider.Grant({ accountId: principal.userId, clientId: app.id });
  const oidcScopes: string[] = scopes.filter((s) => s === 'openid' || s === 'profile');
  if (
    String(interaction.params.scope ?? '')
      .split(' ')
      .includes('offline_access')
  )
    oidcScopes.push('offline_access');
  grant.addOIDCScope(oidcScopes.join(' '));
  const resourceScopes = scopes.filter((s) => (RESOURCE_SCOPES as string[]).includes(s));
  if (resourceScopes.length)
    grant.addResourceScope(openApiResource(deps.config.publicUrl), resourceScopes.join(' '));
  const grantId = await grant.save();
  const validTo = new Date(Date.now() + CONSENT_DAYS * 86_400_000).toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    await recordAppConsents(trx, {
      personId: principal.personId!,
      appId: app.id,
      grants: consentGrantsOf(scopes),
      purpose: app.purpose,
      validTo,
      actor: { userId: principal.userId, name: principal.displayName },
      requestId,
    });
  });
  interaction.result = { login: { accountId: principal.userId }, consent: { grantId } };
  await interaction.save(exp);
  return { redirectTo: interaction.returnTo };
}
