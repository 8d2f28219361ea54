import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';

const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';

interface Thread {
  side: string;
  unread: number;
  items: { body: string; isMine: boolean; isUnread: boolean; senderName: string }[];
}

// The thread between an enterprise and its service manager: both sides write, each has its own
// unread count, the other side is notified, and nobody else reads or writes.
describeEachDialect('enterprise desk: messages', (dialect) => {
  let t: TestApp;
  let agent: TestSession;
  let legalRep: TestSession;
  let manager: TestSession;
  let canteenId: string;
  const db = () => t.runtime.deps.database.db;
  const url = () => `/api/v1/desk/enterprises/${canteenId}/messages`;
  const thread = async (session: TestSession) => {
    const response = await t.app.inject({ method: 'GET', url: url(), headers: { cookie: session.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Thread;
  };
  const post = (session: TestSession, body: unknown) =>
    t.app.inject({ method: 'POST', url: url(), headers: session.headers, payload: { body } });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    canteenId = (
      await db().selectFrom('enterprises').select('id').where('name', '=', CANTEEN).executeTakeFirstOrThrow()
    ).id;
    agent = await loginAs(t.app, 'demo-enterprise');
    legalRep = await loginAs(t.app, 'demo-legal-rep');
    manager = await loginAs(t.app, 'demo-manager');
  });
  afterAll(() => t.close());

  it('both sides write; unread counts per side; the other side is notified', async () => {
    expect((await post(agent, '冯经理您好，想约时间谈谈扩店的事。')).statusCode).toBe(201);
    const managerView = await thread(manager);
    expect(managerView).toMatchObject({ side: 'manager', unread: 1 });
    expect(managerView.items[0]).toMatchObject({ isMine: false, isUnread: true, senderName: '赵敏' });
    const threads = await t.app.inject({
      method: 'GET',
      url: '/api/v1/desk/manager/threads',
      headers: { cookie: manager.cookie },
    });
    expect(threads.json().items).toContainEqual({
      enterpriseId: canteenId,
      enterpriseName: CANTEEN,
      unread: 1,
    });
    const read = await t.app.inject({ method: 'POST', url: `${url()}/read`, headers: manager.headers });
    expect(read.json()).toEqual({ marked: 1 });
    expect((await thread(manager)).unread).toBe(0);

    expect((await post(manager, '好的，周四下午两点到店里。')).statusCode).toBe(201);
    // Every member of the enterprise sees the manager's answer as unread.
    for (const member of [agent, legalRep]) expect((await thread(member)).unread).toBe(1);
    const notes = await db()
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.userId')
      .select(['u.username'])
      .where('n.kind', '=', 'desk.message')
      .execute();
    expect(notes.map((n) => n.username).sort()).toEqual([
      'demo-enterprise',
      'demo-legal-rep',
      'demo-manager',
    ]);
    const audit = await db()
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'desk.message.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'desk.message.post',
      'desk.message.read',
      'desk.message.post',
    ]);
  });

  it('refuses blank text and strangers, and stores nothing', async () => {
    const before = (await db().selectFrom('deskMessages').select('id').execute()).length;
    expect((await post(agent, '   ')).statusCode).toBe(400);
    const resident = await loginAs(t.app, 'demo-resident');
    expect((await post(resident, '你好')).statusCode).toBe(403);
    for (const username of ['demo-clerk-pudong', 'demo-office-admin']) {
      const staff = await loginAs(t.app, username);
      const response = await t.app.inject({ method: 'GET', url: url(), headers: { cookie: staff.cookie } });
      expect(response.statusCode, username).toBe(username === 'demo-office-admin' ? 404 : 403);
    }
    expect((await db().selectFrom('deskMessages').select('id').execute()).length).toBe(before);
  });
});
