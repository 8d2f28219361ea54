// Helpers the desk's visit, room and project tests share: calling the API as a session, the demo
// enterprise's id, and a second service manager who looks after no demo enterprise.
import type { LightMyRequestResponse } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { nowIso } from '../../platform/db/database.ts';

export const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';

/** A parsed JSON answer, as loosely typed as light-my-request's `json()`. */
type Json = ReturnType<typeof parseJson>;
const parseJson = (response: LightMyRequestResponse) => response.json();

export interface Api {
  call(
    session: TestSession | undefined,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<{ status: number; body: Json; code: string | undefined }>;
}

export function apiOf(t: TestApp): Api {
  return {
    async call(session, method, url, payload) {
      const response = await t.app.inject({
        method,
        url,
        headers: session ? (method === 'GET' ? { cookie: session.cookie } : session.headers) : {},
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
      const body: Json = response.body ? parseJson(response) : undefined;
      return {
        status: response.statusCode,
        body,
        code: (body as { error?: { code?: string } } | undefined)?.error?.code,
      };
    },
  };
}

export async function enterpriseIdNamed(t: TestApp, name = CANTEEN): Promise<string> {
  const row = await t.runtime.deps.database.db
    .selectFrom('enterprises')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * demo-clerk-pudong made a service manager of 浦东新区商务委 as well: a manager who looks after
 * none of the demo enterprises (the "wrong owner" among managers).
 */
export async function otherManager(t: TestApp): Promise<TestSession> {
  const db = t.runtime.deps.database.db;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo-clerk-pudong')
    .executeTakeFirstOrThrow();
  const office = await db
    .selectFrom('offices')
    .select('id')
    .where('code', '=', 'commerce-310115')
    .executeTakeFirstOrThrow();
  const has = await db
    .selectFrom('staffRoles')
    .select('id')
    .where('userId', '=', user.id)
    .where('role', '=', 'service_manager')
    .executeTakeFirst();
  if (!has) {
    await db
      .insertInto('staffRoles')
      .values({
        id: uuidv7(),
        userId: user.id,
        officeId: office.id,
        role: 'service_manager',
        createdAt: nowIso(),
      })
      .execute();
  }
  return loginAs(t.app, 'demo-clerk-pudong');
}
