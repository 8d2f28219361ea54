import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { SAMPLE_HTML, SAMPLE_PDF, uploadBody } from '../attachments/attachments.test-support.ts';
import { queueMemberDigests, sendMemberDigest } from './rooms.digest.ts';
import { apiOf, enterpriseIdNamed, otherManager, type Api } from './rooms.test-support.ts';

const PROJECT_ROOM = '虹通中央厨房项目协调群（演示）';
const TECH_ROOM = '曲阳数智研发中心扩租协调群（演示）';

// Coordination rooms: membership decides what each member sees. A contractor invited to one room
// sees that room only and is refused every other room's messages, tasks, checklist and documents.
describeEachDialect('desk coordination rooms', (dialect) => {
  let t: TestApp;
  let api: Api;
  let canteenId: string;
  let manager: TestSession;
  let agent: TestSession;
  let contractor: TestSession;
  let stranger: TestSession;
  let wrongManager: TestSession;
  let projectRoomId: string;
  let techRoomId: string;
  let roomId: string;

  const db = () => t.runtime.deps.database.db;
  const userId = async (username: string) =>
    (await db().selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
      .id;
  const roomIdTitled = async (title: string) =>
    (await db().selectFrom('deskRooms').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
  const upload = (session: TestSession, room: string, content: Buffer, materialKey = 'room-document') => {
    const body = uploadBody('现场照片.pdf', content, { materialKey });
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/desk/rooms/${room}/documents`,
      headers: { ...session.headers, ...body.headers },
      payload: body.payload,
    });
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    api = apiOf(t);
    canteenId = await enterpriseIdNamed(t);
    manager = await loginAs(t.app, 'demo-manager');
    agent = await loginAs(t.app, 'demo-enterprise');
    contractor = await loginAs(t.app, 'demo-contractor');
    stranger = await loginAs(t.app, 'demo-resident');
    wrongManager = await otherManager(t);
    projectRoomId = await roomIdTitled(PROJECT_ROOM);
    techRoomId = await roomIdTitled(TECH_ROOM);
  });
  afterAll(() => t.close());

  describe('a contractor sees only the room they are a member of', () => {
    it('lists the one room and opens it', async () => {
      const mine = await api.call(contractor, 'GET', '/api/v1/desk/rooms');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((r: { title: string }) => r.title)).toEqual([PROJECT_ROOM]);
      const room = await api.call(contractor, 'GET', `/api/v1/desk/rooms/${projectRoomId}`);
      expect(room.status).toBe(200);
      expect(room.body.myRole).toBe('member');
      expect(room.body.members.map((m: { organisationKind: string }) => m.organisationKind)).toEqual([
        'service_manager',
        'enterprise',
        'contractor',
        'street_office',
        'department',
        'department',
      ]);
      const tasks = await api.call(contractor, 'GET', `/api/v1/desk/rooms/${projectRoomId}/tasks`);
      expect(tasks.body.items.map((task: { title: string }) => task.title)).toContain('回复施工图审查意见');
      expect(
        (await api.call(contractor, 'GET', `/api/v1/desk/rooms/${projectRoomId}/messages`)).body.items,
      ).toHaveLength(2);
    });

    it("is refused another room's page, messages, tasks, checklist and documents, reading and writing", async () => {
      const base = `/api/v1/desk/rooms/${techRoomId}`;
      const task = await db()
        .selectFrom('deskRoomTasks')
        .select('id')
        .where('roomId', '=', techRoomId)
        .executeTakeFirstOrThrow();
      const item = await db()
        .selectFrom('deskRoomChecklistItems')
        .select('id')
        .where('roomId', '=', techRoomId)
        .executeTakeFirstOrThrow();
      const attempts: [Parameters<Api['call']>[1], string, unknown?][] = [
        ['GET', base],
        ['GET', `${base}/messages`],
        ['POST', `${base}/messages`, { body: '我也想看看' }],
        ['GET', `${base}/tasks`],
        [
          'POST',
          `${base}/tasks`,
          { title: 'x', ownerUserId: await userId('demo-contractor'), dueDate: '2030-01-01' },
        ],
        ['PATCH', `${base}/tasks/${task.id}`, { status: 'done' }],
        ['GET', `${base}/checklist`],
        ['POST', `${base}/checklist`, { label: 'x', step: 'y' }],
        ['PATCH', `${base}/checklist/${item.id}`, { isDone: true }],
        ['GET', `${base}/documents`],
        [
          'POST',
          `${base}/members`,
          { username: 'demo-resident', organisationKind: 'contractor', organisationName: 'x' },
        ],
      ];
      for (const [method, url, payload] of attempts) {
        const answer = await api.call(contractor, method, url, payload);
        expect([method, url, answer.status, answer.code]).toEqual([method, url, 404, 'DESK_ROOM_NOT_FOUND']);
      }
      const sneaky = await upload(contractor, techRoomId, SAMPLE_PDF);
      expect([sneaky.statusCode, sneaky.json().error.code]).toEqual([404, 'DESK_ROOM_NOT_FOUND']);
      // An unknown room answers the same as a room one is not in.
      expect((await api.call(contractor, 'GET', '/api/v1/desk/rooms/no-such-room')).code).toBe(
        'DESK_ROOM_NOT_FOUND',
      );
      expect((await api.call(undefined, 'GET', base)).status).toBe(401);
    });
  });

  describe('opening a room and managing its members', () => {
    it("the enterprise's manager opens a room; others may not", async () => {
      const url = `/api/v1/desk/enterprises/${canteenId}/rooms`;
      const body = { title: '门店消防整改协调', description: '门店消防整改事项' };
      expect((await api.call(wrongManager, 'POST', url, body)).code).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect((await api.call(agent, 'POST', url, body)).status).toBe(403);
      const opened = await api.call(manager, 'POST', url, body);
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        title: '门店消防整改协调',
        myRole: 'owner',
        enterpriseId: canteenId,
      });
      roomId = opened.body.id;
    });

    it('only the owner invites and removes; a removed member sees nothing more', async () => {
      const members = `/api/v1/desk/rooms/${roomId}/members`;
      const invite = (session: TestSession, username: string, kind = 'enterprise') =>
        api.call(session, 'POST', members, {
          username,
          organisationKind: kind,
          organisationName: '上海虹通示范餐饮',
        });
      expect((await invite(manager, 'demo-enterprise')).status).toBe(201);
      expect((await invite(manager, 'demo-enterprise')).code).toBe('DESK_ROOM_MEMBER_EXISTS');
      expect((await invite(manager, 'nobody-at-all')).code).toBe('DESK_ROOM_USER_NOT_FOUND');
      expect((await invite(agent, 'demo-resident2', 'chamber')).code).toBe('DESK_ROOM_OWNER_ONLY');
      expect((await invite(stranger, 'demo-resident2', 'chamber')).code).toBe('DESK_ROOM_NOT_FOUND');
      const chamber = await invite(manager, 'demo-resident2', 'chamber');
      expect(chamber.body).toMatchObject({ organisationKind: 'chamber', role: 'member' });
      const resident2 = await loginAs(t.app, 'demo-resident2');
      expect((await api.call(resident2, 'GET', `/api/v1/desk/rooms/${roomId}`)).status).toBe(200);

      const remove = `${members}/${chamber.body.memberId}`;
      expect((await api.call(agent, 'DELETE', remove)).code).toBe('DESK_ROOM_OWNER_ONLY');
      expect((await api.call(manager, 'DELETE', remove)).status).toBe(204);
      expect((await api.call(manager, 'DELETE', remove)).code).toBe('DESK_ROOM_MEMBER_NOT_FOUND');
      expect((await api.call(resident2, 'GET', `/api/v1/desk/rooms/${roomId}`)).code).toBe(
        'DESK_ROOM_NOT_FOUND',
      );
      expect((await api.call(resident2, 'GET', '/api/v1/desk/rooms')).body.items).toEqual([]);
      const room = await api.call(manager, 'GET', `/api/v1/desk/rooms/${roomId}`);
      const owner = room.body.members.find((m: { role: string }) => m.role === 'owner');
      expect((await api.call(manager, 'DELETE', `${members}/${owner.memberId}`)).code).toBe(
        'DESK_ROOM_OWNER_STAYS',
      );
      // Invited again, the member is back.
      expect((await invite(manager, 'demo-resident2', 'chamber')).status).toBe(201);
    });
  });

  describe('messages, tasks, checklist, documents', () => {
    it('members write messages, newest first', async () => {
      const url = `/api/v1/desk/rooms/${roomId}/messages`;
      expect((await api.call(agent, 'POST', url, { body: '整改方案已上传' })).status).toBe(201);
      expect((await api.call(manager, 'POST', url, { body: '收到，周五现场核查' })).status).toBe(201);
      expect((await api.call(agent, 'POST', url, { body: '   ' })).status).toBe(400);
      const listed = await api.call(agent, 'GET', `${url}?limit=1`);
      expect(listed.body.items.map((m: { body: string }) => m.body)).toEqual(['收到，周五现场核查']);
      expect((await api.call(contractor, 'GET', url)).code).toBe('DESK_ROOM_NOT_FOUND');
    });

    it('tasks have an owner who is a member; owner, creator and room owner change them', async () => {
      const url = `/api/v1/desk/rooms/${roomId}/tasks`;
      const agentId = await userId('demo-enterprise');
      const notMember = await api.call(manager, 'POST', url, {
        title: '提交整改报告',
        ownerUserId: await userId('demo-contractor'),
        dueDate: '2030-05-01',
      });
      expect(notMember.code).toBe('DESK_ROOM_MEMBER_NOT_FOUND');
      const created = await api.call(manager, 'POST', url, {
        title: '提交整改报告',
        ownerUserId: agentId,
        dueDate: '2030-05-01',
      });
      expect(created.body).toMatchObject({ status: 'open', ownerName: '赵敏', dueDate: '2030-05-01' });
      const taskUrl = `${url}/${created.body.id}`;
      const resident2 = await loginAs(t.app, 'demo-resident2');
      expect((await api.call(resident2, 'PATCH', taskUrl, { status: 'done' })).code).toBe('AUTH_FORBIDDEN');
      const started = await api.call(agent, 'PATCH', taskUrl, { status: 'in_progress' });
      expect(started.body.status).toBe('in_progress');
      const done = await api.call(agent, 'PATCH', taskUrl, { status: 'done' });
      expect(done.body.doneAt).not.toBeNull();
      expect((await api.call(agent, 'PATCH', `${url}/no-such-task`, { status: 'done' })).code).toBe(
        'DESK_ROOM_TASK_NOT_FOUND',
      );
    });

    it('the checklist of materials is ticked off by members, also by sharing the document', async () => {
      const url = `/api/v1/desk/rooms/${roomId}/checklist`;
      const plan = await api.call(agent, 'POST', url, { label: '消防整改方案', step: '现场核查' });
      const photos = await api.call(agent, 'POST', url, { label: '整改后现场照片', step: '现场核查' });
      expect(plan.body.isDone).toBe(false);
      const ticked = await api.call(manager, 'PATCH', `${url}/${plan.body.id}`, { isDone: true });
      expect(ticked.body).toMatchObject({ isDone: true, doneByName: '冯俊杰（店小二）' });

      const shared = await upload(agent, roomId, SAMPLE_PDF, photos.body.id);
      expect(shared.statusCode).toBe(201);
      expect(shared.json()).toMatchObject({ mediaType: 'application/pdf', checklistItemId: photos.body.id });
      const list = await api.call(manager, 'GET', url);
      expect(list.body.items.find((i: { id: string }) => i.id === photos.body.id).isDone).toBe(true);

      const html = await upload(agent, roomId, SAMPLE_HTML);
      expect([html.statusCode, html.json().error.code]).toEqual([415, 'ATTACHMENT_TYPE_NOT_ALLOWED']);
      const wrongItem = await upload(agent, roomId, SAMPLE_PDF, 'not-an-item');
      expect(wrongItem.json().error.code).toBe('DESK_ROOM_CHECKLIST_ITEM_NOT_FOUND');

      const documents = await api.call(manager, 'GET', `/api/v1/desk/rooms/${roomId}/documents`);
      expect(documents.body.items).toHaveLength(1);
      const contentUrl = `/api/v1/desk/rooms/${roomId}/documents/${shared.json().id}/content`;
      const download = await t.app.inject({
        method: 'GET',
        url: contentUrl,
        headers: { cookie: manager.cookie },
      });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);
      const refused = await t.app.inject({
        method: 'GET',
        url: contentUrl,
        headers: { cookie: contractor.cookie },
      });
      expect(refused.json().error.code).toBe('DESK_ROOM_NOT_FOUND');
      // The document is reached only through its own room.
      const elsewhere = `/api/v1/desk/rooms/${projectRoomId}/documents/${shared.json().id}/content`;
      const crossed = await t.app.inject({
        method: 'GET',
        url: elsewhere,
        headers: { cookie: manager.cookie },
      });
      expect(crossed.json().error.code).toBe('DESK_ROOM_DOCUMENT_NOT_FOUND');

      const room = await api.call(agent, 'GET', `/api/v1/desk/rooms/${roomId}`);
      expect(room.body.activity.map((a: { kind: string }) => a.kind)).toContain('document');
    });
  });

  describe('the daily digest', () => {
    it('reaches each member once per day, however often the run repeats', async () => {
      const today = shanghaiDate(new Date());
      const { jobs } = t.runtime.deps;
      // Something moves in the project room today, and the contractor has a task due tomorrow.
      await api.call(manager, 'POST', `/api/v1/desk/rooms/${projectRoomId}/messages`, {
        body: '今日进展已更新',
      });
      expect(await queueMemberDigests(db(), jobs, today)).toBeGreaterThan(0);
      await jobs.drain();
      await queueMemberDigests(db(), jobs, today);
      await jobs.drain();
      const contractorId = await userId('demo-contractor');
      expect(await sendMemberDigest(db(), jobs, contractorId, today)).toBe('already');

      const digests = await db()
        .selectFrom('notifications')
        .select(['userId', 'bodyZh', 'link'])
        .where('kind', '=', 'desk.room.digest')
        .execute();
      const perUser = new Map<string, number>();
      for (const row of digests) perUser.set(row.userId, (perUser.get(row.userId) ?? 0) + 1);
      expect([...perUser.values()].every((count) => count === 1)).toBe(true);
      const members = await db()
        .selectFrom('deskRoomMembers')
        .select('userId')
        .distinct()
        .where('roomId', 'in', [projectRoomId, roomId])
        .where('removedAt', 'is', null)
        .execute();
      for (const { userId: member } of members) expect(perUser.get(member), member).toBe(1);

      const forContractor = digests.find((row) => row.userId === contractorId)!;
      expect(forContractor.bodyZh).toContain('今日动态');
      expect(forContractor.bodyZh).toContain('回复施工图审查意见');
      expect(forContractor.link).toBe(`/desk/rooms/${projectRoomId}`);
      const rows = await db()
        .selectFrom('deskRoomDigests')
        .select('userId')
        .where('digestDate', '=', today)
        .execute();
      expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length);
    });
  });
});
