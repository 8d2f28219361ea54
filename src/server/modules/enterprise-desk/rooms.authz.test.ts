import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { apiOf, enterpriseIdNamed, otherManager, type Api } from './rooms.test-support.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Case {
  method: Method;
  url: string;
  body?: unknown;
  /** A signed-in caller the route's rule turns away (403 AUTH_FORBIDDEN), if the rule names roles. */
  wrongRole?: string;
  /** A caller past the rule who is not the owner (not the enterprise's, not a member), and the code. */
  wrongOwner: string;
  code: string;
}

// Every route of visits, rooms and projects refuses the anonymous caller, the wrong role and the
// wrong owner, and changes nothing when it does.
describeEachDialect('desk visits, rooms and projects: who is refused', (dialect) => {
  let t: TestApp;
  let api: Api;
  const sessions = new Map<string, TestSession>();
  let cases: Case[] = [];

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    api = apiOf(t);
    const db = t.runtime.deps.database.db;
    for (const username of [
      'demo-enterprise',
      'demo-manager',
      'demo-clerk',
      'demo-resident',
      'demo-contractor',
    ]) {
      sessions.set(username, await loginAs(t.app, username));
    }
    sessions.set('other-manager', await otherManager(t));
    const canteen = await enterpriseIdNamed(t);
    const techRoom = (
      await db
        .selectFrom('deskRooms')
        .select('id')
        .where('title', '=', '曲阳数智研发中心扩租协调群（演示）')
        .executeTakeFirstOrThrow()
    ).id;
    const task = (
      await db
        .selectFrom('deskRoomTasks')
        .select('id')
        .where('roomId', '=', techRoom)
        .executeTakeFirstOrThrow()
    ).id;
    const item = (
      await db
        .selectFrom('deskRoomChecklistItems')
        .select('id')
        .where('roomId', '=', techRoom)
        .executeTakeFirstOrThrow()
    ).id;
    const member = (
      await db
        .selectFrom('deskRoomMembers')
        .select('id')
        .where('roomId', '=', techRoom)
        .where('role', '=', 'member')
        .executeTakeFirstOrThrow()
    ).id;
    const project = (
      await db
        .selectFrom('deskProjects')
        .select('id')
        .where('name', '=', '虹通中央厨房新建项目（演示）')
        .executeTakeFirstOrThrow()
    ).id;
    const milestone = (
      await db
        .selectFrom('deskProjectMilestones')
        .select('id')
        .where('projectId', '=', project)
        .executeTakeFirstOrThrow()
    ).id;
    const manager = sessions.get('demo-manager')!;
    const visit = await api.call(manager, 'POST', `/api/v1/desk/enterprises/${canteen}/visits`, {
      scheduledAt: '2031-01-10T02:00:00Z',
      purpose: '走访',
      participants: '冯俊杰',
    });
    const quiet = await api.call(
      sessions.get('demo-enterprise')!,
      'POST',
      `/api/v1/desk/enterprises/${canteen}/quiet-periods`,
      { kind: 'monthly', dayFrom: 1, dayTo: 3, label: '月初结账' },
    );
    const e = `/api/v1/desk/enterprises/${canteen}`;
    const r = `/api/v1/desk/rooms/${techRoom}`;
    const p = `/api/v1/desk/projects/${project}`;
    const notMember = { wrongOwner: 'demo-contractor', code: 'DESK_ROOM_NOT_FOUND' };
    const notTheirs = { wrongOwner: 'other-manager', code: 'DESK_ENTERPRISE_NOT_FOUND' };
    const notTheirProject = { wrongOwner: 'demo-resident', code: 'DESK_PROJECT_NOT_FOUND' };
    cases = [
      {
        method: 'PUT',
        url: '/api/v1/desk/visit-caps/310109',
        body: { maxVisits: 3, period: 'month' },
        wrongRole: 'demo-manager',
        wrongOwner: 'demo-clerk',
        code: 'AUTH_FORBIDDEN',
      },
      { method: 'GET', url: `${e}/quiet-periods`, wrongRole: 'demo-clerk', ...notTheirs },
      {
        method: 'POST',
        url: `${e}/quiet-periods`,
        body: { kind: 'monthly', dayFrom: 1, dayTo: 2, label: 'x' },
        wrongRole: 'demo-manager',
        wrongOwner: 'demo-resident',
        code: 'DESK_ENTERPRISE_NOT_FOUND',
      },
      {
        method: 'DELETE',
        url: `${e}/quiet-periods/${quiet.body.id}`,
        wrongRole: 'demo-manager',
        wrongOwner: 'demo-resident',
        code: 'DESK_ENTERPRISE_NOT_FOUND',
      },
      { method: 'GET', url: `${e}/visits`, wrongRole: 'demo-clerk', ...notTheirs },
      {
        method: 'POST',
        url: `${e}/visits/check`,
        body: { scheduledAt: '2031-01-12T02:00:00Z' },
        wrongRole: 'demo-enterprise',
        ...notTheirs,
      },
      {
        method: 'POST',
        url: `${e}/visits`,
        body: { scheduledAt: '2031-01-12T02:00:00Z', purpose: 'x', participants: 'y' },
        wrongRole: 'demo-enterprise',
        ...notTheirs,
      },
      {
        method: 'PATCH',
        url: `/api/v1/desk/visits/${visit.body.id}`,
        body: { status: 'cancelled' },
        wrongRole: 'demo-enterprise',
        wrongOwner: 'other-manager',
        code: 'DESK_VISIT_NOT_FOUND',
      },
      {
        method: 'POST',
        url: `${e}/rooms`,
        body: { title: 'x', description: '' },
        wrongRole: 'demo-enterprise',
        ...notTheirs,
      },
      { method: 'GET', url: r, ...notMember },
      {
        method: 'POST',
        url: `${r}/members`,
        body: { username: 'demo-resident', organisationKind: 'park', organisationName: 'x' },
        ...notMember,
      },
      { method: 'DELETE', url: `${r}/members/${member}`, ...notMember },
      { method: 'GET', url: `${r}/messages`, ...notMember },
      { method: 'POST', url: `${r}/messages`, body: { body: 'x' }, ...notMember },
      { method: 'GET', url: `${r}/tasks`, ...notMember },
      {
        method: 'POST',
        url: `${r}/tasks`,
        body: { title: 'x', ownerUserId: 'x', dueDate: '2031-01-01' },
        ...notMember,
      },
      { method: 'PATCH', url: `${r}/tasks/${task}`, body: { status: 'done' }, ...notMember },
      { method: 'GET', url: `${r}/checklist`, ...notMember },
      { method: 'POST', url: `${r}/checklist`, body: { label: 'x', step: '' }, ...notMember },
      { method: 'PATCH', url: `${r}/checklist/${item}`, body: { isDone: true }, ...notMember },
      { method: 'GET', url: `${r}/documents`, ...notMember },
      { method: 'GET', url: `${r}/documents/any/content`, ...notMember },
      {
        method: 'POST',
        url: `${e}/projects`,
        body: {
          name: 'x',
          description: '',
          siteAddress: '',
          milestones: [{ kind: 'land', plannedDate: '2031-01-01' }],
        },
        wrongRole: 'demo-enterprise',
        ...notTheirs,
      },
      { method: 'GET', url: p, wrongRole: 'demo-clerk', ...notTheirProject },
      {
        method: 'PATCH',
        url: `${p}/milestones/${milestone}`,
        body: { note: 'x' },
        wrongRole: 'demo-clerk',
        ...notTheirProject,
      },
      {
        method: 'POST',
        url: `${p}/milestones/${milestone}/applications`,
        body: { reference: 'SH-1' },
        wrongRole: 'demo-clerk',
        ...notTheirProject,
      },
      {
        method: 'DELETE',
        url: `${p}/milestones/${milestone}/applications/any`,
        wrongRole: 'demo-clerk',
        ...notTheirProject,
      },
      {
        method: 'POST',
        url: `${p}/room`,
        body: {},
        wrongRole: 'demo-enterprise',
        wrongOwner: 'other-manager',
        code: 'DESK_PROJECT_NOT_FOUND',
      },
    ];
  });
  afterAll(() => t.close());

  it('refuses the anonymous caller, the wrong role and the wrong owner on every route', async () => {
    const audited = async () =>
      Number(
        (
          await t.runtime.deps.database.db
            .selectFrom('auditLog')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('action', 'like', 'desk.%')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audited();
    const failures: string[] = [];
    for (const c of cases) {
      const label = `${c.method} ${c.url}`;
      const anonymous = await api.call(undefined, c.method, c.url, c.body);
      if (anonymous.status !== 401)
        failures.push(`${label} anonymous: ${anonymous.status} ${anonymous.code}`);
      if (c.wrongRole) {
        const refused = await api.call(sessions.get(c.wrongRole), c.method, c.url, c.body);
        if (`${refused.status} ${refused.code}` !== '403 AUTH_FORBIDDEN')
          failures.push(`${label} as ${c.wrongRole}: ${refused.status} ${refused.code}`);
      }
      const owner = await api.call(sessions.get(c.wrongOwner), c.method, c.url, c.body);
      if (owner.code !== c.code)
        failures.push(`${label} as ${c.wrongOwner}: ${owner.status} ${owner.code}, not ${c.code}`);
    }
    expect(failures).toEqual([]);
    expect(await audited()).toBe(before);
  });
});
