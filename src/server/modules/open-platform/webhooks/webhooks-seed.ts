// A webhook subscription with a known secret for a seeded app (the demo partner), idempotent by
// app; on later starts only its URL follows the configuration.
import { uuidv7 } from 'uuidv7';
import { nowIso, type Db } from '../../../platform/db/database.ts';
import { getAppRow } from '../open-apps.repository.ts';
import type { OpenEventType } from './webhook-events.ts';
import { findSubscriptionOfApp } from './webhooks.repository.ts';

export async function seedWebhookSubscription(
  db: Db,
  input: { appId: string; url: string; events: OpenEventType[]; secret: string },
): Promise<void> {
  const existing = await findSubscriptionOfApp(db, input.appId);
  const at = nowIso();
  if (existing) {
    if (existing.url !== input.url)
      await db
        .updateTable('openWebhookSubscriptions')
        .set({ url: input.url, updatedAt: at })
        .where('id', '=', existing.id)
        .execute();
    return;
  }
  if (!(await getAppRow(db, input.appId)))
    throw new Error(`seedWebhookSubscription(): no app ${input.appId}`);
  await db
    .insertInto('openWebhookSubscriptions')
    .values({
      id: uuidv7(),
      appId: input.appId,
      url: input.url,
      events: JSON.stringify([...input.events].sort()),
      secret: input.secret,
      previousSecret: null,
      previousSecretExpiresAt: null,
      secretRotatedAt: at,
      isActive: 1,
      // A seeded app has no owner: the subscription is the platform's (the demo's) own.
      createdByUserId: 'system',
      createdAt: at,
      updatedAt: at,
    })
    .execute();
}
