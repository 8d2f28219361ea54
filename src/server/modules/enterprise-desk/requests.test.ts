import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { SAMPLE_PDF, uploadBody } from '../attachments/attachments.test-support.ts';
import { requestMetrics } from './requests-metrics.ts';
import { REQUEST_TIMER_QUEUE, runRequestTimer, type RequestTimerPayload } from './requests-timers.ts';

const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';
const TECH = '上海曲阳数智科技有限公司（演示）';

interface Detail {
  id: string;
  status: string;
  referenceNo: string;
  viewer: string;
  actions: string[];
  rating: number | null;
  reopenCount: number;
  firstRespondedAt: string | null;
  parts: { id: string; officeId: string; status: string; answer: string | null; isMine: boolean }[];
  events: { kind: string; body: string | null; rating: number | null; officeNameZh: string | null }[];
  attachments: { id: string; fileName: string }[];
}

// Requests (诉求) end to end through the API: filing with an attachment, the manager routing to
// two offices, each answering its part, the filer confirming and rating, reopening with the
// history kept; timers that remind and escalate once; and everyone who must be refused.
describeEachDialect('enterprise desk: requests', (dialect) => {
  let t: TestApp;
  let agent: TestSession;
  let manager: TestSession;
  let head: TestSession;
  let clerk: TestSession;
  let fire: TestSession;
  let resident: TestSession;
  let otherMember: TestSession;
  let pudongManager: TestSession;
  let canteenId: string;
  let samrHongkou: string;
  let fireHongkou: string;
  let samrPudong: string;

  const db = () => t.runtime.deps.database.db;
  const call = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: method === 'GET' ? { cookie: session.cookie } : session.headers,
      payload: payload as never,
    });
  const detail = async (session: TestSession, id: string) => {
    const response = await call(session, 'GET', `/api/v1/desk/requests/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Detail;
  };
  const officeId = async (code: string) =>
    (await db().selectFrom('offices').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const counts = async () => ({
    requests: (await db().selectFrom('deskRequests').select('id').execute()).length,
    events: (await db().selectFrom('deskRequestEvents').select('id').execute()).length,
    audit: (
      await db().selectFrom('auditLog').select('id').where('action', 'like', 'desk.request.%').execute()
    ).length,
    counters: (await db().selectFrom('deskRequestCounters').selectAll().execute())
      .map((c) => c.lastNumber)
      .join(','),
  });
  const file = async (session: TestSession, payload: Record<string, unknown>) => {
    const response = await call(session, 'POST', `/api/v1/desk/enterprises/${canteenId}/requests`, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; referenceNo: string; status: string };
  };
  const upload = async (session: TestSession) => {
    const { payload, headers } = uploadBody('租赁合同.pdf', SAMPLE_PDF, { materialKey: 'desk-request' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { ...session.headers, ...headers },
      payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: string }).id;
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const enterprises = await db().selectFrom('enterprises').select(['id', 'name']).execute();
    canteenId = enterprises.find((e) => e.name === CANTEEN)!.id;
    const techId = enterprises.find((e) => e.name === TECH)!.id;
    samrHongkou = await officeId('samr-310109');
    fireHongkou = await officeId('fire-310109');
    samrPudong = await officeId('samr-310115');
    // demo-resident2 acts for another enterprise; demo-clerk-pudong is also a service manager
    // in 浦东 (another district).
    const users = await db().selectFrom('users').select(['id', 'username', 'personId']).execute();
    const now = new Date().toISOString();
    await db()
      .insertInto('enterpriseLinks')
      .values({
        id: uuidv7(),
        enterpriseId: techId,
        personId: users.find((u) => u.username === 'demo-resident2')!.personId!,
        role: 'agent',
        validFrom: now,
        expiresAt: new Date(Date.now() + 86_400_000 * 30).toISOString(),
        grantedByUserId: null,
        revokedAt: null,
        createdAt: now,
      })
      .execute();
    await db()
      .insertInto('staffRoles')
      .values({
        id: uuidv7(),
        userId: users.find((u) => u.username === 'demo-clerk-pudong')!.id,
        officeId: await officeId('commerce-310115'),
        role: 'service_manager',
        createdAt: now,
      })
      .execute();
    agent = await loginAs(t.app, 'demo-enterprise');
    manager = await loginAs(t.app, 'demo-manager');
    head = await loginAs(t.app, 'demo-desk-head');
    clerk = await loginAs(t.app, 'demo-clerk');
    fire = await loginAs(t.app, 'demo-fire');
    resident = await loginAs(t.app, 'demo-resident');
    otherMember = await loginAs(t.app, 'demo-resident2');
    pudongManager = await loginAs(t.app, 'demo-clerk-pudong');
  });
  afterAll(() => t.close());

  describe('filing', () => {
    it('bad input leaves nothing: an unknown category, blank text, another user’s upload', async () => {
      const before = await counts();
      const foreign = await upload(resident);
      for (const payload of [
        { category: 'bribery', title: '场地', description: '需要场地' },
        { category: 'permits', title: '   ', description: '需要场地' },
        { category: 'permits', title: '许可', description: '说明', attachmentIds: [foreign] },
      ]) {
        const response = await call(agent, 'POST', `/api/v1/desk/enterprises/${canteenId}/requests`, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBeGreaterThanOrEqual(400);
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses a resident filing for an enterprise they do not act for', async () => {
      const response = await call(resident, 'POST', `/api/v1/desk/enterprises/${canteenId}/requests`, {
        category: 'other',
        title: '冒名',
        description: '不是本企业',
      });
      expect(response.statusCode).toBe(403);
    });

    it('files with an attachment: reference number, targets, timers, the manager told', async () => {
      const attachmentId = await upload(agent);
      const filed = await file(agent, {
        category: 'site_premises',
        title: '扩大经营需要增加堂食面积',
        description: '计划租用隔壁铺面，需要了解消防和食品经营许可变更。<script>alert(1)</script>',
        attachmentIds: [attachmentId],
      });
      expect(filed.referenceNo).toMatch(/^SQ-\d{8}-\d{4}$/);
      expect(filed.status).toBe('submitted');
      const seen = await detail(agent, filed.id);
      expect(seen).toMatchObject({ viewer: 'filer', actions: [] });
      expect(seen.attachments.map((a) => a.fileName)).toEqual(['租赁合同.pdf']);
      const download = await call(
        agent,
        'GET',
        `/api/v1/desk/requests/${filed.id}/attachments/${attachmentId}`,
      );
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      const jobs = (
        await db().selectFrom('jobs').selectAll().where('queue', '=', REQUEST_TIMER_QUEUE).execute()
      ).filter((j) => (JSON.parse(j.payload) as RequestTimerPayload).requestId === filed.id);
      expect(jobs.map((j) => JSON.parse(j.payload).kind).sort()).toEqual([
        'overdue',
        'overdue',
        'reminder',
        'reminder',
      ]);
      const notes = await db()
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.userId')
        .select('u.username')
        .where('n.objectId', '=', filed.id)
        .execute();
      expect(notes.map((n) => n.username)).toEqual(['demo-manager']);
    });
  });

  describe('handling', () => {
    let requestId: string;
    let samrPart: string;
    let firePart: string;

    beforeAll(async () => {
      requestId = (
        await file(agent, {
          category: 'permits',
          title: '食品经营许可变更',
          description: '增加经营面积后许可如何变更？',
        })
      ).id;
    });

    it('refuses another enterprise’s member, another district’s manager, an office not routed to', async () => {
      for (const session of [otherMember, pudongManager, clerk, resident]) {
        const response = await call(session, 'GET', `/api/v1/desk/requests/${requestId}`);
        expect(response.json().error.code, session.username).toBe('DESK_REQUEST_NOT_FOUND');
      }
      const accept = await call(pudongManager, 'POST', `/api/v1/desk/requests/${requestId}/accept`, {});
      expect(accept.json().error.code).toBe('DESK_REQUEST_NOT_FOUND');
      const confirm = await call(manager, 'POST', `/api/v1/desk/requests/${requestId}/confirm`, {
        rating: 5,
      });
      expect(confirm.statusCode).toBe(403);
      const early = await call(agent, 'POST', `/api/v1/desk/requests/${requestId}/confirm`, { rating: 5 });
      expect(early.json().error.code).toBe('DESK_REQUEST_STATE');
    });

    it('the manager accepts (first response) and routes to two offices; bad routes change nothing', async () => {
      expect(
        (await call(manager, 'POST', `/api/v1/desk/requests/${requestId}/accept`, { note: '已收到' }))
          .statusCode,
      ).toBe(204);
      const accepted = await detail(manager, requestId);
      expect(accepted).toMatchObject({ status: 'accepted', viewer: 'manager', actions: ['answer', 'route'] });
      expect(accepted.firstRespondedAt).not.toBeNull();
      const route = (offices: { officeId: string; instructions: string }[]) =>
        call(manager, 'POST', `/api/v1/desk/requests/${requestId}/route`, { offices });
      for (const offices of [
        [{ officeId: samrPudong, instructions: '浦东' }],
        [
          { officeId: samrHongkou, instructions: 'a' },
          { officeId: samrHongkou, instructions: 'b' },
        ],
      ]) {
        const response = await route(offices);
        expect(response.json().error.code).toBe('DESK_OFFICE_INVALID');
      }
      expect((await detail(manager, requestId)).parts).toEqual([]);
      const done = await route([
        { officeId: samrHongkou, instructions: '请答复食品经营许可变更流程' },
        { officeId: fireHongkou, instructions: '请答复增加面积后的消防要求' },
      ]);
      expect(done.statusCode, done.body).toBe(204);
      const routed = await detail(manager, requestId);
      expect(routed.status).toBe('routed');
      samrPart = routed.parts.find((p) => p.officeId === samrHongkou)!.id;
      firePart = routed.parts.find((p) => p.officeId === fireHongkou)!.id;
    });

    it('each office sees and answers its own part only', async () => {
      const queue = await call(clerk, 'GET', '/api/v1/desk/office/request-parts?status=open');
      expect(queue.json().items.map((p: { partId: string }) => p.partId)).toEqual([samrPart]);
      const asOffice = await detail(clerk, requestId);
      expect(asOffice.viewer).toBe('office');
      expect(asOffice.parts.filter((p) => p.isMine).map((p) => p.id)).toEqual([samrPart]);
      const wrongOffice = await call(clerk, 'POST', `/api/v1/desk/request-parts/${firePart}/answer`, {
        answer: '越权',
      });
      expect(wrongOffice.json().error.code).toBe('DESK_REQUEST_PART_NOT_FOUND');
      const officeAccept = await call(clerk, 'POST', `/api/v1/desk/requests/${requestId}/answer`, {
        answer: 'x',
      });
      expect(officeAccept.statusCode).toBe(403);

      const first = await call(clerk, 'POST', `/api/v1/desk/request-parts/${samrPart}/answer`, {
        answer: '请在“一网通办”提交食品经营许可变更，3个工作日内办结。',
      });
      expect(first.statusCode, first.body).toBe(204);
      expect((await detail(agent, requestId)).status).toBe('routed');
      const again = await call(clerk, 'POST', `/api/v1/desk/request-parts/${samrPart}/answer`, {
        answer: '再答',
      });
      expect(again.json().error.code).toBe('DESK_REQUEST_PART_ANSWERED');
      expect(
        (
          await call(fire, 'POST', `/api/v1/desk/request-parts/${firePart}/answer`, {
            answer: '面积超过 200 平方米需办理消防设计审查。',
          })
        ).statusCode,
      ).toBe(204);

      const seen = await detail(agent, requestId);
      expect(seen.status).toBe('answered');
      expect(seen.actions).toEqual(['confirm', 'reopen']);
      const answers = seen.events.filter((e) => e.kind === 'part_answered');
      expect(answers.map((e) => e.officeNameZh).sort()).toEqual(
        ['虹口区市场监管局', '虹口区消防救援支队'].sort(),
      );
    });

    it('the filer confirms and rates; reopening keeps every answer and the earlier rating', async () => {
      const bad = await call(agent, 'POST', `/api/v1/desk/requests/${requestId}/confirm`, { rating: 6 });
      expect(bad.statusCode).toBe(400);
      expect(
        (
          await call(agent, 'POST', `/api/v1/desk/requests/${requestId}/confirm`, {
            rating: 5,
            comment: '很及时',
          })
        ).statusCode,
      ).toBe(204);
      const resolved = await detail(agent, requestId);
      expect(resolved).toMatchObject({ status: 'resolved', rating: 5, actions: ['reopen'] });
      const twice = await call(agent, 'POST', `/api/v1/desk/requests/${requestId}/confirm`, { rating: 4 });
      expect(twice.json().error.code).toBe('DESK_REQUEST_STATE');

      expect(
        (
          await call(agent, 'POST', `/api/v1/desk/requests/${requestId}/reopen`, {
            reason: '消防审查的材料清单还不清楚',
          })
        ).statusCode,
      ).toBe(204);
      const reopened = await detail(agent, requestId);
      expect(reopened).toMatchObject({ status: 'reopened', reopenCount: 1, rating: null });
      expect(reopened.events.map((e) => e.kind)).toEqual([
        'filed',
        'accepted',
        'routed',
        'part_answered',
        'part_answered',
        'answered',
        'resolved',
        'rated',
        'reopened',
      ]);
      expect(reopened.events.find((e) => e.kind === 'rated')!.rating).toBe(5);
      // The same office may be asked again in the new round.
      expect(
        (
          await call(manager, 'POST', `/api/v1/desk/requests/${requestId}/route`, {
            offices: [{ officeId: fireHongkou, instructions: '请列明材料清单' }],
          })
        ).statusCode,
      ).toBe(204);
      const parts = (await detail(manager, requestId)).parts;
      expect(parts).toHaveLength(3);
      const newPart = parts.find((p) => p.status === 'open')!.id;
      expect(
        (
          await call(fire, 'POST', `/api/v1/desk/request-parts/${newPart}/answer`, {
            answer: '材料：设计图纸、承诺书。',
          })
        ).statusCode,
      ).toBe(204);
      expect(
        (await call(agent, 'POST', `/api/v1/desk/requests/${requestId}/confirm`, { rating: 4 })).statusCode,
      ).toBe(204);
      const audit = await db()
        .selectFrom('auditLog')
        .select('action')
        .where('objectId', '=', requestId)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'desk.request.file',
        'desk.request.accept',
        'desk.request.route',
        'desk.request.part.answer',
        'desk.request.part.answer',
        'desk.request.confirm',
        'desk.request.reopen',
        'desk.request.route',
        'desk.request.part.answer',
        'desk.request.confirm',
      ]);
    });

    it("the manager's desk and the head's list it; the filer's list shows it", async () => {
      const mine = await call(agent, 'GET', '/api/v1/desk/requests');
      expect(mine.json().items.map((r: { id: string }) => r.id)).toContain(requestId);
      const desk = await call(head, 'GET', '/api/v1/desk/manager/requests?includeClosed=true');
      expect(desk.json().items.map((r: { id: string }) => r.id)).toContain(requestId);
      const pudong = await call(pudongManager, 'GET', '/api/v1/desk/manager/requests?includeClosed=true');
      expect(pudong.json().items).toEqual([]);
    });
  });

  describe('a resident’s own request', () => {
    it('goes to the district’s managers; the first to accept handles it', async () => {
      const response = await call(resident, 'POST', '/api/v1/desk/requests', {
        category: 'dispute',
        title: '小区底商噪音扰民',
        description: '晚上十点后仍有施工噪音。',
      });
      expect(response.statusCode, response.body).toBe(201);
      const { id } = response.json() as { id: string };
      expect((await call(pudongManager, 'GET', `/api/v1/desk/requests/${id}`)).statusCode).toBe(404);
      expect(
        (
          await call(manager, 'POST', `/api/v1/desk/requests/${id}/answer`, {
            answer: '已联系街道城管中队处理。',
          })
        ).statusCode,
      ).toBe(204);
      const seen = await detail(resident, id);
      expect(seen).toMatchObject({ status: 'answered', viewer: 'filer' });
      // A staff read of a resident's request is audited.
      const reads = await db()
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'desk.request.read')
        .where('objectId', '=', id)
        .execute();
      expect(reads.length).toBe(0);
      await detail(manager, id);
      expect(
        (
          await db()
            .selectFrom('auditLog')
            .select('action')
            .where('action', '=', 'desk.request.read')
            .where('objectId', '=', id)
            .execute()
        ).length,
      ).toBe(1);
    });
  });

  describe('targets and timers', () => {
    it('reminds, then escalates to the head once when the first response is missed', async () => {
      const { id } = await file(agent, {
        category: 'financing',
        title: '贷款贴息',
        description: '申请贴息政策咨询',
      });
      const jobs = (
        await db().selectFrom('jobs').selectAll().where('queue', '=', REQUEST_TIMER_QUEUE).execute()
      ).filter((j) => (JSON.parse(j.payload) as RequestTimerPayload).requestId === id);
      const unread = async (session: TestSession) =>
        (await call(session, 'GET', '/api/v1/me/notifications/unread-count')).json().unreadCount as number;
      const headBefore = await unread(head);
      await db()
        .updateTable('jobs')
        .set({ runAt: new Date(Date.now() - 60_000).toISOString() })
        .where(
          'id',
          'in',
          jobs.filter((j) => JSON.parse(j.payload).target === 'first_response').map((j) => j.id),
        )
        .execute();
      await t.runtime.deps.jobs.drain();
      await t.runtime.deps.jobs.drain();
      const row = await db()
        .selectFrom('deskRequests')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.firstResponseRemindedAt).not.toBeNull();
      expect(row.firstResponseEscalatedAt).not.toBeNull();
      expect(row.resolutionEscalatedAt).toBeNull();
      expect(await unread(head)).toBe(headBefore + 1);
      // A duplicated job changes nothing.
      const payload: RequestTimerPayload = {
        requestId: id,
        target: 'first_response',
        kind: 'overdue',
        dueAt: row.firstResponseDueAt,
      };
      expect(await runRequestTimer(t.runtime.deps, payload)).toBe('skipped');
      expect(await unread(head)).toBe(headBefore + 1);
      const internal = await detail(manager, id);
      expect(internal.events.map((e) => e.kind)).toEqual(['filed', 'reminded', 'escalated']);
      // The filer does not see the desk's internal reminders and escalations.
      expect((await detail(agent, id)).events.map((e) => e.kind)).toEqual(['filed']);
    });

    it('a met target or a moved one makes its timers no-ops', async () => {
      const { id } = await file(agent, { category: 'hiring', title: '招聘', description: '招聘厨师' });
      expect(
        (
          await call(manager, 'POST', `/api/v1/desk/requests/${id}/answer`, {
            answer: '已推荐人社局招聘会。',
          })
        ).statusCode,
      ).toBe(204);
      const row = await db()
        .selectFrom('deskRequests')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      for (const payload of [
        { requestId: id, target: 'first_response', kind: 'overdue', dueAt: row.firstResponseDueAt },
        { requestId: id, target: 'resolution', kind: 'overdue', dueAt: row.resolutionDueAt },
      ] as RequestTimerPayload[])
        expect(await runRequestTimer(t.runtime.deps, payload)).toBe('skipped');
      expect(
        (await call(agent, 'POST', `/api/v1/desk/requests/${id}/reopen`, { reason: '仍未招到' })).statusCode,
      ).toBe(204);
      const after = await db()
        .selectFrom('deskRequests')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const stale: RequestTimerPayload = {
        requestId: id,
        target: 'resolution',
        kind: 'overdue',
        dueAt: '2000-01-01T00:00:00.000Z',
      };
      expect(await runRequestTimer(t.runtime.deps, stale)).toBe('skipped');
      const current: RequestTimerPayload = {
        requestId: id,
        target: 'resolution',
        kind: 'overdue',
        dueAt: after.resolutionDueAt,
      };
      expect(await runRequestTimer(t.runtime.deps, current)).toBe('fired');
      expect(await runRequestTimer(t.runtime.deps, current)).toBe('skipped');
    });
  });

  describe('figures', () => {
    it('per manager: filed, first response, resolution, on-time rate and satisfaction', async () => {
      const rows = await requestMetrics(db(), { from: '2000-01-01', to: '2100-01-01', groupBy: 'manager' });
      const managerId = (
        await db()
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'demo-manager')
          .executeTakeFirstOrThrow()
      ).id;
      const mine = rows.find((r) => r.key === managerId)!;
      expect(mine).toMatchObject({
        label: '冯俊杰（店小二）',
        filed: 5,
        rated: 1,
        satisfactionAvg: 4,
        resolved: 1,
        reopened: 2,
      });
      expect(mine.firstResponseHoursAvg).toBeGreaterThanOrEqual(0);
      expect(mine.onTimeRate).toBeGreaterThan(0);
      const districts = await requestMetrics(db(), {
        from: '2000-01-01',
        to: '2100-01-01',
        groupBy: 'district',
      });
      expect(districts.map((d) => [d.key, d.filed])).toEqual([['310109', 5]]);
    });
  });
});
