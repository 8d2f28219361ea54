// An app owner's delivery history (every attempt with its status code and latency) and redeliver.
import type { Principal } from '../../../platform/auth/access.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { nowIso } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import type { WebhookDelivery, WebhookDeliveryList } from '../../../../contracts/api/open-webhooks.ts';
import type { WebhookDeliveryStatus } from './webhook-events.ts';
import { ownedApp } from './webhook-subscriptions.service.ts';
import { enqueueAttempt } from './webhooks.jobs.ts';
import { presentDelivery } from './webhooks.presenter.ts';
import { listAttempts, listDeliveries } from './webhooks.repository.ts';

async function withAttempts(deps: AppDeps, rows: Awaited<ReturnType<typeof listDeliveries>>['rows']) {
  const attempts = await listAttempts(
    deps.database.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    presentDelivery(
      row,
      attempts.filter((a) => a.deliveryId === row.id),
    ),
  );
}

/** The app's deliveries, newest first, each with its attempts. */
export async function listWebhookDeliveries(
  deps: AppDeps,
  principal: Principal,
  appId: string,
  query: { status?: WebhookDeliveryStatus; limit?: number; offset?: number },
): Promise<WebhookDeliveryList> {
  await ownedApp(deps, principal, appId, 'read');
  const { rows, total } = await listDeliveries(deps.database.db, {
    appId,
    status: query.status,
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
  });
  return { items: await withAttempts(deps, rows), total };
}

async function getOwnDelivery(deps: AppDeps, appId: string, deliveryId: string): Promise<WebhookDelivery> {
  const row = await deps.database.db
    .selectFrom('openWebhookDeliveries')
    .innerJoin('openEvents', 'openEvents.id', 'openWebhookDeliveries.eventId')
    .selectAll('openWebhookDeliveries')
    .select(['openEvents.type as eventType', 'openEvents.occurredAt as eventOccurredAt'])
    .where('openWebhookDeliveries.id', '=', deliveryId)
    .where('openWebhookDeliveries.appId', '=', appId)
    .executeTakeFirst();
  if (!row) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND');
  const [delivery] = await withAttempts(deps, [row]);
  return delivery!;
}

/** One delivery of the app with its attempts. */
export async function getWebhookDelivery(
  deps: AppDeps,
  principal: Principal,
  appId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  await ownedApp(deps, principal, appId, 'read');
  return getOwnDelivery(deps, appId, deliveryId);
}

/**
 * Sends a delivery again (one attempt, now), e.g. after the receiver was fixed; the body is the
 * same event with the same id, so a receiver that had it already dedupes it. Consent and the app's
 * standing are checked again. Refused while the delivery is still being tried.
 */
export async function redeliverWebhook(
  deps: AppDeps,
  principal: Principal,
  appId: string,
  deliveryId: string,
  requestId: string,
): Promise<WebhookDelivery> {
  await ownedApp(deps, principal, appId, 'write');
  await deps.database.db.transaction().execute(async (trx) => {
    const delivery = await trx
      .selectFrom('openWebhookDeliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .where('appId', '=', appId)
      .executeTakeFirst();
    if (!delivery) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND');
    if (delivery.status === 'pending') throw new AppError('WEBHOOK_DELIVERY_PENDING');
    const now = nowIso();
    const updated = await trx
      .updateTable('openWebhookDeliveries')
      .set({ status: 'pending', nextAttemptAt: now, updatedAt: now })
      .where('id', '=', delivery.id)
      .where('status', '=', delivery.status)
      .where('attempts', '=', delivery.attempts)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('WEBHOOK_DELIVERY_PENDING');
    await enqueueAttempt(
      deps,
      { deliveryId: delivery.id, attemptNo: delivery.attempts + 1, manual: true },
      new Date(),
      trx,
    );
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'open_platform.webhook.redeliver',
      objectType: 'open_webhook_delivery',
      objectId: delivery.id,
      requestId,
      details: { appId, eventId: delivery.eventId },
    });
  });
  return getOwnDelivery(deps, appId, deliveryId);
}
