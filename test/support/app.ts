import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '../../src/server/platform/config.ts';
import { startRuntime, type Runtime } from '../../src/server/runtime.ts';
import { createTestDatabase, type Dialect, type TestDatabase } from './dialects.ts';
import {
  freePort,
  paymentServersConfig,
  startTestPaymentServers,
  type PaymentServersOptions,
  type TestPaymentServers,
} from './payment-servers.ts';

export const DEMO_PASSWORD = 'Demo#2026';

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  database: TestDatabase;
  /** The demo payment provider and billers, when asked for with `{ payments: true }`. */
  payments?: TestPaymentServers;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database of the given dialect, with the demo city loaded, jobs not
 * polling (tests drain them explicitly) and quiet logs.
 */
export async function buildTestApp(
  dialect: Dialect,
  overrides: Partial<AppConfig> = {},
  options: { payments?: boolean | PaymentServersOptions } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  // Opt-in: the demo payment provider and billers, and the app on a real port for their callbacks.
  const payments = options.payments
    ? await startTestPaymentServers(options.payments === true ? {} : options.payments)
    : undefined;
  const appPort = payments ? await freePort() : 0;
  const config = loadConfig(
    {},
    {
      dataDir: database.dataDir,
      databaseUrl: database.databaseUrl,
      logLevel: 'silent',
      jobsEnabled: false,
      demo: true,
      demoPaymentServers: false,
      ...(payments ? paymentServersConfig(payments, appPort) : {}),
      ...overrides,
    },
  );
  const runtime = await startRuntime(config, { startJobs: false });
  await runtime.app.ready();
  if (payments) await runtime.app.listen({ port: appPort, host: '127.0.0.1' });
  return {
    app: runtime.app,
    runtime,
    database,
    ...(payments ? { payments } : {}),
    close: async () => {
      await runtime.close();
      await payments?.close();
      await database.drop();
    },
  };
}

/** A signed-in session: the cookie header and the CSRF token for writes. */
export interface TestSession {
  username: string;
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'tb_session');
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `tb_session=${cookie.value}`;
}

/** Signs in through the real login route. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return { username, cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
