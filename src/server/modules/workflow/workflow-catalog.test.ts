import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import type { WorkflowDefinition } from '../../../contracts/workflow.ts';
import { buildWorkflowService, pledgeWorkflow } from './workflow-test-factories.ts';

describeEachDialect('workflows in the catalogue', (dialect) => {
  let t: TestApp;
  let officeAdmin: TestSession;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    officeAdmin = await loginAs(t.app, 'demo-office-admin');
  });
  afterAll(() => t.close());

  const broken: WorkflowDefinition = pledgeWorkflow({
    steps: pledgeWorkflow().steps.map((step) =>
      step.key === 'accept'
        ? {
            ...step,
            next: [{ when: [{ field: 'ghost', op: 'truthy' }], goto: 'decide' }, { goto: 'inspect' }],
          }
        : step.key === 'decide'
          ? { ...step, next: [{ goto: 'nowhere' }] }
          : step,
    ),
  });

  const validate = (workflow: unknown, language: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog/validate',
      headers: { ...officeAdmin.headers, 'accept-language': language },
      payload: {
        entryType: 'service',
        definition: { ...buildWorkflowService({ code: 'SAMR-W001' }), workflow },
      },
    });

  it('refuses a draft with a bad workflow, one message per problem in the caller’s language', async () => {
    const en = await validate(broken, 'en');
    expect(en.statusCode, en.body).toBe(200);
    expect(en.json().errors).toEqual([
      {
        path: '/workflow/steps/0/next/0/when/0/field',
        message: "The condition's field ghost is not a field of the form",
      },
      {
        path: '/workflow/steps/2/next/0/goto',
        message: 'The transition leads to nowhere, which is not a step',
      },
    ]);
    const zh = await validate(broken, 'zh-CN');
    expect(zh.json().errors).toEqual([
      { path: '/workflow/steps/0/next/0/when/0/field', message: '条件字段 ghost 不是表单的字段' },
      { path: '/workflow/steps/2/next/0/goto', message: '转移的目标环节 nowhere 不存在' },
    ]);
    const shape = await validate({ start: 'Accept!', steps: [] }, 'en');
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/workflow/start', '/workflow/steps']),
    );

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog',
      headers: { ...officeAdmin.headers, 'accept-language': 'en' },
      payload: {
        entryType: 'service',
        definition: { ...buildWorkflowService({ code: 'SAMR-W001' }), workflow: broken },
      },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details).toHaveLength(2);
  });

  it('accepts and saves a draft with a sound workflow, which reads back unchanged', async () => {
    const good = await validate(pledgeWorkflow(), 'en');
    expect(good.json().errors).toEqual([]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog',
      headers: officeAdmin.headers,
      payload: {
        entryType: 'service',
        definition: { ...buildWorkflowService({ code: 'SAMR-W002' }), workflow: pledgeWorkflow() },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = await t.app.inject({
      url: `/api/v1/admin/catalog/${created.json().entryId as string}`,
      headers: officeAdmin.headers,
    });
    expect(entry.statusCode, entry.body).toBe(200);
    expect(entry.json().draft.definition.workflow).toEqual(pledgeWorkflow());
  });
});
