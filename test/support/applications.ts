// Filing and working applications through the real API, for tests.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loginAs, type TestSession } from './app.ts';
import { sampleFormData } from './form-samples.ts';

export interface ServiceDetail {
  id: string;
  code: string;
  definition: { form: { schema: Record<string, unknown> } };
}

export async function serviceByCode(app: FastifyInstance, code: string): Promise<ServiceDetail> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/services/${code}` });
  if (response.statusCode !== 200)
    throw new Error(`service ${code}: ${response.statusCode} ${response.body}`);
  return response.json() as ServiceDetail;
}

export async function submit(
  app: FastifyInstance,
  session: TestSession,
  body: Record<string, unknown>,
  key: string = randomUUID(),
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: { ...session.headers, 'idempotency-key': key },
    payload: body,
  });
}

/** Files a service with valid sample data; returns the receipt. */
export async function fileService(
  app: FastifyInstance,
  session: TestSession,
  code: string,
  extra: Record<string, unknown> = {},
  dataOverrides: Record<string, unknown> = {},
) {
  const service = await serviceByCode(app, code);
  const response = await submit(app, session, {
    serviceId: service.id,
    data: sampleFormData(service.definition.form.schema, dataOverrides),
    ...extra,
  });
  if (response.statusCode !== 201) throw new Error(`file ${code}: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; receiptNo: string; status: string; promisedDate: string };
}

export interface QueueItem {
  id: string;
  taskKey: string;
  kind: string;
  office: { id: string; nameZh: string };
  application: { id: string; receiptNo: string; stateVersion: number };
}

export async function openTasksOf(app: FastifyInstance, session: TestSession, applicationId: string) {
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/workbench/tasks?limit=100',
    headers: session.headers,
  });
  if (response.statusCode !== 200) throw new Error(`queue: ${response.statusCode} ${response.body}`);
  return (response.json() as { items: QueueItem[] }).items.filter((t) => t.application.id === applicationId);
}

export async function act(
  app: FastifyInstance,
  session: TestSession,
  taskId: string,
  body: Record<string, unknown>,
) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/workbench/tasks/${taskId}/actions`,
    headers: session.headers,
    payload: body,
  });
}

/** The one open task of the application in the staff member's queue, acted on; fails loudly. */
export async function actOnOnlyTask(
  app: FastifyInstance,
  session: TestSession,
  applicationId: string,
  body: Record<string, unknown>,
) {
  const tasks = await openTasksOf(app, session, applicationId);
  if (tasks.length !== 1) throw new Error(`${session.username} sees ${tasks.length} open tasks`);
  const response = await act(app, session, tasks[0]!.id, body);
  if (response.statusCode !== 200) throw new Error(`${body.action}: ${response.statusCode} ${response.body}`);
  return response.json() as { status: string; stateVersion: number };
}

export async function applicationOf(app: FastifyInstance, session: TestSession, id: string) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/applications/${id}`,
    headers: session.headers,
  });
  if (response.statusCode !== 200) throw new Error(`application: ${response.statusCode} ${response.body}`);
  return response.json() as {
    status: string;
    stateVersion: number;
    promisedDate: string;
    timeline: { kind: string; office: { nameZh: string } | null; details: Record<string, unknown> }[];
    tasks: {
      id: string;
      status: string;
      kind: string;
      awaitingSupplement: boolean;
      office: { nameZh: string };
    }[];
    supplements: { status: string; ordinal: number; items: { field?: string; reason: string }[] }[];
    certificates: { number: string }[];
    metrics: Record<string, number>;
    canWithdraw: boolean;
    data: Record<string, unknown>;
  };
}

/** Signs in several demo accounts at once, typed as a tuple. */
export async function loginEach<const N extends readonly string[]>(
  app: FastifyInstance,
  names: N,
): Promise<{ [K in keyof N]: TestSession }> {
  return (await Promise.all(names.map((name) => loginAs(app, name)))) as { [K in keyof N]: TestSession };
}
