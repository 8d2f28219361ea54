// Editing the sharing catalogue: a change waits for a second reviewer (another platform admin or
// an office admin of the register's department), takes effect on approval, keeps its history.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';

describeEachDialect('sharing rules with a review trail', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let officeAdmin: TestSession;
  let enterpriseId: string;
  let agent: TestSession;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t.app, 'demo-admin');
    officeAdmin = await loginAs(t.app, 'demo-office-admin'); // 虹口区市场监管局 (samr)
    agent = await loginAs(t.app, 'demo-enterprise');
    enterpriseId = (await t.app.inject({ url: '/api/v1/me', headers: agent.headers })).json().enterprises[0]
      .id;
  }, 60_000);
  afterAll(() => t?.close());

  const prefillOf = async (code: string) =>
    (
      await t.app.inject({
        url: `/api/v1/services/${code}/prefill?enterpriseId=${enterpriseId}`,
        headers: agent.headers,
      })
    ).json();

  it('lists the demo catalogue and a rule’s history', async () => {
    const page = (
      await t.app.inject({ url: '/api/v1/admin/sharing-rules?q=SAMR-0003', headers: admin.headers })
    ).json();
    expect(page.items.map((r: { ruleKey: string }) => r.ruleKey)).toContain('form:SAMR-0003:enterprise');
    const history = await t.app.inject({
      url: `/api/v1/admin/sharing-rules/${encodeURIComponent('form:SAMR-0003:enterprise')}/history`,
      headers: officeAdmin.headers,
    });
    expect(history.json().items).toHaveLength(1);
    expect(history.json().items[0]).toMatchObject({ version: 1, status: 'active' });
  });

  it('retires a rule only after a second reviewer approves, and the gateway then refuses', async () => {
    const before = await prefillOf('SAMR-0003');
    expect(before.fields.enterpriseName.source.register).toBe('enterprise');
    // The canteen's business licence is in its certificate wallet: no need to provide it.
    expect(before.materials.find((m: { nameZh: string }) => m.nameZh === '营业执照')).toMatchObject({
      status: 'held',
      sourceNameZh: '营业执照电子证照',
    });
    const current = (
      await t.app.inject({
        url: `/api/v1/admin/sharing-rules/${encodeURIComponent('form:SAMR-0003:enterprise')}/history`,
        headers: admin.headers,
      })
    ).json().items[0];
    const payload = {
      ruleKey: current.ruleKey,
      changeKind: 'retire',
      consumerKind: current.consumerKind,
      consumerRef: current.consumerRef,
      register: current.register,
      fields: current.fields,
      purposeZh: current.purposeZh,
      purposeEn: current.purposeEn,
      legalBasisZh: current.legalBasisZh,
      validFrom: current.validFrom,
      changeNote: '测试：停止该事项预填法人库',
    };
    const proposed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/sharing-rules',
      headers: admin.headers,
      payload,
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json()).toMatchObject({ version: 2, status: 'proposed' });
    // Not yet in force.
    expect((await prefillOf('SAMR-0003')).fields.enterpriseName).toBeDefined();
    const review = (session: TestSession, approve: boolean) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/sharing-rules/proposals/${proposed.json().id}/review`,
        headers: session.headers,
        payload: { approve, note: '同意' },
      });
    const own = await review(admin, true);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('SHARING_REVIEW_OWN_PROPOSAL');
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/sharing-rules',
      headers: admin.headers,
      payload: { ...payload, changeKind: 'upsert', changeNote: '另一个变更' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('SHARING_PROPOSAL_PENDING');
    const approved = await review(officeAdmin, true); // samr keeps the enterprise register
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'retired', reviewedByName: expect.any(String) });
    expect((await review(officeAdmin, true)).json().error.code).toBe('SHARING_PROPOSAL_NOT_PENDING');
    const after = await prefillOf('SAMR-0003');
    expect(after.fields.enterpriseName).toBeUndefined();
    const history = (
      await t.app.inject({
        url: `/api/v1/admin/sharing-rules/${encodeURIComponent(current.ruleKey)}/history`,
        headers: admin.headers,
      })
    ).json().items;
    expect(history.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'retired'],
      [1, 'superseded'],
    ]);
    const audit = await t.runtime.deps.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'sharing.rule.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['sharing.rule.propose', 'sharing.rule.approve']);
  });

  it('lets an office admin review only rules of registers their department keeps', async () => {
    const proposed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/sharing-rules',
      headers: admin.headers,
      payload: {
        changeKind: 'upsert',
        consumerKind: 'staff_role',
        consumerRef: 'civil-affairs:window_clerk',
        register: 'housing_fund',
        fields: ['status'],
        purposeZh: '救助申请核对公积金',
        purposeEn: 'Check the housing fund for assistance',
        legalBasisZh: '《社会救助暂行办法》',
        validFrom: '2026-01-01T00:00:00.000Z',
        changeNote: '新增',
      },
    });
    expect(proposed.statusCode).toBe(201);
    const review = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/sharing-rules/proposals/${proposed.json().id}/review`,
      headers: officeAdmin.headers,
      payload: { approve: true },
    });
    expect(review.statusCode).toBe(403);
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/sharing-rules/proposals/${proposed.json().id}/review`,
      headers: (await loginAs(t.app, 'demo-admin')).headers,
      payload: { approve: false },
    });
    expect(rejected.statusCode).toBe(409); // demo-admin proposed it
  });

  it('refuses bad proposals field by field, and the wrong roles', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/sharing-rules',
      headers: admin.headers,
      payload: {
        changeKind: 'upsert',
        consumerKind: 'service_form',
        consumerRef: 'HRSS-0001',
        register: 'population',
        fields: ['bloodType'],
        purposeZh: '测试',
        purposeEn: 'Test',
        legalBasisZh: '无依据的测试',
        validFrom: '2026-01-01T00:00:00.000Z',
        changeNote: '测试',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'SHARING_RULE_INVALID', details: [{ path: '/fields' }] });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/admin/sharing-rules',
          headers: officeAdmin.headers,
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    const resident = await loginAs(t.app, 'demo-resident');
    expect(
      (await t.app.inject({ url: '/api/v1/admin/sharing-rules', headers: resident.headers })).statusCode,
    ).toBe(403);
    const clerk = await loginAs(t.app, 'demo-clerk');
    expect(
      (await t.app.inject({ url: '/api/v1/admin/sharing-rules', headers: clerk.headers })).statusCode,
    ).toBe(403);
  });
});
