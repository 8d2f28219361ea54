import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { actOnOnlyTask, applicationOf, fileService } from '../../../../test/support/applications.ts';
import { startRuntime } from '../../runtime.ts';
import { TASK_TIMER_QUEUE } from './workflow-effects.ts';

/** 10:00 in Shanghai on a date. */
const shanghaiMorning = (date: string) => new Date(`${date}T10:00:00+08:00`);

describeEachDialect('application deadlines and timers', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let clerk: TestSession;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    resident = await loginAs(t.app, 'demo-resident');
    clerk = await loginAs(t.app, 'demo-clerk');
  });
  afterAll(() => t.close());

  const setNow = (at: Date) => {
    t.runtime.deps.clock.now = () => at;
  };

  describe('promised dates on the working-day calendar', () => {
    it('skips the National Day holidays (2026-10-01 to 10-07)', async () => {
      setNow(shanghaiMorning('2026-09-30'));
      // 个体工商户设立登记 promises 1 working day.
      const receipt = await fileService(t.app, resident, 'SAMR-0002');
      expect(receipt.promisedDate).toBe('2026-10-08');
      const [task] = await t.runtime.deps.database.db
        .selectFrom('applicationTasks')
        .select(['dueDate'])
        .where('applicationId', '=', receipt.id)
        .execute();
      expect(task!.dueDate).toBe('2026-09-30'); // acceptance: its share rounds to the same day
    });

    it('counts the make-up Saturday 2026-10-10 (调休) as a working day', async () => {
      setNow(shanghaiMorning('2026-10-09'));
      const receipt = await fileService(t.app, resident, 'SAMR-0002');
      expect(receipt.promisedDate).toBe('2026-10-10');
    });

    it('moves the deadline by the working days spent waiting for a supplement', async () => {
      setNow(shanghaiMorning('2026-11-02')); // Monday
      const receipt = await fileService(t.app, resident, 'SAMR-0012'); // 3 working days
      expect(receipt.promisedDate).toBe('2026-11-05');
      await actOnOnlyTask(t.app, clerk, receipt.id, {
        action: 'request_supplement',
        items: [{ field: 'menuItems', reason: '请列明经营的主要品种' }],
      });
      setNow(shanghaiMorning('2026-11-06')); // four working days later
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${receipt.id}/supplement`,
        headers: resident.headers,
        payload: { data: { menuItems: '小笼包、馄饨、面条' } },
      });
      expect(response.statusCode, response.body).toBe(200);
      const page = await applicationOf(t.app, resident, receipt.id);
      expect(page.promisedDate).toBe('2026-11-11');
      expect(page.metrics.pausedWorkingDays).toBe(4);
    });
  });

  describe('timers', () => {
    it('escalates an overdue task to the office admin once, across a restart, never twice', async () => {
      // An app of its own: this test stops and restarts the server on the same database.
      const own = await buildTestApp(dialect);
      const ownResident = await loginAs(own.app, 'demo-resident');
      const receipt = await fileService(own.app, ownResident, 'SAMR-0002');
      const tasks = await own.runtime.deps.database.db
        .selectFrom('applicationTasks')
        .selectAll()
        .where('applicationId', '=', receipt.id)
        .execute();
      const jobs = (
        await own.runtime.deps.database.db
          .selectFrom('jobs')
          .selectAll()
          .where('queue', '=', TASK_TIMER_QUEUE)
          .execute()
      ).filter((job) => (JSON.parse(job.payload) as { taskId: string }).taskId === tasks[0]!.id);
      expect(jobs.map((job) => (JSON.parse(job.payload) as { kind: string }).kind)).toContain('overdue');

      // The deadline passes while the server is down.
      await own.runtime.close();
      const runtime = await startRuntime(own.runtime.deps.config, { startJobs: false });
      try {
        const rdb = runtime.deps.database.db;
        await rdb
          .updateTable('jobs')
          .set({ runAt: new Date(Date.now() - 60_000).toISOString() })
          .where(
            'id',
            'in',
            jobs.map((job) => job.id),
          )
          .execute();
        const admin = await loginAs(runtime.app, 'demo-office-admin');
        const unread = async () =>
          (
            await runtime.app.inject({
              method: 'GET',
              url: '/api/v1/me/notifications/unread-count',
              headers: admin.headers,
            })
          ).json().unreadCount as number;
        const unreadBefore = await unread();
        await runtime.deps.jobs.drain();
        await runtime.deps.jobs.drain();
        const task = await rdb
          .selectFrom('applicationTasks')
          .selectAll()
          .where('id', '=', tasks[0]!.id)
          .executeTakeFirstOrThrow();
        expect(task.escalatedAt).not.toBeNull();
        expect(task.remindedAt).not.toBeNull();
        expect(await unread()).toBe(unreadBefore + 1);

        // A duplicate of the same timer changes nothing.
        await runtime.deps.jobs.enqueue(TASK_TIMER_QUEUE, {
          taskId: task.id,
          dueAt: task.dueAt,
          kind: 'overdue',
        });
        await runtime.deps.jobs.drain();
        expect(await unread()).toBe(unreadBefore + 1);
        const escalations = await rdb
          .selectFrom('applicationEvents')
          .select('id')
          .where('applicationId', '=', receipt.id)
          .where('kind', '=', 'task_overdue')
          .execute();
        expect(escalations).toHaveLength(1);
      } finally {
        await runtime.close();
        await own.database.drop();
      }
    });
  });
});
