import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { apiOf, enterpriseIdNamed, otherManager, type Api } from './rooms.test-support.ts';

// 无事不扰: the district's cap and the enterprise's quiet periods make planning a visit warn
// (computed on the server); the manager goes ahead only with a reason, which is recorded.
describeEachDialect('desk visits', (dialect) => {
  let t: TestApp;
  let api: Api;
  let enterpriseId: string;
  let manager: TestSession;
  let agent: TestSession;
  let officeAdmin: TestSession;
  let stranger: TestSession;
  let clerk: TestSession;
  let wrongManager: TestSession;
  let head: TestSession;

  // Shanghai 10:00 on a day of March 2030.
  const march = (day: number) => `2030-03-${String(day).padStart(2, '0')}T02:00:00.000Z`;
  const visitsUrl = () => `/api/v1/desk/enterprises/${enterpriseId}/visits`;
  const plan = (session: TestSession, day: number, extra: Record<string, unknown> = {}) =>
    api.call(session, 'POST', visitsUrl(), {
      scheduledAt: march(day),
      purpose: '了解扩产用地需求',
      participants: '冯俊杰；企业行政负责人',
      ...extra,
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    api = apiOf(t);
    enterpriseId = await enterpriseIdNamed(t);
    manager = await loginAs(t.app, 'demo-manager');
    agent = await loginAs(t.app, 'demo-enterprise');
    officeAdmin = await loginAs(t.app, 'demo-office-admin');
    stranger = await loginAs(t.app, 'demo-resident');
    clerk = await loginAs(t.app, 'demo-clerk');
    head = await loginAs(t.app, 'demo-desk-head');
    wrongManager = await otherManager(t);
  });
  afterAll(() => t.close());

  describe('district caps', () => {
    it('an office admin sets the cap of their own district, and no other', async () => {
      const set = await api.call(officeAdmin, 'PUT', '/api/v1/desk/visit-caps/310109', {
        maxVisits: 2,
        period: 'month',
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ districtCode: '310109', maxVisits: 2, period: 'month' });
      const other = await api.call(officeAdmin, 'PUT', '/api/v1/desk/visit-caps/310115', {
        maxVisits: 9,
        period: 'month',
      });
      expect([other.status, other.code]).toEqual([404, 'DESK_DISTRICT_NOT_FOUND']);
      const byManager = await api.call(manager, 'PUT', '/api/v1/desk/visit-caps/310109', {
        maxVisits: 9,
        period: 'month',
      });
      expect([byManager.status, byManager.code]).toEqual([403, 'AUTH_FORBIDDEN']);
      const listed = await api.call(manager, 'GET', '/api/v1/desk/visit-caps');
      expect(listed.body.items).toEqual([expect.objectContaining({ districtCode: '310109', maxVisits: 2 })]);
      expect((await api.call(agent, 'GET', '/api/v1/desk/visit-caps')).status).toBe(403);
      const audit = await t.runtime.deps.database.db
        .selectFrom('auditLog')
        .select('details')
        .where('action', '=', 'desk.visit_cap.set')
        .execute();
      expect(audit).toHaveLength(1);
    });
  });

  describe('quiet periods', () => {
    it('the enterprise sets its quiet periods; others may not', async () => {
      const url = `/api/v1/desk/enterprises/${enterpriseId}/quiet-periods`;
      const added = await api.call(agent, 'POST', url, {
        kind: 'monthly',
        dayFrom: 1,
        dayTo: 5,
        label: '季末结账',
      });
      expect(added.status).toBe(201);
      const range = await api.call(agent, 'POST', url, {
        kind: 'range',
        startDate: '2030-03-20',
        endDate: '2030-03-22',
        label: '年度审计',
      });
      expect(range.status).toBe(201);
      const backwards = await api.call(agent, 'POST', url, {
        kind: 'monthly',
        dayFrom: 9,
        dayTo: 3,
        label: 'x',
      });
      expect([backwards.status, backwards.code]).toEqual([422, 'DESK_QUIET_PERIOD_INVALID']);
      const tooLong = await api.call(agent, 'POST', url, {
        kind: 'range',
        startDate: '2030-01-01',
        endDate: '2030-12-31',
        label: 'x',
      });
      expect(tooLong.code).toBe('DESK_QUIET_PERIOD_INVALID');

      expect(
        (await api.call(stranger, 'POST', url, { kind: 'monthly', dayFrom: 1, dayTo: 2, label: 'x' })).code,
      ).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect(
        (await api.call(manager, 'POST', url, { kind: 'monthly', dayFrom: 1, dayTo: 2, label: 'x' })).status,
      ).toBe(403);
      const seenByManager = await api.call(manager, 'GET', url);
      expect(seenByManager.body.items.map((q: { label: string }) => q.label)).toEqual([
        '季末结账',
        '年度审计',
      ]);
      expect((await api.call(stranger, 'GET', url)).code).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect((await api.call(wrongManager, 'GET', url)).code).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect((await api.call(clerk, 'GET', url)).code).toBe('AUTH_FORBIDDEN');

      const removable = await api.call(agent, 'POST', url, {
        kind: 'monthly',
        dayFrom: 28,
        dayTo: 31,
        label: '临时',
      });
      const removeUrl = `${url}/${removable.body.id}`;
      expect((await api.call(stranger, 'DELETE', removeUrl)).code).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect((await api.call(agent, 'DELETE', removeUrl)).status).toBe(204);
      expect((await api.call(agent, 'DELETE', removeUrl)).code).toBe('DESK_QUIET_PERIOD_NOT_FOUND');
    });
  });

  describe('planning visits', () => {
    it('warns before a visit in a quiet period and records the reason given', async () => {
      const check = await api.call(manager, 'POST', `${visitsUrl()}/check`, { scheduledAt: march(3) });
      expect(check.status).toBe(200);
      expect(check.body.visitDate).toBe('2030-03-03');
      expect(check.body.warnings).toEqual([
        expect.objectContaining({ code: 'quiet_period', label: '季末结账', dayFrom: 1, dayTo: 5 }),
      ]);
      const refused = await plan(manager, 3);
      expect([refused.status, refused.code]).toEqual([409, 'DESK_VISIT_NEEDS_REASON']);
      expect(refused.body.error.details.warnings[0]).toMatchObject({ code: 'quiet_period' });
      const blank = await plan(manager, 3, { overrideReason: '   ' });
      expect(blank.code).toBe('DESK_VISIT_NEEDS_REASON');
      const planned = await plan(manager, 3, { overrideReason: '企业主动邀请，现场核查消防整改' });
      expect(planned.status).toBe(201);
      expect(planned.body).toMatchObject({
        status: 'planned',
        visitDate: '2030-03-03',
        overrideReason: '企业主动邀请，现场核查消防整改',
        warnings: [expect.objectContaining({ code: 'quiet_period' })],
      });
      const audit = await t.runtime.deps.database.db
        .selectFrom('auditLog')
        .select('details')
        .where('action', '=', 'desk.visit.plan')
        .where('objectId', '=', planned.body.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details!)).toMatchObject({ overrideReason: '企业主动邀请，现场核查消防整改' });
    });

    it('warns before a visit over the cap; cancelled visits do not count', async () => {
      // The visit of 3 March already counts: one more fits under the cap of two a month.
      const second = await plan(manager, 10);
      expect(second.status).toBe(201);
      expect(second.body.warnings).toEqual([]);
      expect(second.body.overrideReason).toBeNull();
      const check = await api.call(manager, 'POST', `${visitsUrl()}/check`, { scheduledAt: march(12) });
      expect(check.body.warnings).toEqual([
        {
          code: 'visit_cap',
          maxVisits: 2,
          period: 'month',
          periodStart: '2030-03-01',
          periodEnd: '2030-03-31',
          visitsInPeriod: 2,
        },
      ]);
      const refused = await plan(manager, 12);
      expect(refused.code).toBe('DESK_VISIT_NEEDS_REASON');
      expect(refused.body.error.details.warnings).toEqual([expect.objectContaining({ code: 'visit_cap' })]);
      // A day that is both over the cap and in a quiet range: both reasons.
      const both = await api.call(manager, 'POST', `${visitsUrl()}/check`, { scheduledAt: march(21) });
      expect(both.body.warnings.map((w: { code: string }) => w.code)).toEqual(['visit_cap', 'quiet_period']);

      const cancelled = await api.call(manager, 'PATCH', `/api/v1/desk/visits/${second.body.id}`, {
        status: 'cancelled',
      });
      expect(cancelled.body.status).toBe('cancelled');
      expect(
        (await api.call(manager, 'POST', `${visitsUrl()}/check`, { scheduledAt: march(12) })).body.warnings,
      ).toEqual([]);
      // Another month is another period.
      expect(
        (await api.call(manager, 'POST', `${visitsUrl()}/check`, { scheduledAt: '2030-04-12T02:00:00Z' }))
          .body.warnings,
      ).toEqual([]);
    });

    it('logs a visit that took place with its outcome; closing needs an outcome and a past time', async () => {
      const past = new Date(Date.now() - 3 * 86_400_000).toISOString();
      const logged = await api.call(manager, 'POST', visitsUrl(), {
        scheduledAt: past,
        purpose: '回访诉求办理情况',
        participants: '冯俊杰；王芳',
        outcome: '企业对办理结果满意',
      });
      expect(logged.status).toBe(201);
      expect(logged.body).toMatchObject({ status: 'done', outcome: '企业对办理结果满意' });
      const futureOutcome = await api.call(manager, 'POST', visitsUrl(), {
        scheduledAt: march(14),
        purpose: 'x',
        participants: 'y',
        outcome: '提前写好的结果',
      });
      expect(futureOutcome.code).toBe('DESK_VISIT_IN_FUTURE');

      const planned = await plan(manager, 11);
      const url = `/api/v1/desk/visits/${planned.body.id}`;
      expect((await api.call(manager, 'PATCH', url, { status: 'done' })).code).toBe(
        'DESK_VISIT_OUTCOME_REQUIRED',
      );
      expect((await api.call(manager, 'PATCH', url, { status: 'done', outcome: '好' })).code).toBe(
        'DESK_VISIT_IN_FUTURE',
      );
      expect((await api.call(wrongManager, 'PATCH', url, { status: 'cancelled' })).code).toBe(
        'DESK_VISIT_NOT_FOUND',
      );
      expect((await api.call(agent, 'PATCH', url, { status: 'cancelled' })).status).toBe(403);
      expect((await api.call(manager, 'PATCH', url, { status: 'cancelled' })).status).toBe(200);
      expect((await api.call(manager, 'PATCH', url, { status: 'cancelled' })).code).toBe('DESK_VISIT_CLOSED');
    });

    it('only the enterprise manager plans; the head looks but does not plan', async () => {
      expect((await plan(wrongManager, 16)).code).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect((await plan(head, 16)).status).toBe(403);
      expect((await plan(agent, 16)).status).toBe(403);
      const check = await api.call(wrongManager, 'POST', `${visitsUrl()}/check`, { scheduledAt: march(16) });
      expect(check.code).toBe('DESK_ENTERPRISE_NOT_FOUND');
    });
  });

  describe('who sees the visits', () => {
    it('the enterprise sees its visits with the cap; its manager sees them too, nobody else', async () => {
      const own = await api.call(agent, 'GET', visitsUrl());
      expect(own.status).toBe(200);
      expect(own.body.cap).toEqual({ maxVisits: 2, period: 'month' });
      expect(own.body.items.length).toBeGreaterThanOrEqual(4);
      expect(own.body.items[0]).toMatchObject({ managerName: '冯俊杰（店小二）' });
      expect((await api.call(head, 'GET', visitsUrl())).status).toBe(200);
      expect((await api.call(stranger, 'GET', visitsUrl())).code).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect((await api.call(wrongManager, 'GET', visitsUrl())).code).toBe('DESK_ENTERPRISE_NOT_FOUND');
      expect((await api.call(undefined, 'GET', visitsUrl())).status).toBe(401);

      const mine = await api.call(manager, 'GET', '/api/v1/desk/visits');
      expect(mine.body.items.length).toBe(own.body.items.length);
      expect((await api.call(wrongManager, 'GET', '/api/v1/desk/visits')).body.items).toEqual([]);
      expect((await api.call(agent, 'GET', '/api/v1/desk/visits')).status).toBe(403);
    });
  });
});
