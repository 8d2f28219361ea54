import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import {
  act,
  actOnOnlyTask,
  applicationOf,
  fileService,
  openTasksOf,
  serviceByCode,
  submit,
  loginEach,
} from '../../../../test/support/applications.ts';
import { sampleFormData } from '../../../../test/support/form-samples.ts';

describeEachDialect('applications', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let resident2: TestSession;
  let clerk: TestSession;
  let reviewer: TestSession;
  let approver: TestSession;
  let clerkPudong: TestSession;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    [resident, resident2, clerk, reviewer, approver, clerkPudong] = await loginEach(t.app, [
      'demo-resident',
      'demo-resident2',
      'demo-clerk',
      'demo-reviewer',
      'demo-approver',
      'demo-clerk-pudong',
    ] as const);
  });
  afterAll(() => t.close());

  const countApplications = async () =>
    Number(
      (
        await t.runtime.deps.database.db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('submitting', () => {
    it('gives a readable receipt number and a promised date on the working-day calendar', async () => {
      const receipt = await fileService(t.app, resident, 'SAMR-0002');
      expect(receipt.receiptNo).toMatch(/^SH-\d{8}-\d{6}$/);
      expect(receipt.status).toBe('in_progress');
      expect(receipt.promisedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const page = await applicationOf(t.app, resident, receipt.id);
      expect(page.timeline.map((e) => e.kind)).toEqual(['submitted']);
      expect(page.tasks).toHaveLength(1);
      expect(page.tasks[0]!.office.nameZh).toBe('虹口区市场监管局');
    });

    it('returns the same application for a retried submit, and refuses the key for another body', async () => {
      const service = await serviceByCode(t.app, 'SAMR-0002');
      const body = { serviceId: service.id, data: sampleFormData(service.definition.form.schema) };
      const before = await countApplications();
      const first = await submit(t.app, resident, body, 'retry-key-0001');
      const again = await submit(t.app, resident, body, 'retry-key-0001');
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);
      expect(again.json().receiptNo).toBe(first.json().receiptNo);
      const other = await submit(
        t.app,
        resident,
        { ...body, data: { ...body.data, tradeName: '另一家店' } },
        'retry-key-0001',
      );
      expect(other.statusCode).toBe(422);
      expect(other.json().error.code).toBe('APPLICATION_IDEMPOTENCY_CONFLICT');
      expect(await countApplications()).toBe(before + 1);
    });

    it('files once under concurrent retries of the same submit', async () => {
      const service = await serviceByCode(t.app, 'SAMR-0002');
      const body = { serviceId: service.id, data: sampleFormData(service.definition.form.schema) };
      const before = await countApplications();
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => submit(t.app, resident, body, 'concurrent-key-42')),
      );
      expect(responses.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
      expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
      expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(await countApplications()).toBe(before + 1);
    });

    it('refuses a submit without an Idempotency-Key', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: resident.headers,
        payload: { serviceId: 'SAMR-0002', data: {} },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('APPLICATION_IDEMPOTENCY_KEY_REQUIRED');
    });

    it('says per field what is wrong, in the caller language, and stores nothing', async () => {
      const service = await serviceByCode(t.app, 'SAMR-0002');
      const data = sampleFormData(service.definition.form.schema);
      delete data.operatorName;
      data.mobile = '12345';
      const before = await countApplications();
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: { ...resident.headers, 'idempotency-key': 'bad-data-0001', 'accept-language': 'en' },
        payload: { serviceId: service.id, data },
      });
      expect(response.statusCode).toBe(400);
      const details = response.json().error.details as { path: string; message: string }[];
      expect(details.map((d) => d.path).sort()).toEqual(['/data/mobile', '/data/operatorName']);
      expect(details.find((d) => d.path === '/data/operatorName')!.message).toBe('This field is required');
      expect(await countApplications()).toBe(before);
    });

    it('refuses a resident service filed for an enterprise the caller does not represent', async () => {
      const response = await submit(t.app, resident, {
        serviceId: 'SAMR-0002',
        data: {},
        enterpriseId: '01900000-0000-7000-8000-000000000000',
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('working an application', () => {
    it('goes through acceptance, a supplement, review and decision to a certificate in the wallet', async () => {
      const receipt = await fileService(t.app, resident, 'SAMR-0002');

      // Others learn nothing about it.
      for (const stranger of [resident2, clerkPudong]) {
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/v1/applications/${receipt.id}`,
          headers: stranger.headers,
        });
        expect(response.statusCode).toBe(404);
      }
      expect(await openTasksOf(t.app, clerkPudong, receipt.id)).toEqual([]);
      const [acceptance] = await openTasksOf(t.app, clerk, receipt.id);
      expect(acceptance!.kind).toBe('acceptance');
      const pudongTry = await act(t.app, clerkPudong, acceptance!.id, { action: 'accept' });
      expect(pudongTry.statusCode).toBe(404);
      const reviewerTry = await act(t.app, reviewer, acceptance!.id, { action: 'accept' });
      expect(reviewerTry.statusCode).toBe(403);
      const wrongAction = await act(t.app, clerk, acceptance!.id, { action: 'approve' });
      expect(wrongAction.json().error.code).toBe('TASK_ACTION_NOT_ALLOWED');

      await actOnOnlyTask(t.app, clerk, receipt.id, { action: 'accept' });
      const supplement = await actOnOnlyTask(t.app, reviewer, receipt.id, {
        action: 'request_supplement',
        items: [
          { field: 'businessAddress', reason: '经营场所地址须写到门牌号' },
          { material: '经营场所使用证明', reason: '请上传租赁合同' },
        ],
      });
      expect(supplement.status).toBe('awaiting_supplement');
      let page = await applicationOf(t.app, resident, receipt.id);
      expect(page.supplements).toMatchObject([{ status: 'open', ordinal: 1 }]);
      expect(page.tasks.find((task) => task.status === 'open')!.awaitingSupplement).toBe(true);

      // While waiting, the reviewer can't move on.
      const [waiting] = await openTasksOf(t.app, reviewer, receipt.id);
      expect((await act(t.app, reviewer, waiting!.id, { action: 'pass' })).json().error.code).toBe(
        'TASK_AWAITING_SUPPLEMENT',
      );

      // The applicant may change only the listed fields.
      const sneaky = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${receipt.id}/supplement`,
        headers: resident.headers,
        payload: { data: { businessAddress: '上海市虹口区海宁路358号', tradeName: '改个名' } },
      });
      expect(sneaky.statusCode).toBe(422);
      expect(sneaky.json().error.code).toBe('SUPPLEMENT_FIELD_NOT_REQUESTED');
      const fixed = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${receipt.id}/supplement`,
        headers: resident.headers,
        payload: { data: { businessAddress: '上海市虹口区海宁路358号' } },
      });
      expect(fixed.statusCode).toBe(200);
      expect(fixed.json().status).toBe('in_progress');

      await actOnOnlyTask(t.app, reviewer, receipt.id, { action: 'pass' });
      const decided = await actOnOnlyTask(t.app, approver, receipt.id, { action: 'approve' });
      expect(decided.status).toBe('approved');

      page = await applicationOf(t.app, resident, receipt.id);
      expect(page.data.businessAddress).toBe('上海市虹口区海宁路358号');
      expect(page.timeline.map((e) => e.kind)).toEqual(
        expect.arrayContaining([
          'submitted',
          'accepted',
          'supplement_requested',
          'supplement_answered',
          'reviewed',
          'approved',
          'completed',
          'certificate_issued',
          'finished_approved',
        ]),
      );
      expect(page.metrics.supplementCount).toBe(1);
      expect(page.certificates).toHaveLength(1);
      const wallet = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me/certificates',
        headers: resident.headers,
      });
      expect(JSON.stringify(wallet.json())).toContain(page.certificates[0]!.number);

      const withdraw = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${receipt.id}/withdraw`,
        headers: resident.headers,
        payload: {},
      });
      expect(withdraw.statusCode).toBe(409);
      expect(withdraw.json().error.code).toBe('APPLICATION_ALREADY_DECIDED');
      expect(withdraw.json().error.message).toContain('已作出决定');
    });

    it('needs an approver override for a second supplement request, and counts it', async () => {
      const receipt = await fileService(t.app, resident, 'SAMR-0002');
      await actOnOnlyTask(t.app, clerk, receipt.id, {
        action: 'request_supplement',
        items: [{ field: 'mobile', reason: '号码无法接通' }],
      });
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${receipt.id}/supplement`,
        headers: resident.headers,
        payload: { data: { mobile: '13900139000' } },
      });
      const [task] = await openTasksOf(t.app, clerk, receipt.id);
      const second = await act(t.app, clerk, task!.id, {
        action: 'request_supplement',
        items: [{ field: 'businessScope', reason: '经营范围不规范' }],
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('SUPPLEMENT_OVERRIDE_REQUIRED');
      await actOnOnlyTask(t.app, clerk, receipt.id, { action: 'accept' });
      const [review] = await openTasksOf(t.app, reviewer, receipt.id);
      const noOverride = await act(t.app, approver, review!.id, {
        action: 'request_supplement',
        items: [{ field: 'businessScope', reason: '经营范围不规范' }],
      });
      expect(noOverride.statusCode).toBe(403);
      const override = await act(t.app, approver, review!.id, {
        action: 'request_supplement',
        items: [{ field: 'businessScope', reason: '经营范围不规范' }],
        overrideReason: '经营范围新规今日起施行，须再次补正',
      });
      expect(override.statusCode, override.body).toBe(200);
      const page = await applicationOf(t.app, resident, receipt.id);
      expect(page.metrics.supplementCount).toBe(2);
      expect(page.supplements.map((s) => s.ordinal)).toEqual([1, 2]);
      const stats = await t.app.inject({
        method: 'GET',
        url: '/api/v1/workbench/stats',
        headers: approver.headers,
      });
      expect(
        (stats.json().items as { secondSupplements: number }[])[0]!.secondSupplements,
      ).toBeGreaterThanOrEqual(1);
    });

    it('lets the applicant withdraw before a decision, cancelling the open tasks', async () => {
      const receipt = await fileService(t.app, resident, 'SAMR-0002');
      await actOnOnlyTask(t.app, clerk, receipt.id, { action: 'accept' });
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${receipt.id}/withdraw`,
        headers: resident.headers,
        payload: { reason: '不开了' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().status).toBe('withdrawn');
      expect(await openTasksOf(t.app, reviewer, receipt.id)).toEqual([]);
      const otherResident = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${receipt.id}/withdraw`,
        headers: resident2.headers,
        payload: {},
      });
      expect(otherResident.statusCode).toBe(404);
    });

    it('needs a reason to refuse, and tells the applicant', async () => {
      const receipt = await fileService(t.app, resident, 'SAMR-0002');
      const [task] = await openTasksOf(t.app, clerk, receipt.id);
      const noReason = await act(t.app, clerk, task!.id, { action: 'refuse' });
      expect(noReason.statusCode).toBe(400);
      await actOnOnlyTask(t.app, clerk, receipt.id, { action: 'refuse', reason: '不属于本部门受理范围' });
      const page = await applicationOf(t.app, resident, receipt.id);
      expect(page.status).toBe('refused');
      expect(page.timeline.find((e) => e.kind === 'not_accepted')!.details.reason).toBe(
        '不属于本部门受理范围',
      );
      const inbox = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me/notifications',
        headers: resident.headers,
      });
      expect(JSON.stringify(inbox.json())).toContain('不予受理');
    });

    it('records every staff read in the applicant’s 用数记录, and the stale version is refused', async () => {
      const receipt = await fileService(t.app, resident, 'SAMR-0002');
      const staffView = await t.app.inject({
        method: 'GET',
        url: `/api/v1/workbench/applications/${receipt.id}`,
        headers: clerk.headers,
      });
      expect(staffView.statusCode).toBe(200);
      const access = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me/data-access',
        headers: resident.headers,
      });
      expect(JSON.stringify(access.json())).toContain(receipt.receiptNo);
      const [task] = await openTasksOf(t.app, clerk, receipt.id);
      const stale = await act(t.app, clerk, task!.id, { action: 'accept', stateVersion: 0 });
      expect(stale.json().error.code).toBe('APPLICATION_CHANGED');
    });

    it('only the task’s office can claim or hand it over, and only to a colleague with the post', async () => {
      const receipt = await fileService(t.app, resident, 'SAMR-0002');
      const [task] = await openTasksOf(t.app, clerk, receipt.id);
      const claim = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workbench/tasks/${task!.id}/claim`,
        headers: clerkPudong.headers,
      });
      expect(claim.statusCode).toBe(404);
      const reviewerId = (
        await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: reviewer.headers })
      ).json().user.id as string;
      const toReviewer = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workbench/tasks/${task!.id}/assign`,
        headers: clerk.headers,
        payload: { userId: reviewerId },
      });
      expect(toReviewer.json().error.code).toBe('TASK_ASSIGNEE_INVALID');
      const mine = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workbench/tasks/${task!.id}/claim`,
        headers: clerk.headers,
      });
      expect(mine.statusCode).toBe(204);
    });
  });

  describe('for an enterprise, and the figures', () => {
    it('an agent files for the enterprise it represents; its legal rep sees it, others do not', async () => {
      const agent = await loginAs(t.app, 'demo-enterprise');
      const legalRep = await loginAs(t.app, 'demo-legal-rep');
      const me = (
        await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: agent.headers })
      ).json() as {
        enterprises: { id: string }[];
      };
      const enterpriseId = me.enterprises[0]!.id;
      const receipt = await fileService(t.app, agent, 'SAMR-0010', {
        enterpriseId,
        delivery: { method: 'online' },
      });
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/applications',
        headers: legalRep.headers,
      });
      expect((list.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(receipt.id);
      const page = await applicationOf(t.app, legalRep, receipt.id);
      expect(page.metrics.tripsNeeded).toBe(0);
      const outsider = await t.app.inject({
        method: 'GET',
        url: `/api/v1/applications/${receipt.id}`,
        headers: resident.headers,
      });
      expect(outsider.statusCode).toBe(404);
      const asPerson = await submit(t.app, resident, { serviceId: 'SAMR-0010', data: {} });
      expect(asPerson.statusCode).toBe(422);
      expect(asPerson.json().error.message).toBe('该事项的申请人须为企业。');
      // The agent withdraws the enterprise's application (membership checked inside the transaction).
      const withdraw = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${receipt.id}/withdraw`,
        headers: agent.headers,
        payload: { reason: '材料有误，重新申请' },
      });
      expect(withdraw.statusCode).toBe(200);
      expect(withdraw.json().status).toBe('withdrawn');
    });

    it('counts trips, prefilled and typed fields, and pick-up costs a trip', async () => {
      const offices = (await t.app.inject({ method: 'GET', url: '/api/v1/services/SAMR-0002' })).json()
        .competentOffices as { officeId?: string; id?: string }[];
      const officeId = offices[0]!.officeId ?? offices[0]!.id;
      const receipt = await fileService(t.app, resident, 'SAMR-0002', {
        delivery: { method: 'pickup', officeId },
        prefilledFields: ['operatorName', 'operatorIdNumber', 'noSuchField'],
      });
      const page = await applicationOf(t.app, resident, receipt.id);
      expect(page.metrics.tripsNeeded).toBe(1);
      expect(page.metrics.fieldsTotal).toBe(8);
      // A field the form does not have, claimed as prefilled, does not count.
      expect(page.metrics.fieldsPrefilled).toBeLessThanOrEqual(2);
      expect(page.metrics.fieldsTyped! + page.metrics.fieldsPrefilled!).toBe(8);
    });

    it('offers what the applicant typed before for fields no register fills, and counts it as not typed', async () => {
      await fileService(t.app, resident, 'SAMR-0002', {}, { businessAddress: '上海市虹口区海宁路100号' });
      const offered = await t.app.inject({
        method: 'GET',
        url: '/api/v1/services/SAMR-0012/previous-values',
        headers: resident.headers,
      });
      expect(offered.statusCode).toBe(200);
      const fields = offered.json().fields as Record<string, { value: unknown; receiptNo: string }>;
      expect(fields.businessAddress!.value).toBe('上海市虹口区海宁路100号');
      expect(fields.businessAddress!.receiptNo).toMatch(/^SH-/);
      expect(fields.operatorName).toBeUndefined(); // the population register fills it
      const others = await t.app.inject({
        method: 'GET',
        url: '/api/v1/services/SAMR-0012/previous-values',
        headers: resident2.headers,
      });
      expect(JSON.stringify(others.json())).not.toContain('海宁路100号');
      const notMine = await t.app.inject({
        method: 'GET',
        url: '/api/v1/services/SAMR-0012/previous-values?enterpriseId=01900000-0000-7000-8000-000000000000',
        headers: resident.headers,
      });
      expect(notMine.statusCode).toBe(403);

      const receipt = await fileService(
        t.app,
        resident,
        'SAMR-0012',
        { prefilledFields: ['businessAddress'] },
        { businessAddress: '上海市虹口区海宁路100号' },
      );
      const page = await applicationOf(t.app, resident, receipt.id);
      expect(page.metrics.fieldsPrefilled).toBeGreaterThanOrEqual(1);
    });

    it('gives each office its on-time rate, average working days and supplement rate', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/workbench/stats',
        headers: approver.headers,
      });
      expect(response.statusCode).toBe(200);
      const [office] = response.json().items as {
        finished: number;
        onTimeRate: number;
        supplementRate: number;
        openTasks: number;
      }[];
      expect(office!.finished).toBeGreaterThan(0);
      expect(office!.onTimeRate).toBe(1);
      expect(office!.supplementRate).toBeGreaterThan(0);
      const resident2Stats = await t.app.inject({
        method: 'GET',
        url: '/api/v1/workbench/stats',
        headers: resident2.headers,
      });
      expect(resident2Stats.statusCode).toBe(403);
    });
  });

  describe('bundles', () => {
    it('accepts once, works every member department in parallel and completes when all are done', async () => {
      const receipt = await fileService(t.app, resident, 'BNDL-0009');
      await actOnOnlyTask(t.app, clerk, receipt.id, { action: 'accept' });
      const staff = await loginEach(t.app, ['demo-fire', 'demo-water', 'demo-tax', 'demo-housing'] as const);
      // SAMR's two members (business licence, food licence) in one office.
      for (let round = 0; round < 4; round += 1) {
        for (const session of [reviewer, approver, ...staff]) {
          for (const task of await openTasksOf(t.app, session, receipt.id)) {
            const action =
              task.kind === 'review' ? 'pass' : task.kind === 'decision' ? 'approve' : 'complete';
            const response = await act(t.app, session, task.id, { action });
            if (response.statusCode !== 200 && response.json().error.code !== 'AUTH_FORBIDDEN')
              throw new Error(response.body);
          }
        }
      }
      const page = await applicationOf(t.app, resident, receipt.id);
      expect(page.status).toBe('approved');
      const offices = new Set(page.tasks.map((task) => task.office.nameZh));
      expect(offices).toEqual(
        new Set(['虹口区市场监管局', '虹口区消防救援支队', '虹口区水务局', '虹口区税务局', '虹口区建管委']),
      );
      expect(page.certificates.length).toBeGreaterThanOrEqual(2);
    });
  });
});
