import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { DEMO_ENTERPRISES } from '../../../../demo/seed.ts';
import { canManagerSee, enterprisesManagedBy, findManagerOf } from './assignments.service.ts';

const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';
const TECH = '上海曲阳数智科技有限公司（演示）';

// Who looks after which enterprise: the demo assignment, the enterprise's view of its manager,
// reassignment by the managing office's admin (history kept, audited), and who is refused.
describeEachDialect('enterprise desk: service manager assignments', (dialect) => {
  let t: TestApp;
  let agent: TestSession;
  let manager: TestSession;
  let head: TestSession;
  let canteenId: string;
  let techId: string;
  const db = () => t.runtime.deps.database.db;
  const userId = async (username: string) =>
    (await db().selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    agent = await loginAs(t.app, 'demo-enterprise');
    manager = await loginAs(t.app, 'demo-manager');
    head = await loginAs(t.app, 'demo-desk-head');
    const rows = await db().selectFrom('enterprises').select(['id', 'name']).execute();
    canteenId = rows.find((r) => r.name === CANTEEN)!.id;
    techId = rows.find((r) => r.name === TECH)!.id;
  });
  afterAll(() => t.close());

  it('the demo enterprises are looked after by demo-manager, with demo-desk-head as head', async () => {
    const managerId = await userId('demo-manager');
    const managed = await enterprisesManagedBy(db(), managerId);
    expect(managed.map((m) => m.enterpriseName)).toEqual(expect.arrayContaining([CANTEEN, TECH]));
    expect(managed).toHaveLength(DEMO_ENTERPRISES.length);
    const found = await findManagerOf(db(), canteenId);
    expect(found).toMatchObject({
      managerUserId: managerId,
      managerName: '冯俊杰（店小二）',
      headName: '蒋丽华（店小二负责人）',
    });
    expect(found!.escalationUserIds).toEqual([await userId('demo-desk-head')]);
  });

  it("a member sees the enterprise's manager with how to reach them", async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/desk/enterprises/${canteenId}/manager`,
      headers: { cookie: agent.cookie },
    });
    expect(response.statusCode).toBe(200);
    const { manager: contact } = response.json() as { manager: Record<string, unknown> };
    expect(contact).toMatchObject({
      managerName: '冯俊杰（店小二）',
      phone: '021-65010218',
      officeNameZh: '虹口区商务委',
    });
    expect(contact.officeAddress).toEqual(expect.any(String));
  });

  it('refuses a member of another enterprise, a resident, another district and another office', async () => {
    for (const username of ['demo-resident', 'demo-legal-rep']) {
      const session = await loginAs(t.app, username);
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/desk/enterprises/${techId}/manager`,
        headers: { cookie: session.cookie },
      });
      expect(response.statusCode, username).toBe(403);
    }
    for (const username of ['demo-clerk-pudong', 'demo-clerk', 'demo-office-admin']) {
      const session = await loginAs(t.app, username);
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/desk/enterprises/${canteenId}/manager`,
        headers: { cookie: session.cookie },
      });
      expect(response.json().error.code, username).toBe('DESK_ENTERPRISE_NOT_FOUND');
    }
  });

  it('the office admin reassigns (history kept, audited); others may not, bad input stores nothing', async () => {
    const managerId = await userId('demo-manager');
    const before = await db().selectFrom('deskAssignments').select('id').execute();
    const assign = (session: TestSession, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/desk/enterprises/${techId}/assignment`,
        headers: session.headers,
        payload,
      });
    const samrAdmin = await loginAs(t.app, 'demo-office-admin');
    expect((await assign(samrAdmin, { managerUserId: managerId, phone: '021-65010219' })).statusCode).toBe(
      403,
    );
    expect((await assign(manager, { managerUserId: managerId, phone: '021-65010219' })).statusCode).toBe(403);
    expect((await assign(head, { managerUserId: managerId, phone: 'call me' })).statusCode).toBe(400);
    const notManager = await assign(head, {
      managerUserId: await userId('demo-clerk'),
      phone: '021-65010219',
    });
    expect(notManager.json().error.code).toBe('DESK_MANAGER_INVALID');
    const pudongHead = await assign(head, {
      managerUserId: managerId,
      headUserId: await userId('demo-clerk-pudong'),
      phone: '021-65010219',
    });
    expect(pudongHead.json().error.code).toBe('DESK_HEAD_INVALID');
    expect(await db().selectFrom('deskAssignments').select('id').execute()).toHaveLength(before.length);

    const done = await assign(head, {
      managerUserId: managerId,
      phone: '021-65010219',
      email: 'desk@example.cn',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ phone: '021-65010219', email: 'desk@example.cn', headName: null });
    const rows = await db()
      .selectFrom('deskAssignments')
      .selectAll()
      .where('enterpriseId', '=', techId)
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.endedAt === null)).toHaveLength(1);
    // Without a designated head, the office admins of the managing office are the head.
    expect((await findManagerOf(db(), techId))!.escalationUserIds).toEqual([await userId('demo-desk-head')]);
    const audit = await db()
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'desk.assignment.set')
      .where('subjectEnterpriseId', '=', techId)
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('canManagerSee: the manager and the head, not staff of another office', async () => {
    const principalOf = async (username: string) => {
      const id = await userId(username);
      const posts = await db()
        .selectFrom('staffRoles as r')
        .innerJoin('offices as o', 'o.id', 'r.officeId')
        .select(['r.officeId', 'r.role', 'o.departmentCode', 'o.districtCode', 'o.streetCode'])
        .where('r.userId', '=', id)
        .execute();
      return { userId: id, staff: posts, isAdmin: false, kind: 'staff' } as unknown as Parameters<
        typeof canManagerSee
      >[1];
    };
    expect(await canManagerSee(db(), await principalOf('demo-manager'), canteenId)).toBe(true);
    expect(await canManagerSee(db(), await principalOf('demo-desk-head'), canteenId)).toBe(true);
    expect(await canManagerSee(db(), await principalOf('demo-office-admin'), canteenId)).toBe(false);
  });
});
