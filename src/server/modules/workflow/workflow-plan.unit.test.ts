import { describe, expect, it } from 'vitest';
import { DEMO_BUNDLES, DEMO_SERVICES } from '../../../../demo/catalog/index.ts';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { WorkflowDefinition, WorkflowTransition } from '../../../contracts/workflow.ts';
import { defaultWorkflow, workflowOf } from './default-workflow.ts';
import { longestPath } from './workflow-graph.ts';
import { applyAction, startWorkflow } from './workflow-interpreter.ts';
import {
  allocateWorkingDays,
  buildPlan,
  planStep,
  promisedWorkingDays,
  WorkflowPlanError,
} from './workflow-plan.ts';
import { workflowDefinitionErrors } from './workflow-validation.ts';
import { buildBundle, buildWorkflowService, pledgeWorkflow } from './workflow-test-factories.ts';

const entry: WorkflowTransition[] = [{ goto: 'acceptance' }];
const daysOf = (workflow: WorkflowDefinition, promised: number) =>
  allocateWorkingDays(workflow.steps, [{ goto: workflow.start }], promised);

describe('the default workflow', () => {
  it('is acceptance → review → decision → completion with 20/40/30/10 and is valid for any form', () => {
    const service = buildWorkflowService();
    const workflow = defaultWorkflow(service);
    expect(workflow.steps.map((s) => [s.kind, s.role, s.timeShare])).toEqual([
      ['acceptance', 'window_clerk', 20],
      ['review', 'reviewer', 40],
      ['decision', 'approver', 30],
      ['completion', 'window_clerk', 10],
    ]);
    expect(workflowDefinitionErrors(workflow, service.form.schema)).toEqual([]);
    expect(workflowOf(service)).toEqual(workflow);
    expect(workflowOf({ ...service, workflow: pledgeWorkflow() })).toEqual(pledgeWorkflow());
  });
});

describe('working days per step', () => {
  it('split the promised days by share, summing exactly along the default path', () => {
    const workflow = defaultWorkflow(buildWorkflowService());
    const table = [0, 1, 2, 3, 5, 7, 10, 15, 20, 60].map((promised) => [
      promised,
      [...daysOf(workflow, promised).values()],
    ]);
    expect(table).toEqual([
      [0, [0, 0, 0, 0]],
      [1, [0, 1, 0, 0]],
      [2, [0, 1, 1, 0]],
      [3, [1, 1, 1, 0]],
      [5, [1, 2, 2, 0]],
      [7, [1, 3, 2, 1]],
      [10, [2, 4, 3, 1]],
      [15, [3, 6, 5, 1]],
      [20, [4, 8, 6, 2]],
      [60, [12, 24, 18, 6]],
    ]);
    for (let promised = 0; promised <= 365; promised += 1) {
      const days = [...daysOf(workflow, promised).values()];
      expect(days.reduce((a, b) => a + b, 0)).toBe(promised);
    }
  });

  it('give a quicker conditional path fewer days and never more than promised on any path', () => {
    const workflow = pledgeWorkflow();
    const days = daysOf(workflow, 3);
    expect(Object.fromEntries(days)).toEqual({ accept: 0, inspect: 2, decide: 1, deliver: 0 });
    const steps = new Map(workflow.steps.map((s) => [s.key, s]));
    expect(longestPath([{ goto: 'accept' }], steps, (k) => days.get(k)!).total).toBe(3);
  });

  it('take days off a side path when rounding would push it past the promise', () => {
    // Default path a b c e (25% each); the side path a b d (d 50%). Two days: a and b get one day
    // each by largest remainder, and d's whole share (one day) would make a b d take three.
    const workflow: WorkflowDefinition = {
      start: 'a',
      steps: [
        {
          key: 'a',
          kind: 'acceptance',
          role: 'window_clerk',
          nameZh: 'a',
          nameEn: 'a',
          timeShare: 25,
          next: [{ goto: 'b' }],
        },
        {
          key: 'b',
          kind: 'review',
          role: 'reviewer',
          nameZh: 'b',
          nameEn: 'b',
          timeShare: 25,
          next: [{ when: [{ field: 'urgent', op: 'truthy' }], goto: 'd' }, { goto: 'c' }],
        },
        {
          key: 'c',
          kind: 'decision',
          role: 'approver',
          nameZh: 'c',
          nameEn: 'c',
          timeShare: 25,
          next: [{ goto: 'e' }],
        },
        { key: 'd', kind: 'decision', role: 'approver', nameZh: 'd', nameEn: 'd', timeShare: 50 },
        { key: 'e', kind: 'completion', role: 'window_clerk', nameZh: 'e', nameEn: 'e', timeShare: 25 },
      ],
    };
    expect(workflowDefinitionErrors(workflow, buildWorkflowService().form.schema)).toEqual([]);
    const days = daysOf(workflow, 2);
    expect(Object.fromEntries(days)).toEqual({ a: 1, b: 1, c: 0, d: 0, e: 0 });
  });

  it('follow the default path from the entry', () => {
    expect([
      ...allocateWorkingDays(defaultWorkflow(buildWorkflowService()).steps, entry, 4).values(),
    ]).toEqual([1, 2, 1, 0]);
  });
});

