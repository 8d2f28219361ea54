// Who is refused on the data routes that the other test files do not already cover: prefill for
// an enterprise the caller does not act for, staff on resident routes, anonymous callers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';

describeEachDialect('data routes: who is refused', (dialect) => {
  let t: TestApp;
  let canteenId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const agent = await loginAs(t.app, 'demo-enterprise');
    canteenId = (await t.app.inject({ url: '/api/v1/me', headers: agent.headers })).json().enterprises[0].id;
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses prefill for an enterprise the caller does not act for, and for staff', async () => {
    const stranger = await loginAs(t.app, 'demo-resident2');
    const refused = await t.app.inject({
      url: `/api/v1/services/SAMR-0003/prefill?enterpriseId=${canteenId}`,
      headers: stranger.headers,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('AUTH_FORBIDDEN');
    const before = await t.runtime.deps.database.db
      .selectFrom('auditLog')
      .select('seq')
      .where('subjectEnterpriseId', '=', canteenId)
      .where('action', '=', 'data.read')
      .execute();
    expect(before).toEqual([]); // nothing was read for the stranger
    const clerk = await loginAs(t.app, 'demo-clerk');
    expect(
      (await t.app.inject({ url: '/api/v1/services/SAMR-0003/prefill', headers: clerk.headers })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/services/SAMR-0003/prefill' })).statusCode).toBe(401);
    const agent = await loginAs(t.app, 'demo-enterprise');
    const allowed = await t.app.inject({
      url: `/api/v1/services/SAMR-0003/prefill?enterpriseId=${canteenId}`,
      headers: agent.headers,
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().fields.uscc.locked).toBe(true);
  });

  it('refuses staff and anonymous callers on the resident routes, and anonymous on the catalogues', async () => {
    const clerk = await loginAs(t.app, 'demo-clerk');
    const objection = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/data-access-records/x/objections',
      headers: clerk.headers,
      payload: { note: '不对' },
    });
    expect(objection.statusCode).toBe(403);
    const consent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/consents',
      headers: clerk.headers,
      payload: {
        appId: 'demo-health-app',
        register: 'medical_insurance',
        fields: ['status'],
        purpose: '查看',
        validUntil: '2099-01-01',
      },
    });
    expect(consent.statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/v1/me/data-access-objections', headers: clerk.headers })).statusCode,
    ).toBe(403);
    for (const url of [
      '/api/v1/sharing/apps',
      '/api/v1/registers',
      '/api/v1/me/data-access-records',
      '/api/v1/admin/sharing-rules',
    ])
      expect((await t.app.inject({ url })).statusCode, url).toBe(401);
    const operator = await loginAs(t.app, 'demo-operator');
    const read = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/register-reads',
      headers: operator.headers,
      payload: {
        subject: { enterpriseId: canteenId },
        register: 'enterprise',
        fields: ['name'],
        purpose: '看看企业',
      },
    });
    expect(read.statusCode).toBe(403);
  });
});
