// What webhooks need to know about an app of the registry: who owns it, whether it may act now
// (approved; a suspended app gets nothing), and the scopes its review approved.
import type { Db } from '../../../platform/db/database.ts';
import { getAppRow, parseList } from '../open-apps.repository.ts';

export interface WebhookApp {
  id: string;
  ownerUserId: string | null;
  isActive: boolean;
  scopes: string[];
}

export async function findWebhookApp(db: Db, appId: string): Promise<WebhookApp | undefined> {
  const app = await getAppRow(db, appId);
  if (!app) return undefined;
  return {
    id: app.id,
    ownerUserId: app.ownerUserId,
    isActive: app.status === 'approved',
    scopes: parseList(app.scopes),
  };
}
