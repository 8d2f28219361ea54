// The gateway against the real demo department server, started as its own process on a free
// port: normal reads, a slow system (timeout), a flapping one (the circuit opens, half-opens
// and recovers) and a stopped one; every failure is REGISTER_UNAVAILABLE and leaves no access
// record, every success exactly one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  spawnDepartmentServer,
  type SpawnedDepartmentServer,
} from '../../../../demo/department-server/spawn.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';

describeEachDialect('department system through the gateway', (dialect) => {
  let t: TestApp;
  let server: SpawnedDepartmentServer;
  let resident: TestSession;

  beforeAll(async () => {
    server = await spawnDepartmentServer({ latency: '5-20', errorRate: 0 });
    t = await buildTestApp(dialect, {
      departmentServerUrl: server.url,
      departmentApiKey: server.apiKey,
      departmentTimeoutMs: 300,
      departmentRetries: 1,
      departmentBreakerFailures: 3,
      departmentHalfOpenMs: 600,
    });
    resident = await loginAs(t.app, 'demo-resident');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  const accessRecords = async () =>
    Number(
      (
        await t.runtime.deps.database.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'data.read')
          .where('objectId', '=', 'social_insurance')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const query = () =>
    t.app.inject({ url: '/api/v1/me/registers/social-insurance', headers: resident.headers });
  const circuit = () => t.runtime.deps.registers.departmentClient!.circuit;

  it('reads the contribution record over HTTP and records the access', async () => {
    const before = await accessRecords();
    const response = await query();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.register).toBe('social_insurance');
    expect(body.data.status).toBe('insured');
    expect(body.data.contributions.length).toBeGreaterThan(12);
    expect(body.data.contributions[0].pensionPersonalFen).toBe(
      Math.round(body.data.contributionBaseFen * 0.08),
    );
    expect(await accessRecords()).toBe(before + 1);
  });

  it('prefills the fields social insurance holds, marked with their source, the bank account editable', async () => {
    const response = await t.app.inject({
      url: '/api/v1/services/HRSS-0005/prefill',
      headers: resident.headers,
    });
    const body = response.json();
    expect(body.unavailable).toEqual([]);
    expect(body.fields.bankAccount).toMatchObject({
      source: { register: 'social_insurance' },
      locked: false,
    });
    expect(body.fields.contributionBase.value).toBeGreaterThan(7000); // yuan, from fen
    expect(body.fields.applicantName).toMatchObject({ value: '张三', locked: true });
  });

  it('gives up on a slow system after the timeout: REGISTER_UNAVAILABLE, no access record', async () => {
    await server.control({ latencyMinMs: 700, latencyMaxMs: 800 });
    const before = await accessRecords();
    const started = Date.now();
    const response = await query();
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('REGISTER_UNAVAILABLE');
    expect(response.json().error.message).toBe('部门系统暂时无法访问，请稍后再试。');
    expect(response.json().error.details.reason).toBe('timeout');
    // Two attempts of 300 ms plus a short backoff, far less than the server's 700 ms each.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await accessRecords()).toBe(before);
    await server.control({ latencyMinMs: 5, latencyMaxMs: 20 });
    expect((await query()).statusCode).toBe(200);
    expect(circuit()).toBe('closed');
  });

  it('opens the circuit on a flapping system, stops calling it, then half-opens and recovers', async () => {
    await server.control({ errorRate: 1 });
    const en = { ...resident.headers, 'accept-language': 'en' };
    const first = await t.app.inject({ url: '/api/v1/me/registers/social-insurance', headers: en });
    expect(first.statusCode).toBe(503);
    expect(first.json().error.message).toBe(
      'The department system cannot be reached right now. Please try again later.',
    );
    await query(); // third consecutive failure opens the circuit
    expect(circuit()).toBe('open');
    const seen = (await server.stats()).requests;
    const refused = await query();
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.details.reason).toBe('circuit_open');
    expect((await server.stats()).requests).toBe(seen); // failed fast, the system was spared
    await server.control({ errorRate: 0 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const before = await accessRecords();
    const recovered = await query();
    expect(recovered.statusCode).toBe(200);
    expect(circuit()).toBe('closed');
    expect(await accessRecords()).toBe(before + 1);
  });

  it('reports a stopped system as unavailable without writing an access record', async () => {
    await server.stop();
    const before = await accessRecords();
    const response = await query();
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('REGISTER_UNAVAILABLE');
    expect(await accessRecords()).toBe(before);
    // A form is never half-filled from a register: its fields are listed as unavailable instead.
    const prefill = (
      await t.app.inject({ url: '/api/v1/services/HRSS-0005/prefill', headers: resident.headers })
    ).json();
    expect(prefill.unavailable).toEqual(['bankAccount', 'contributionBase']);
    expect(prefill.fields.bankAccount).toBeUndefined();
    expect(prefill.fields.contributionBase).toBeUndefined();
    expect(prefill.fields.applicantName.value).toBe('张三');
    expect(await accessRecords()).toBe(before);
  });
});
