// Queries of the webhook tables; no rules here.
import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { WebhookDeliveryStatus } from './webhook-events.ts';
import type { OpenWebhookDeliveryTable } from './webhooks.tables.ts';

type Executor = Db | Transaction<Database>;

export function findSubscriptionOfApp(db: Executor, appId: string) {
  return db.selectFrom('openWebhookSubscriptions').selectAll().where('appId', '=', appId).executeTakeFirst();
}

export function findSubscription(db: Executor, id: string) {
  return db.selectFrom('openWebhookSubscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listActiveSubscriptions(db: Executor) {
  return db.selectFrom('openWebhookSubscriptions').selectAll().where('isActive', '=', 1).execute();
}

export function findEvent(db: Executor, id: string) {
  return db.selectFrom('openEvents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDelivery(db: Executor, id: string) {
  return db.selectFrom('openWebhookDeliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDelivery(
  trx: Transaction<Database>,
  row: OpenWebhookDeliveryTable,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('openWebhookDeliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['eventId', 'subscriptionId']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface DeliveryFilter {
  appId: string;
  status?: WebhookDeliveryStatus;
  limit: number;
  offset: number;
}

export async function listDeliveries(db: Db, filter: DeliveryFilter) {
  let query = db
    .selectFrom('openWebhookDeliveries')
    .innerJoin('openEvents', 'openEvents.id', 'openWebhookDeliveries.eventId')
    .where('openWebhookDeliveries.appId', '=', filter.appId);
  if (filter.status) query = query.where('openWebhookDeliveries.status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query
      .selectAll('openWebhookDeliveries')
      .select(['openEvents.type as eventType', 'openEvents.occurredAt as eventOccurredAt'])
      .orderBy('openWebhookDeliveries.createdAt', 'desc')
      .orderBy('openWebhookDeliveries.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function listAttempts(db: Db, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('openWebhookAttempts')
    .selectAll()
    .where('deliveryId', 'in', deliveryIds)
    .orderBy('attemptNo')
    .execute();
}
