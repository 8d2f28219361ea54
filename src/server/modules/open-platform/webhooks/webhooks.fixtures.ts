// Test helpers of the webhook tests: a receiving server on 127.0.0.1 that records deliveries and
// answers with a chosen status, and an approved app whose resident consented through the
// sharing module's consent records (the authorization page's own path is tested by the oidc
// tests and the partner-app journey).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { TestSession } from '../../../../../test/support/app.ts';
import type { Db } from '../../../platform/db/database.ts';
import { recordAppConsents } from '../../sharing/app-grants.service.ts';
import { consentOfScope } from './webhook-entitlement.ts';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status the next deliveries get (200 unless set). */
  answer: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver = { received: [] as Received[], answer: 200 } as Receiver;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(receiver.answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tongban/webhooks`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

/** Registers an app as `owner` with these scopes and has demo-admin approve it; returns its id. */
export async function approvedApp(
  app: FastifyInstance,
  owner: TestSession,
  admin: TestSession,
  scopes: string[],
): Promise<string> {
  const registered = await app.inject({
    method: 'POST',
    url: '/api/v1/open-platform/apps',
    headers: owner.headers,
    payload: {
      nameZh: '随申办测试应用',
      nameEn: 'Webhook test app',
      organisation: '示例科技有限公司',
      purpose: '为居民推送办件进度与账单提醒',
      privacyPolicyUrl: 'https://partner.example.com/privacy',
      redirectUris: ['https://partner.example.com/callback'],
      scopes,
    },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  const id = registered.json<{ id: string }>().id;
  await review(app, admin, id, 'approve');
  return id;
}

export async function review(
  app: FastifyInstance,
  admin: TestSession,
  id: string,
  decision: 'approve' | 'suspend' | 'reinstate',
): Promise<void> {
  const reviewed = await app.inject({
    method: 'POST',
    url: `/api/v1/admin/open-platform/apps/${id}/review`,
    headers: admin.headers,
    payload: { decision, ...(decision === 'suspend' ? { note: '测试暂停' } : {}) },
  });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
}

/** The resident's consent to the app for these scopes, as the authorization page records it. */
export async function consent(
  db: Db,
  resident: { personId: string; userId: string },
  appId: string,
  scopes: string[],
): Promise<string[]> {
  return db.transaction().execute((trx) =>
    recordAppConsents(trx, {
      personId: resident.personId,
      appId,
      grants: scopes.map((scope) => consentOfScope(scope)!),
      purpose: '测试授权',
      validTo: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      actor: { userId: resident.userId, name: 'resident' },
    }),
  );
}

/** The person and user ids of a demo account. */
export async function accountOf(db: Db, username: string): Promise<{ personId: string; userId: string }> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'personId'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { personId: row.personId!, userId: row.id };
}
