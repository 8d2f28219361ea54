import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../test/support/app.ts';
import { serviceByCode, submit } from '../../../test/support/applications.ts';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { sampleFormData } from '../../../test/support/form-samples.ts';

describeEachDialect('overload protection', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let body: Record<string, unknown>;

  beforeAll(async () => {
    // One write at a time and no queue: a second concurrent write is refused.
    t = await buildTestApp(dialect, { writeConcurrency: 1, writeQueue: 0 });
    resident = await loginAs(t.app, 'demo-resident');
    const service = await serviceByCode(t.app, 'SAMR-0002');
    body = { serviceId: service.id, data: sampleFormData(service.definition.form.schema) };
  });
  afterAll(() => t.close());

  const countApplications = async () =>
    Number(
      (
        await t.runtime.deps.database.db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('files a submission that arrives alone', async () => {
    const response = await submit(t.app, resident, body);
    expect(response.statusCode).toBe(201);
  });

  it('refuses writes past the limit with 503 SERVER_BUSY and Retry-After, in the caller language, and keeps every receipt', async () => {
    const before = await countApplications();
    const languages = ['en', 'zh-CN', 'en', 'zh-CN', 'en', 'zh-CN'];
    const [responses, health, ready] = await Promise.all([
      Promise.all(
        languages.map((language, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/applications',
            headers: {
              ...resident.headers,
              'idempotency-key': `overload-${i}-0001`,
              'accept-language': language,
            },
            payload: body,
          }),
        ),
      ),
      t.app.inject({ method: 'GET', url: '/healthz' }),
      t.app.inject({ method: 'GET', url: '/readyz' }),
    ]);
    const created = responses.filter((r) => r.statusCode === 201);
    const refused = responses.filter((r) => r.statusCode === 503);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(created.length + refused.length).toBe(responses.length);
    for (const [i, response] of responses.entries()) {
      if (response.statusCode !== 503) continue;
      expect(response.headers['retry-after']).toBe('1');
      const { error } = response.json();
      expect(error.code).toBe('SERVER_BUSY');
      expect(error.message).toBe(
        languages[i] === 'en'
          ? 'The service is busy and did not handle your request. Please try again in a moment.'
          : '系统繁忙，您的请求未被处理，请稍后重试。',
      );
    }
    // Health checks are never limited.
    expect(health.statusCode).toBe(200);
    expect(ready.statusCode).toBe(200);
    // Every receipt given is stored; no refused request left a row behind.
    expect(await countApplications()).toBe(before + created.length);
    const ids = created.map((r) => r.json().id as string);
    const stored = await t.runtime.deps.database.db
      .selectFrom('applications')
      .select('id')
      .where('id', 'in', ids)
      .execute();
    expect(stored).toHaveLength(ids.length);
    // A refused request can simply be sent again once the server has room.
    const index = responses.findIndex((r) => r.statusCode === 503);
    const retried = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { ...resident.headers, 'idempotency-key': `overload-${index}-0001` },
      payload: body,
    });
    expect(retried.statusCode).toBe(201);
  });

  it('lets reads through while writes are at the limit', async () => {
    const [write, read] = await Promise.all([
      submit(t.app, resident, body),
      t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: resident.headers }),
    ]);
    expect(write.statusCode).toBe(201);
    expect(read.statusCode).toBe(200);
  });
});

describeEachDialect('overload protection with a queue', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { writeConcurrency: 1, writeQueue: 10 });
  });
  afterAll(() => t.close());

  it('queues writes under the queue limit and serves them all', async () => {
    const resident = await loginAs(t.app, 'demo-resident');
    const service = await serviceByCode(t.app, 'SAMR-0002');
    const body = { serviceId: service.id, data: sampleFormData(service.definition.form.schema) };
    const responses = await Promise.all(Array.from({ length: 5 }, () => submit(t.app, resident, body)));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
  });
});
