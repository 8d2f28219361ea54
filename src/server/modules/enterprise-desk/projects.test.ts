import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { fileService } from '../../../../test/support/applications.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { flagLateMilestones, LATE_MILESTONES_QUEUE } from './projects.lateness.ts';
import { apiOf, enterpriseIdNamed, otherManager, type Api } from './rooms.test-support.ts';

const DEMO_PROJECT = '虹通中央厨房新建项目（演示）';

// Project landing: milestones with planned and actual dates, applications linked with their live
// status, the timeline's states, and late milestones flagged to the manager once per lateness.
describeEachDialect('desk projects', (dialect) => {
  let t: TestApp;
  let api: Api;
  let canteenId: string;
  let manager: TestSession;
  let agent: TestSession;
  let head: TestSession;
  let contractor: TestSession;
  let stranger: TestSession;
  let wrongManager: TestSession;
  let demoProjectId: string;
  let projectId: string;

  const db = () => t.runtime.deps.database.db;
  const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));
  const lateNotices = async () =>
    db()
      .selectFrom('notifications')
      .select(['userId', 'titleZh', 'objectId'])
      .where('kind', '=', 'desk.project.milestone_late')
      .execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    api = apiOf(t);
    canteenId = await enterpriseIdNamed(t);
    manager = await loginAs(t.app, 'demo-manager');
    agent = await loginAs(t.app, 'demo-enterprise');
    head = await loginAs(t.app, 'demo-desk-head');
    contractor = await loginAs(t.app, 'demo-contractor');
    stranger = await loginAs(t.app, 'demo-resident');
    wrongManager = await otherManager(t);
    demoProjectId = (
      await db()
        .selectFrom('deskProjects')
        .select('id')
        .where('name', '=', DEMO_PROJECT)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  describe('the demo project', () => {
    it('shows plan against actual for the enterprise, its manager and the head', async () => {
      for (const session of [agent, manager, head]) {
        const seen = await api.call(session, 'GET', `/api/v1/desk/projects/${demoProjectId}`);
        expect(seen.status, session.username).toBe(200);
        expect(seen.body.milestones.map((m: { kind: string; state: string }) => [m.kind, m.state])).toEqual([
          ['land', 'done'],
          ['planning_permit', 'done_late'],
          ['construction_permit', 'late'],
          ['fire_inspection', 'pending'],
          ['completion_acceptance', 'pending'],
          ['opening', 'pending'],
        ]);
        expect(seen.body.milestones[2].daysLate).toBe(10);
        expect(seen.body.roomId).not.toBeNull();
      }
      const listed = await api.call(agent, 'GET', '/api/v1/desk/projects');
      expect(listed.body.items).toEqual([
        expect.objectContaining({ name: DEMO_PROJECT, lateCount: 1, doneCount: 2, milestoneCount: 6 }),
      ]);
      expect((await api.call(manager, 'GET', '/api/v1/desk/projects')).body.items).toHaveLength(1);
      expect((await api.call(head, 'GET', '/api/v1/desk/projects')).body.items).toHaveLength(1);
    });

    it('is refused to everyone else, the room contractor included', async () => {
      for (const session of [stranger, wrongManager, contractor]) {
        const refused = await api.call(session, 'GET', `/api/v1/desk/projects/${demoProjectId}`);
        expect([session.username, refused.status, refused.code]).toEqual([
          session.username,
          404,
          'DESK_PROJECT_NOT_FOUND',
        ]);
        expect((await api.call(session, 'GET', '/api/v1/desk/projects')).body.items).toEqual([]);
      }
      expect((await api.call(undefined, 'GET', '/api/v1/desk/projects')).status).toBe(401);
      const clerk = await loginAs(t.app, 'demo-clerk');
      expect((await api.call(clerk, 'GET', '/api/v1/desk/projects')).status).toBe(403);
    });
  });

  describe('opening and keeping a project', () => {
    it("the enterprise's manager opens a project with its planned milestones", async () => {
      const url = `/api/v1/desk/enterprises/${canteenId}/projects`;
      const body = {
        name: '北外滩门店开业',
        description: '新开一家旗舰门店',
        siteAddress: '上海市虹口区东大名路 1000 号',
        milestones: [
          { kind: 'land', plannedDate: day(-30) },
          { kind: 'fire_inspection', plannedDate: day(-2) },
          { kind: 'opening', plannedDate: day(20) },
        ],
      };
      expect((await api.call(wrongManager, 'POST', url, body)).code).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect((await api.call(agent, 'POST', url, body)).status).toBe(403);
      expect((await api.call(head, 'POST', url, body)).status).toBe(403);
      const twice = await api.call(manager, 'POST', url, {
        ...body,
        milestones: [...body.milestones, { kind: 'land', plannedDate: day(1) }],
      });
      expect(twice.status).toBe(400);
      const created = await api.call(manager, 'POST', url, body);
      expect(created.status).toBe(201);
      expect(created.body.milestones.map((m: { state: string }) => m.state)).toEqual([
        'late',
        'late',
        'pending',
      ]);
      projectId = created.body.id;
    });

    it('members and the manager record actual dates, never in the future; the head only looks', async () => {
      const project = await api.call(agent, 'GET', `/api/v1/desk/projects/${projectId}`);
      const land = project.body.milestones[0];
      const url = `/api/v1/desk/projects/${projectId}/milestones/${land.id}`;
      expect((await api.call(agent, 'PATCH', url, { actualDate: day(3) })).code).toBe(
        'DESK_MILESTONE_DATE_INVALID',
      );
      const done = await api.call(agent, 'PATCH', url, { actualDate: day(-28), note: '租赁合同已签' });
      expect(done.body.milestones[0]).toMatchObject({
        state: 'done_late',
        daysLate: 2,
        note: '租赁合同已签',
      });
      expect((await api.call(head, 'PATCH', url, { note: 'x' })).status).toBe(403);
      expect((await api.call(stranger, 'PATCH', url, { note: 'x' })).code).toBe('DESK_PROJECT_NOT_FOUND');
      expect((await api.call(wrongManager, 'PATCH', url, { note: 'x' })).code).toBe('DESK_PROJECT_NOT_FOUND');
      const other = `/api/v1/desk/projects/${demoProjectId}/milestones/${land.id}`;
      expect((await api.call(agent, 'PATCH', other, { note: 'x' })).code).toBe('DESK_MILESTONE_NOT_FOUND');
    });

    it("links the enterprise's applications by receipt number and shows their live status", async () => {
      const project = await api.call(manager, 'GET', `/api/v1/desk/projects/${projectId}`);
      const fire = project.body.milestones[1];
      const url = `/api/v1/desk/projects/${projectId}/milestones/${fire.id}/applications`;
      const filed = await fileService(t.app, agent, 'SAMR-0010', {
        enterpriseId: canteenId,
        delivery: { method: 'online' },
      });
      const ownFiling = await fileService(t.app, stranger, 'SAMR-0002');
      expect((await api.call(manager, 'POST', url, { reference: ownFiling.receiptNo })).code).toBe(
        'DESK_APPLICATION_NOT_FOUND',
      );
      const linked = await api.call(manager, 'POST', url, { reference: filed.receiptNo });
      expect(linked.status).toBe(201);
      expect(linked.body.milestones[1].applications).toEqual([
        expect.objectContaining({ id: filed.id, receiptNo: filed.receiptNo, status: 'in_progress' }),
      ]);
      expect((await api.call(agent, 'POST', url, { reference: filed.id })).code).toBe(
        'DESK_APPLICATION_ALREADY_LINKED',
      );
      expect((await api.call(stranger, 'POST', url, { reference: filed.id })).code).toBe(
        'DESK_PROJECT_NOT_FOUND',
      );

      // The status is read live: decided in the applications module, shown decided here.
      await db()
        .updateTable('applications')
        .set({ status: 'approved', finishedAt: new Date().toISOString() })
        .where('id', '=', filed.id)
        .execute();
      const after = await api.call(agent, 'GET', `/api/v1/desk/projects/${projectId}`);
      expect(after.body.milestones[1].applications[0]).toMatchObject({
        status: 'approved',
        finishedAt: expect.any(String),
      });

      const linkUrl = `${url}/${after.body.milestones[1].applications[0].linkId}`;
      expect((await api.call(stranger, 'DELETE', linkUrl)).code).toBe('DESK_PROJECT_NOT_FOUND');
      expect((await api.call(agent, 'DELETE', linkUrl)).status).toBe(204);
      expect((await api.call(agent, 'DELETE', linkUrl)).code).toBe('DESK_APPLICATION_LINK_NOT_FOUND');
    });

    it('opens one room for the project (its manager only)', async () => {
      const url = `/api/v1/desk/projects/${projectId}/room`;
      expect((await api.call(wrongManager, 'POST', url, {})).code).toBe('DESK_PROJECT_NOT_FOUND');
      expect((await api.call(agent, 'POST', url, {})).status).toBe(403);
      const opened = await api.call(manager, 'POST', url, {});
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({ title: '北外滩门店开业', projectId, myRole: 'owner' });
      expect((await api.call(manager, 'POST', url, {})).code).toBe('DESK_PROJECT_HAS_ROOM');
      expect((await api.call(manager, 'GET', `/api/v1/desk/projects/${projectId}`)).body.roomId).toBe(
        opened.body.id,
      );
      expect((await api.call(manager, 'POST', `/api/v1/desk/projects/${demoProjectId}/room`, {})).code).toBe(
        'DESK_PROJECT_HAS_ROOM',
      );
    });
  });

  describe('late milestones', () => {
    it('are flagged to the manager once per lateness, by the durable job', async () => {
      const { jobs } = t.runtime.deps;
      const managerId = (
        await db()
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'demo-manager')
          .executeTakeFirstOrThrow()
      ).id;
      // The morning check, due now.
      await jobs.enqueue(LATE_MILESTONES_QUEUE, {}, { dedupeKey: 'test-late-check-1' });
      await jobs.drain();
      const first = await lateNotices();
      // Late and not reached: the demo project's construction permit, this project's fire inspection.
      expect(first.map((n) => n.titleZh).sort()).toEqual([
        '项目节点逾期：北外滩门店开业 · 消防验收',
        '项目节点逾期：虹通中央厨房新建项目（演示） · 施工许可',
      ]);
      expect(first.every((n) => n.userId === managerId)).toBe(true);

      await jobs.enqueue(LATE_MILESTONES_QUEUE, {}, { dedupeKey: 'test-late-check-2' });
      await jobs.drain();
      expect(await flagLateMilestones(db(), jobs, day(0))).toBe(0);
      expect(await lateNotices()).toHaveLength(2);

      // Re-planned and late again: a new lateness, flagged once more.
      const project = await api.call(manager, 'GET', `/api/v1/desk/projects/${projectId}`);
      const fire = project.body.milestones[1];
      expect(fire.lateFlagged).toBe(true);
      await api.call(manager, 'PATCH', `/api/v1/desk/projects/${projectId}/milestones/${fire.id}`, {
        plannedDate: day(-1),
      });
      expect(await flagLateMilestones(db(), jobs, day(0))).toBe(1);
      expect(await flagLateMilestones(db(), jobs, day(0))).toBe(0);
      expect(await lateNotices()).toHaveLength(3);
    });
  });
});
