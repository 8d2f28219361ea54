import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';

const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';

// The enterprise workspace for its members (register profile through the sharing gateway, with
// an access record), and the manager's desk; who is refused.
describeEachDialect('enterprise desk: workspace', (dialect) => {
  let t: TestApp;
  let agent: TestSession;
  let manager: TestSession;
  let canteenId: string;
  const db = () => t.runtime.deps.database.db;
  const get = (session: TestSession, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    canteenId = (
      await db().selectFrom('enterprises').select('id').where('name', '=', CANTEEN).executeTakeFirstOrThrow()
    ).id;
    agent = await loginAs(t.app, 'demo-enterprise');
    manager = await loginAs(t.app, 'demo-manager');
  });
  afterAll(() => t.close());

  it('lists the enterprises a resident acts for (none for others)', async () => {
    expect((await get(agent, '/api/v1/desk/workspace')).json().items).toEqual([
      expect.objectContaining({ id: canteenId, name: CANTEEN, role: 'agent' }),
    ]);
    const resident = await loginAs(t.app, 'demo-resident');
    expect((await get(resident, '/api/v1/desk/workspace')).json()).toEqual({ items: [] });
  });

  it("shows a member the enterprise's profile, members, manager, applications and requests", async () => {
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/desk/enterprises/${canteenId}/requests`,
      headers: agent.headers,
      payload: { category: 'policy_question', title: '稳岗补贴', description: '是否符合稳岗补贴条件？' },
    });
    const response = await get(agent, `/api/v1/desk/enterprises/${canteenId}/workspace`);
    expect(response.statusCode, response.body).toBe(200);
    const workspace = response.json();
    expect(workspace.enterprise).toMatchObject({ id: canteenId, name: CANTEEN, myRole: 'agent' });
    expect(workspace.profile.legalRepresentative).toBe('王芳');
    expect(workspace.profile.industry).toEqual(expect.any(String));
    expect(workspace.members.map((m: { role: string }) => m.role).sort()).toEqual(['agent', 'legal_rep']);
    expect(workspace.manager).toMatchObject({ managerName: '冯俊杰（店小二）' });
    expect(workspace.applications).toMatchObject({ total: expect.any(Number) });
    expect(workspace.requests.map((r: { title: string }) => r.title)).toEqual(['稳岗补贴']);
    // The register read is an access record of the enterprise (用数记录).
    const reads = await db()
      .selectFrom('auditLog')
      .select('purpose')
      .where('action', '=', 'data.read')
      .where('subjectEnterpriseId', '=', canteenId)
      .execute();
    expect(reads.map((r) => r.purpose)).toContain('企业工作台查看本企业登记信息');
  });

  it("refuses a stranger the enterprise's workspace, and staff other than managers the desk", async () => {
    const resident = await loginAs(t.app, 'demo-resident');
    expect((await get(resident, `/api/v1/desk/enterprises/${canteenId}/workspace`)).statusCode).toBe(403);
    const clerk = await loginAs(t.app, 'demo-clerk');
    expect((await get(clerk, '/api/v1/desk/manager/workspace')).statusCode).toBe(403);
    expect((await get(manager, `/api/v1/desk/enterprises/${canteenId}/workspace`)).statusCode).toBe(403);
  });

  it('gives the manager their enterprises with open requests and next targets', async () => {
    const response = await get(manager, '/api/v1/desk/manager/workspace');
    expect(response.statusCode, response.body).toBe(200);
    const canteen = response
      .json()
      .enterprises.find((e: { enterpriseId: string }) => e.enterpriseId === canteenId);
    expect(canteen).toMatchObject({ relation: 'manager', openRequests: 1, nextDueAt: expect.any(String) });
    const pudong = await loginAs(t.app, 'demo-office-admin');
    expect((await get(pudong, '/api/v1/desk/manager/workspace')).json().enterprises).toEqual([]);
  });
});
