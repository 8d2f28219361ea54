// The two durable job queues of webhooks: fan-out (one event → one delivery per entitled,
// subscribed app) and delivery attempts (one job per attempt; a failed attempt schedules the next
// with exponential backoff and jitter until the limit, then the delivery is failed).
import { uuidv7 } from 'uuidv7';
import type { AppDeps } from '../../../platform/deps.ts';
import { nowIso } from '../../../platform/db/database.ts';
import { retryDelayMs } from './webhook-backoff.ts';
import { entitlementOf, type Entitlement } from './webhook-entitlement.ts';
import { WEBHOOK_DELIVERY_QUEUE, WEBHOOK_FANOUT_QUEUE, type OpenEventType } from './webhook-events.ts';
import { signedHeaders } from './webhook-signing.ts';
import { sendWebhook } from './webhook-target.ts';
import {
  findDelivery,
  findEvent,
  findSubscription,
  insertDelivery,
  listActiveSubscriptions,
} from './webhooks.repository.ts';
import { parseEvents, secretsInForce } from './webhook-subscriptions.service.ts';

export interface AttemptPayload {
  deliveryId: string;
  /** 1-based; a job whose number is not the delivery's next attempt is stale and does nothing. */
  attemptNo: number;
  /** A person asked for it (redeliver): one attempt, no automatic retries after it. */
  manual?: boolean;
}

/** Queues attempt `attemptNo` of a delivery (in the caller's transaction when given). */
export async function enqueueAttempt(
  deps: AppDeps,
  payload: AttemptPayload,
  runAt: Date,
  trx?: Parameters<AppDeps['jobs']['enqueue']>[3],
): Promise<void> {
  await deps.jobs.enqueue(
    WEBHOOK_DELIVERY_QUEUE,
    payload,
    // The runner's own retries are for crashes of the handler only (HTTP failures are handled here).
    { runAt, maxAttempts: 3, dedupeKey: `webhook-attempt:${payload.deliveryId}:${payload.attemptNo}` },
    trx,
  );
}

async function fanOut(deps: AppDeps, eventId: string): Promise<void> {
  const { db } = deps.database;
  await db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, eventId);
    if (!event || event.fannedOutAt) return;
    const now = nowIso();
    for (const subscription of await listActiveSubscriptions(trx)) {
      if (!parseEvents(subscription.events).includes(event.type)) continue;
      const entitled = await entitlementOf(trx, subscription.appId, event);
      if (!entitled.allowed) continue;
      const id = uuidv7();
      const inserted = await insertDelivery(trx, {
        id,
        eventId: event.id,
        subscriptionId: subscription.id,
        appId: subscription.appId,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastStatusCode: null,
        lastError: null,
        createdAt: now,
        updatedAt: now,
        deliveredAt: null,
      });
      if (inserted) await enqueueAttempt(deps, { deliveryId: id, attemptNo: 1 }, new Date(), trx);
    }
    await trx.updateTable('openEvents').set({ fannedOutAt: now }).where('id', '=', event.id).execute();
  });
}

/** The JSON body an app receives. */
export function deliveryBody(
  event: { id: string; type: OpenEventType; occurredAt: string; data: string },
  subject: string,
): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    subject,
    data: JSON.parse(event.data) as unknown,
  });
}

async function attempt(deps: AppDeps, payload: AttemptPayload): Promise<void> {
  const { db } = deps.database;
  const { config } = deps;
  const delivery = await findDelivery(db, payload.deliveryId);
  if (!delivery || delivery.status !== 'pending' || delivery.attempts !== payload.attemptNo - 1) return;
  const [subscription, event] = await Promise.all([
    findSubscription(db, delivery.subscriptionId),
    findEvent(db, delivery.eventId),
  ]);
  if (!event) return;
  const startedAt = nowIso();
  const record = async (result: {
    outcome: 'success' | 'failure' | 'skipped';
    statusCode: number | null;
    error: string | null;
    durationMs: number;
  }) => {
    const exhausted = payload.manual === true || payload.attemptNo >= config.webhookMaxAttempts;
    const retryAt =
      result.outcome === 'failure' && !exhausted
        ? new Date(
            Date.now() +
              retryDelayMs(
                { baseMs: config.webhookBackoffBaseMs, maxMs: config.webhookBackoffMaxMs },
                payload.attemptNo,
              ),
          )
        : undefined;
    const status =
      result.outcome === 'success'
        ? 'delivered'
        : result.outcome === 'skipped'
          ? 'skipped'
          : retryAt
            ? 'pending'
            : 'failed';
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const updated = await trx
        .updateTable('openWebhookDeliveries')
        .set({
          status,
          attempts: payload.attemptNo,
          nextAttemptAt: retryAt ? retryAt.toISOString() : null,
          lastStatusCode: result.statusCode,
          lastError: result.error,
          updatedAt: now,
          ...(status === 'delivered' ? { deliveredAt: now } : {}),
        })
        .where('id', '=', delivery.id)
        .where('attempts', '=', payload.attemptNo - 1)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      await trx
        .insertInto('openWebhookAttempts')
        .values({
          id: uuidv7(),
          deliveryId: delivery.id,
          attemptNo: payload.attemptNo,
          startedAt,
          durationMs: result.durationMs,
          outcome: result.outcome,
          statusCode: result.statusCode,
          error: result.error,
          manual: payload.manual ? 1 : 0,
        })
        .execute();
      if (retryAt)
        await enqueueAttempt(
          deps,
          { deliveryId: delivery.id, attemptNo: payload.attemptNo + 1 },
          retryAt,
          trx,
        );
    });
  };

  // Checked again at every attempt: a consent revoked or an app suspended since the event stops it.
  const entitled: Entitlement = subscription?.isActive
    ? await entitlementOf(db, subscription.appId, event)
    : { allowed: false, reason: 'the subscription was paused' };
  if (!subscription || !entitled.allowed) {
    const reason = entitled.allowed ? 'the subscription was removed' : entitled.reason;
    await record({ outcome: 'skipped', statusCode: null, error: reason, durationMs: 0 });
    return;
  }
  const body = deliveryBody(event, entitled.subject);
  const headers = signedHeaders({
    eventId: event.id,
    eventType: event.type,
    timestamp: Math.floor(Date.now() / 1000),
    body,
    secrets: secretsInForce(subscription, new Date()),
  });
  const result = await sendWebhook(subscription.url, headers, body, {
    timeoutMs: config.webhookTimeoutMs,
    allowLocalTargets: config.webhookAllowLocalTargets,
  });
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  await record({
    outcome: ok ? 'success' : 'failure',
    statusCode: result.statusCode,
    error: ok ? null : (result.error ?? `HTTP ${result.statusCode}`),
    durationMs: result.durationMs,
  });
}

/** Registers the fan-out and delivery handlers on the job runner. */
export function registerOpenWebhookJobs(deps: AppDeps): void {
  deps.jobs.register(WEBHOOK_FANOUT_QUEUE, async (payload) => {
    await fanOut(deps, (payload as { eventId: string }).eventId);
  });
  deps.jobs.register(WEBHOOK_DELIVERY_QUEUE, async (payload) => {
    await attempt(deps, payload as AttemptPayload);
  });
}