describe('plans', () => {
  const service = (overrides: Partial<ServiceDefinition> = {}) =>
    buildWorkflowService({ promisedTimeLimitDays: 10, ...overrides });

  it('of a service: one branch under its code, frozen, JSON all the way', () => {
    const definition = service({ workflow: pledgeWorkflow() });
    const plan = buildPlan({ type: 'service', code: definition.code, definition });
    expect(plan).toMatchObject({ type: 'service', code: 'SAMR-T001', sharedAcceptance: null });
    expect(plan.branches).toHaveLength(1);
    expect(plan.branches[0]).toMatchObject({
      branchKey: 'SAMR-T001',
      departmentCode: 'samr',
      entry: [{ goto: 'accept' }],
      fieldMap: null,
      supplementPausesClock: true,
    });
    expect(plan.branches[0]!.steps.map((s) => s.workingDays)).toEqual([1, 5, 3, 1]);
    expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(plan);
    definition.workflow!.steps[0]!.nameZh = '改名';
    expect(plan.branches[0]!.steps[0]!.nameZh).toBe('受理');
    expect(promisedWorkingDays(plan)).toBe(10);
    expect(planStep(plan, 'SAMR-T001', 'inspect')?.workingDays).toBe(5);
  });

  it('of a bundle: a shared acceptance, then each member without its acceptance', () => {
    const members = [
      service({ code: 'SAMR-T001', promisedTimeLimitDays: 10 }), // 2 + 8
      service({
        code: 'FIRE-T001',
        departmentCode: 'fire',
        promisedTimeLimitDays: 3,
        workflow: pledgeWorkflow(),
      }), // 0 + 3
      service({ code: 'TAX-T001', departmentCode: 'tax', promisedTimeLimitDays: 20 }), // 4 + 16
    ];
    const bundle = buildBundle(members, { onMemberRefused: 'continue_others' });
    const plan = buildPlan({
      type: 'bundle',
      code: 'BNDL-T001',
      definition: bundle,
      members: members.map((m) => ({ code: m.code, definition: m })),
    });
    expect(plan.sharedAcceptance).toMatchObject({
      branchKey: 'BNDL-T001',
      serviceCode: 'SAMR-T001',
      departmentCode: 'samr',
      step: { kind: 'acceptance', role: 'window_clerk', workingDays: 0 },
    });
    expect(plan.onMemberRefused).toBe('continue_others');
    expect(plan.branches.map((b) => [b.branchKey, b.entry, b.steps.map((s) => s.key)])).toEqual([
      ['SAMR-T001', [{ goto: 'review' }], ['review', 'decision', 'completion']],
      [
        'FIRE-T001',
        [{ when: [{ field: 'approach', op: 'eq', value: 'pledge' }], goto: 'decide' }, { goto: 'inspect' }],
        ['inspect', 'decide', 'deliver'],
      ],
      ['TAX-T001', [{ goto: 'review' }], ['review', 'decision', 'completion']],
    ]);
    // The shortest acceptance (FIRE's 0 days) and then the slowest member's remaining 16 days.
    expect(promisedWorkingDays(plan)).toBe(16);
    expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(plan);
    expect(planStep(plan, 'BNDL-T001', 'acceptance')?.workingDays).toBe(0);
  });

  it('refuse a service whose workflow is broken, and a bundle missing a member', () => {
    const broken = service({ workflow: pledgeWorkflow({ start: 'nowhere' }) });
    expect(() => buildPlan({ type: 'service', code: broken.code, definition: broken })).toThrow(
      WorkflowPlanError,
    );
    const good = service();
    expect(() =>
      buildPlan({
        type: 'bundle',
        code: 'BNDL-T001',
        definition: buildBundle([good, service({ code: 'TAX-T001' })]),
        members: [{ code: good.code, definition: good }],
      }),
    ).toThrow(/TAX-T001/);
  });
});

describe('the demo catalogue', () => {
  it('plans every service and bundle within its promise, the pledge and the plain sign taking less', () => {
    const byCode = new Map(DEMO_SERVICES.map((s) => [s.code, s]));
    for (const definition of DEMO_SERVICES) {
      const plan = buildPlan({ type: 'service', code: definition.code, definition });
      expect(promisedWorkingDays(plan), definition.code).toBe(definition.promisedTimeLimitDays);
    }
    for (const bundle of DEMO_BUNDLES) {
      const members = bundle.memberCodes.map((code) => ({ code, definition: byCode.get(code)! }));
      const plan = buildPlan({ type: 'bundle', code: bundle.code, definition: bundle, members });
      const slowest = Math.max(...members.map((m) => m.definition.promisedTimeLimitDays));
      expect(promisedWorkingDays(plan), bundle.code).toBeLessThanOrEqual(slowest);
    }
    expect(
      DEMO_SERVICES.filter((s) => s.workflow)
        .map((s) => s.code)
        .sort(),
    ).toEqual(expect.arrayContaining(['CAB-0010', 'FIRE-0001', 'HCC-0003']));
    const fire = buildPlan({ type: 'service', code: 'FIRE-0001', definition: byCode.get('FIRE-0001')! });
    const first = (formData: Record<string, unknown>) => {
      const started = startWorkflow(fire, { formData, delivery: 'online' });
      const accepted = applyAction(
        fire,
        started.state,
        { taskKey: started.state.openTasks[0]!.taskKey, action: 'accept' },
        { formData, delivery: 'online' },
      );
      return accepted.state.openTasks[0]!.stepKey;
    };
    expect(first({ approach: 'pledge' })).toBe('decision');
    expect(first({ approach: 'inspection' })).toBe('inspection');
  });
});
