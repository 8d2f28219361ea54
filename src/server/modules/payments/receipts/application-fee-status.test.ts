// The fee of an application as the staff working it see it: the amount and unpaid before the
// applicant has even looked at what is due, the same once the payable exists; staff of other
// offices and residents are refused.
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/dialects.ts';
import { sampleFormData } from '../../../../../test/support/form-samples.ts';

describeEachDialect('application fee for staff', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let trafficClerk: TestSession;
  let samrClerk: TestSession;
  let applicationId: string;
  const db = () => t.runtime.deps.database.db;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    resident = await loginAs(t.app, 'demo-resident');
    // PSBT-0006 (公安交警, 10 yuan): filed online by 张三 of 虹口.
    const service = (await t.app.inject({ method: 'GET', url: '/api/v1/services/PSBT-0006' })).json();
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { ...resident.headers, 'idempotency-key': 'fee-status-test-0001' },
      payload: { serviceId: service.id, data: sampleFormData(service.definition.form.schema) },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    applicationId = filed.json().id;
    // The demo city has no staff at the traffic police: demo-reviewer gets a window post at the
    // office that received it, for this test.
    const application = await db()
      .selectFrom('applications')
      .select('receivingOfficeId')
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();
    const reviewer = await db()
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-reviewer')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('staffRoles')
      .values({
        id: uuidv7(),
        userId: reviewer.id,
        officeId: application.receivingOfficeId,
        role: 'window_clerk',
        createdAt: new Date().toISOString(),
      })
      .execute();
    trafficClerk = await loginAs(t.app, 'demo-reviewer');
    samrClerk = await loginAs(t.app, 'demo-clerk');
  });
  afterAll(async () => {
    await t?.close();
  });

  const read = (session: TestSession) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/workbench/applications/${applicationId}/fee`,
      headers: session.headers,
    });

  it('shows the staff of the receiving office the fee, unpaid, before and after the payable exists', async () => {
    const before = await read(trafficClerk);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({
      feeFen: 1_000,
      status: 'unpaid',
      isBeingPaid: false,
      orderNo: null,
    });

    const due = await t.app.inject({
      method: 'GET',
      url: '/api/v1/payments/payables?kind=service_fee',
      headers: resident.headers,
    });
    expect(due.statusCode, due.body).toBe(200);
    expect(
      due.json().items.some((item: { applicationId: string }) => item.applicationId === applicationId),
    ).toBe(true);
    const after = await read(trafficClerk);
    expect(after.json()).toMatchObject({ feeFen: 1_000, status: 'unpaid' });
  });

  it('refuses staff of another office and residents', async () => {
    const otherOffice = await read(samrClerk);
    expect(otherOffice.statusCode).toBe(404);
    expect(otherOffice.json().error.code).toBe('APPLICATION_NOT_FOUND');
    const applicant = await read(resident);
    expect(applicant.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workbench/applications/${applicationId}/fee`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
