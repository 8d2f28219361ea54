// An app owner's webhook subscription: the URL, the events (only those the app's approved scopes
// cover), and the signing secret — shown once when made and when rotated; after a rotation the old
// secret keeps signing for a day (a second `v1=` signature) so the receiver can switch over.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../../platform/auth/access.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { nowIso } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import type {
  WebhookAnswer,
  WebhookEventType,
  WebhookSecretAnswer,
} from '../../../../contracts/api/open-webhooks.ts';
import { findWebhookApp, type WebhookApp } from './webhook-apps.ts';
import { EVENT_SCOPES, OPEN_EVENT_TYPES } from './webhook-events.ts';
import { newWebhookSecret } from './webhook-signing.ts';
import { webhookUrlProblem } from './webhook-target.ts';
import { presentSubscription } from './webhooks.presenter.ts';
import { findSubscriptionOfApp } from './webhooks.repository.ts';
import type { OpenWebhookSubscriptionTable } from './webhooks.tables.ts';

/** How long a rotated-out secret still signs deliveries. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600_000;

export function parseEvents(json: string): WebhookEventType[] {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed)
    ? parsed.filter((e): e is WebhookEventType => (OPEN_EVENT_TYPES as readonly unknown[]).includes(e))
    : [];
}

/** The secrets a delivery is signed with now: the current one, and the old one within its grace. */
export function secretsInForce(
  subscription: Pick<OpenWebhookSubscriptionTable, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>,
  at: Date,
): string[] {
  const secrets = [subscription.secret];
  if (
    subscription.previousSecret &&
    subscription.previousSecretExpiresAt &&
    subscription.previousSecretExpiresAt > at.toISOString()
  )
    secrets.push(subscription.previousSecret);
  return secrets;
}

/**
 * The app whose webhook the caller manages: its owner (or, to read, a platform admin). Anyone else
 * is told the app does not exist.
 */
export async function ownedApp(
  deps: AppDeps,
  principal: Principal,
  appId: string,
  intent: 'read' | 'write',
): Promise<WebhookApp> {
  const app = await findWebhookApp(deps.database.db, appId);
  const mayRead = app && (app.ownerUserId === principal.userId || (intent === 'read' && principal.isAdmin));
  if (!app || !mayRead) throw new AppError('WEBHOOK_APP_NOT_FOUND');
  return app;
}

const actor = (principal: Principal) => ({ userId: principal.userId, name: principal.displayName });

/** The app's subscription (without its secret), or null when it has none. */
export async function getWebhook(deps: AppDeps, principal: Principal, appId: string): Promise<WebhookAnswer> {
  await ownedApp(deps, principal, appId, 'read');
  const row = await findSubscriptionOfApp(deps.database.db, appId);
  return { subscription: row ? presentSubscription(row) : null };
}

export interface WebhookInput {
  url: string;
  events: WebhookEventType[];
  isActive?: boolean;
}

/**
 * Makes or changes the app's subscription. Making one returns its new signing secret (the only
 * time it is shown); a change keeps the secret and returns `secret: null`.
 */
export async function putWebhook(
  deps: AppDeps,
  principal: Principal,
  appId: string,
  input: WebhookInput,
  requestId: string,
): Promise<WebhookSecretAnswer> {
  const app = await ownedApp(deps, principal, appId, 'write');
  const urlProblem = webhookUrlProblem(input.url, deps.config.webhookAllowLocalTargets);
  if (urlProblem) throw new AppError('WEBHOOK_URL_INVALID', { reason: urlProblem }, { reason: urlProblem });
  const notAllowed = input.events.filter((event) => !app.scopes.includes(EVENT_SCOPES[event]));
  if (notAllowed.length > 0)
    throw new AppError(
      'WEBHOOK_EVENT_NOT_ALLOWED',
      { events: notAllowed.join(', ') },
      { events: notAllowed },
    );
  const events = JSON.stringify([...new Set(input.events)].sort());
  const isActive = input.isActive === false ? 0 : 1;
  return deps.database.db.transaction().execute(async (trx) => {
    const existing = await findSubscriptionOfApp(trx, appId);
    const now = nowIso();
    let row: OpenWebhookSubscriptionTable;
    let secret: string | null = null;
    if (existing) {
      row = { ...existing, url: input.url, events, isActive, updatedAt: now };
      await trx
        .updateTable('openWebhookSubscriptions')
        .set({ url: row.url, events, isActive, updatedAt: now })
        .where('id', '=', existing.id)
        .execute();
    } else {
      secret = newWebhookSecret();
      row = {
        id: uuidv7(),
        appId,
        url: input.url,
        events,
        secret,
        previousSecret: null,
        previousSecretExpiresAt: null,
        secretRotatedAt: now,
        isActive,
        createdByUserId: principal.userId,
        createdAt: now,
        updatedAt: now,
      };
      await trx.insertInto('openWebhookSubscriptions').values(row).execute();
    }
    await appendAudit(trx, {
      actor: actor(principal),
      action: existing ? 'open_platform.webhook.update' : 'open_platform.webhook.create',
      objectType: 'open_webhook_subscription',
      objectId: row.id,
      requestId,
      details: { appId, url: row.url, events: JSON.parse(events) as unknown, isActive: isActive === 1 },
    });
    return { subscription: presentSubscription(row), secret };
  });
}

/** A new signing secret (shown once); the old one keeps signing for PREVIOUS_SECRET_GRACE_MS. */
export async function rotateWebhookSecret(
  deps: AppDeps,
  principal: Principal,
  appId: string,
  requestId: string,
): Promise<WebhookSecretAnswer> {
  await ownedApp(deps, principal, appId, 'write');
  return deps.database.db.transaction().execute(async (trx) => {
    const existing = await findSubscriptionOfApp(trx, appId);
    if (!existing) throw new AppError('WEBHOOK_NOT_FOUND');
    const now = new Date();
    const secret = newWebhookSecret();
    const changes = {
      secret,
      previousSecret: existing.secret,
      previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS).toISOString(),
      secretRotatedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await trx.updateTable('openWebhookSubscriptions').set(changes).where('id', '=', existing.id).execute();
    await appendAudit(trx, {
      actor: actor(principal),
      action: 'open_platform.webhook.rotate_secret',
      objectType: 'open_webhook_subscription',
      objectId: existing.id,
      requestId,
      details: { appId },
    });
    return { subscription: presentSubscription({ ...existing, ...changes }), secret };
  });
}

/** Removes the subscription with its delivery history; events already queued are not sent. */
export async function deleteWebhook(
  deps: AppDeps,
  principal: Principal,
  appId: string,
  requestId: string,
): Promise<void> {
  await ownedApp(deps, principal, appId, 'write');
  await deps.database.db.transaction().execute(async (trx) => {
    const existing = await findSubscriptionOfApp(trx, appId);
    if (!existing) throw new AppError('WEBHOOK_NOT_FOUND');
    const deliveries = trx
      .selectFrom('openWebhookDeliveries')
      .select('id')
      .where('subscriptionId', '=', existing.id);
    await trx.deleteFrom('openWebhookAttempts').where('deliveryId', 'in', deliveries).execute();
    await trx.deleteFrom('openWebhookDeliveries').where('subscriptionId', '=', existing.id).execute();
    await trx.deleteFrom('openWebhookSubscriptions').where('id', '=', existing.id).execute();
    await appendAudit(trx, {
      actor: actor(principal),
      action: 'open_platform.webhook.delete',
      objectType: 'open_webhook_subscription',
      objectId: existing.id,
      requestId,
      details: { appId },
    });
  });
}
