// Whether an app may be told about an event: the app is approved (not suspended), its reviewed
// scopes include the event's scope, and the resident the event is about has a consent in force
// that covers that scope. Checked when the event is fanned out and again before every attempt.
import type { Db } from '../../../platform/db/database.ts';
import { listRecipientUserIds } from '../../identity/people.service.ts';
import { hasAppConsent, OPEN_PLATFORM_CONSENT_REGISTER } from '../../sharing/app-grants.service.ts';
import { isOpenScope, OPEN_SCOPES } from '../scopes.ts';
import { findWebhookApp } from './webhook-apps.ts';
import { EVENT_SCOPES, type OpenEventType } from './webhook-events.ts';

export type Entitlement = { allowed: true; subject: string } | { allowed: false; reason: string };

/** The consent (register and fields) that grants a scope. */
export function consentOfScope(scope: string): { register: string; fields: string[] } | undefined {
  if (!isOpenScope(scope)) return undefined;
  const definition = OPEN_SCOPES[scope] as { register?: { code: string; fields: readonly string[] } };
  return definition.register
    ? { register: definition.register.code, fields: [...definition.register.fields] }
    : { register: OPEN_PLATFORM_CONSENT_REGISTER, fields: [scope] };
}

export async function entitlementOf(
  db: Db,
  appId: string,
  event: { type: OpenEventType; personId: string | null },
): Promise<Entitlement> {
  const app = await findWebhookApp(db, appId);
  if (!app || !app.isActive)
    return { allowed: false, reason: 'the app is not approved (suspended or withdrawn)' };
  const scope = EVENT_SCOPES[event.type];
  if (!app.scopes.includes(scope)) return { allowed: false, reason: `the app was not approved for ${scope}` };
  // Apps act for residents only: events about enterprises are not delivered.
  if (!event.personId) return { allowed: false, reason: 'the event is not about a resident' };
  const consent = consentOfScope(scope);
  if (!consent || !(await hasAppConsent(db, { personId: event.personId, appId, ...consent })))
    return { allowed: false, reason: `the resident has not consented to ${scope}` };
  const [subject] = await listRecipientUserIds(db, { personIds: [event.personId] });
  if (!subject) return { allowed: false, reason: 'the resident has no account' };
  return { allowed: true, subject };
}
