import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPopulation } from '../../../../demo/population.ts';
import { makeIdNumber } from '../../../contracts/id-number.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import {
  actOnOnlyTask,
  applicationOf,
  loginEach,
  openTasksOf,
  serviceByCode,
} from '../../../../test/support/applications.ts';
import { sampleFormData } from '../../../../test/support/form-samples.ts';

describeEachDialect('counter filing and drafts', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let resident2: TestSession;
  let clerk: TestSession;
  let reviewer: TestSession;
  const population = demoPopulation();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    [resident, resident2, clerk, reviewer] = await loginEach(t.app, [
      'demo-resident',
      'demo-resident2',
      'demo-clerk',
      'demo-reviewer',
    ] as const);
  });
  afterAll(() => t.close());

  const counterFile = async (
    session: TestSession,
    body: Record<string, unknown>,
    key = crypto.randomUUID(),
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/counter/applications',
      headers: { ...session.headers, 'idempotency-key': key },
      payload: body,
    });

  describe('帮办代办 at the counter (全市通办)', () => {
    it('files for a resident of another district who is present; both offices see the file', async () => {
      const service = await serviceByCode(t.app, 'SAMR-0002');
      const response = await counterFile(clerk, {
        serviceId: service.id,
        applicantIdNumber: population.idNumbers.lisi,
        data: sampleFormData(service.definition.form.schema),
        confirmation: { method: 'signature', reference: 'PAD-20261124-0042' },
      });
      expect(response.statusCode, response.body).toBe(201);
      const receipt = response.json() as { id: string };

      // Accepted at the counter's office (虹口), reviewed at the competent one (普陀, where 李四 lives).
      await actOnOnlyTask(t.app, clerk, receipt.id, { action: 'accept' });
      const page = await applicationOf(t.app, resident2, receipt.id);
      expect(page.tasks.map((task) => task.office.nameZh)).toEqual(['虹口区市场监管局', '普陀区市场监管局']);
      expect(await openTasksOf(t.app, reviewer, receipt.id)).toEqual([]);
      const clerkView = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workbench/applications/${receipt.id}`,
        headers: clerk.headers,
      });
      expect(clerkView.statusCode).toBe(200);
      expect(clerkView.json().channel).toBe('counter');
      expect(clerkView.json().metrics.tripsNeeded).toBe(1);

      // The resident sees it as theirs, and someone else doesn't.
      const stranger = await t.app.inject({
        method: 'GET',
        url: `/api/v1/applications/${receipt.id}`,
        headers: resident.headers,
      });
      expect(stranger.statusCode).toBe(404);
    });

    it('needs the resident’s confirmation and a known ID number; residents and reviewers may not use it', async () => {
      const service = await serviceByCode(t.app, 'SAMR-0002');
      const body = {
        serviceId: service.id,
        applicantIdNumber: population.idNumbers.lisi,
        data: sampleFormData(service.definition.form.schema),
        confirmation: { method: 'sms_code', reference: '482913' },
      };
      const { confirmation: _omitted, ...withoutConfirmation } = body;
      expect((await counterFile(clerk, withoutConfirmation)).statusCode).toBe(400);
      expect((await counterFile(resident, body)).statusCode).toBe(403);
      expect((await counterFile(reviewer, body)).statusCode).toBe(403);
      const unknown = await counterFile(clerk, {
        ...body,
        applicantIdNumber: makeIdNumber('110101', '19900307', 757),
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('drafts', () => {
    it('saves, resumes on another device, refuses a stale save, and is gone after submitting', async () => {
      const laptop = resident;
      const phone = await loginAs(t.app, 'demo-resident');
      const put = (session: TestSession, body: Record<string, unknown>) =>
        t.app.inject({
          method: 'PUT',
          url: '/api/v1/drafts/SAMR-0002',
          headers: session.headers,
          payload: body,
        });
      const first = await put(laptop, { data: { tradeName: '张记小吃' }, version: 0 });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().version).toBe(1);

      const resumed = await t.app.inject({
        method: 'GET',
        url: '/api/v1/drafts/SAMR-0002',
        headers: phone.headers,
      });
      expect(resumed.json().data).toEqual({ tradeName: '张记小吃' });
      expect((await put(phone, { data: { tradeName: '张记面馆' }, version: 1 })).json().version).toBe(2);
      const stale = await put(laptop, { data: { tradeName: '旧的' }, version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('DRAFT_CHANGED');

      const others = await t.app.inject({
        method: 'GET',
        url: '/api/v1/drafts/SAMR-0002',
        headers: resident2.headers,
      });
      expect(others.statusCode).toBe(404);

      const service = await serviceByCode(t.app, 'SAMR-0002');
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...laptop.headers, 'idempotency-key': crypto.randomUUID() },
        payload: { serviceId: service.id, data: sampleFormData(service.definition.form.schema) },
      });
      expect(submitted.statusCode).toBe(201);
      const gone = await t.app.inject({
        method: 'GET',
        url: '/api/v1/drafts/SAMR-0002',
        headers: laptop.headers,
      });
      expect(gone.statusCode).toBe(404);
    });

    it('keeps a draft for an enterprise apart, and only for its representatives', async () => {
      const agent = await loginAs(t.app, 'demo-enterprise');
      const me = (
        await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: agent.headers })
      ).json() as {
        enterprises: { id: string }[];
      };
      const enterpriseId = me.enterprises[0]!.id;
      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/drafts/SAMR-0010',
        headers: agent.headers,
        payload: { enterpriseId, data: { enterpriseName: '虹通餐饮' } },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().enterpriseId).toBe(enterpriseId);
      const outsider = await t.app.inject({
        method: 'GET',
        url: `/api/v1/drafts/SAMR-0010?enterpriseId=${enterpriseId}`,
        headers: resident.headers,
      });
      expect(outsider.statusCode).toBe(403);
    });
  });
});
