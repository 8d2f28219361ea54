import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import { allowedActions, applyAction, canWithdraw, WorkflowError } from './workflow-interpreter.ts';
import { buildPlan } from './workflow-plan.ts';
import {
  buildBundle,
  buildWorkflowService,
  describeEffects,
  pledgeWorkflow,
  WorkflowDriver,
} from './workflow-test-factories.ts';

const service = (overrides: Partial<ServiceDefinition> = {}) =>
  buildWorkflowService({ promisedTimeLimitDays: 10, ...overrides });
const servicePlan = (definition: ServiceDefinition) =>
  buildPlan({ type: 'service', code: definition.code, definition });

function expectWorkflowError(run: () => unknown, code: WorkflowError['code']): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowError);
    expect((error as WorkflowError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('a service on the default workflow', () => {
  it('goes acceptance → review → decision → completion with the roles and days of each step', () => {
    const plan = servicePlan(service());
    const d = new WorkflowDriver(plan, { formData: {}, delivery: 'mail' });
    expect(d.last).toEqual([
      {
        type: 'open_task',
        task: {
          taskKey: 'SAMR-T001/acceptance/1',
          branchKey: 'SAMR-T001',
          stepKey: 'acceptance',
          kind: 'acceptance',
          role: 'window_clerk',
          departmentCode: 'samr',
          serviceCode: 'SAMR-T001',
          awaitingSupplement: false,
          supplementRequests: 0,
        },
        workingDays: 2,
        nameZh: '受理',
        nameEn: 'Acceptance',
        automatic: false,
      },
    ]);
    expect(describeEffects(d.on('SAMR-T001', 'accept'))).toEqual([
      'close:SAMR-T001/acceptance:accept',
      'open:SAMR-T001/review',
    ]);
    expect(d.state.openTasks[0]).toMatchObject({ role: 'reviewer', taskKey: 'SAMR-T001/review/2' });
    expect(describeEffects(d.on('SAMR-T001', 'pass'))).toEqual([
      'close:SAMR-T001/review:pass',
      'open:SAMR-T001/decision',
    ]);
    expect(d.state.openTasks[0]!.role).toBe('approver');
    expect(describeEffects(d.on('SAMR-T001', 'approve'))).toEqual([
      'close:SAMR-T001/decision:approve',
      'open:SAMR-T001/completion',
    ]);
    expect(d.state.status).toBe('in_progress');
    expect(describeEffects(d.on('SAMR-T001', 'complete'))).toEqual([
      'close:SAMR-T001/completion:complete',
      'certificate:SAMR-T001',
      'branch:SAMR-T001:approved',
      'finished:approved',
    ]);
    expect(d.state).toMatchObject({ status: 'approved', openTasks: [] });
    const opened = d.log.flatMap((e) => (e.type === 'open_task' ? [e.workingDays] : []));
    expect(opened).toEqual([2, 4, 3, 1]);
  });

  it('completes an online delivery by itself, but waits for the clerk to mail or hand it over', () => {
    const plan = servicePlan(service());
    const online = new WorkflowDriver(plan, { formData: {}, delivery: 'online' });
    online.on('SAMR-T001', 'accept');
    online.on('SAMR-T001', 'pass');
    expect(describeEffects(online.on('SAMR-T001', 'approve'))).toEqual([
      'close:SAMR-T001/decision:approve',
      'open:SAMR-T001/completion:auto',
      'close:SAMR-T001/completion:complete',
      'certificate:SAMR-T001',
      'branch:SAMR-T001:approved',
      'finished:approved',
    ]);
    for (const delivery of ['mail', 'pickup'] as const) {
      const d = new WorkflowDriver(plan, { formData: {}, delivery });
      d.on('SAMR-T001', 'accept');
      d.on('SAMR-T001', 'pass');
      d.on('SAMR-T001', 'approve');
      expect(d.state.openTasks).toEqual([
        expect.objectContaining({ kind: 'completion', role: 'window_clerk' }),
      ]);
      expect(allowedActions(plan, d.state, d.task('SAMR-T001'))).toEqual(['complete']);
    }
  });

  it('lists the actions of each kind of step and refuses others', () => {
    const plan = servicePlan(service());
    const d = new WorkflowDriver(plan, { formData: {}, delivery: 'mail' });
    expect(allowedActions(plan, d.state, d.task('SAMR-T001'))).toEqual([
      'accept',
      'refuse',
      'request_supplement',
    ]);
    expectWorkflowError(() => d.on('SAMR-T001', 'approve'), 'WORKFLOW_ACTION_NOT_ALLOWED');
    expectWorkflowError(() => d.act('accept', 'SAMR-T001/review/9'), 'WORKFLOW_TASK_NOT_OPEN');
    expectWorkflowError(() => d.act('accept'), 'WORKFLOW_TASK_NOT_OPEN');
    d.on('SAMR-T001', 'accept');
    expect(allowedActions(plan, d.state, d.task('SAMR-T001'))).toEqual([
      'pass',
      'request_supplement',
      'refuse',
    ]);
    expect(allowedActions(plan, d.state, 'SAMR-T001/acceptance/1')).toEqual([]);
    d.on('SAMR-T001', 'pass');
    expect(allowedActions(plan, d.state, d.task('SAMR-T001'))).toEqual(['approve', 'refuse']);
    expectWorkflowError(() => d.on('SAMR-T001', 'request_supplement'), 'WORKFLOW_ACTION_NOT_ALLOWED');
  });
});

describe('refusal', () => {
  it.each([
    ['acceptance', [] as const],
    ['review', ['accept'] as const],
    ['decision', ['accept', 'pass'] as const],
  ])('at the %s step refuses the application and leaves nothing open', (kind, before) => {
    const d = new WorkflowDriver(servicePlan(service()), { formData: {}, delivery: 'mail' });
    for (const action of before) d.on('SAMR-T001', action);
    expect(describeEffects(d.on('SAMR-T001', 'refuse'))).toEqual([
      `close:SAMR-T001/${kind}:refuse`,
      'branch:SAMR-T001:refused',
      'finished:refused',
    ]);
    expect(d.state).toMatchObject({ status: 'refused', openTasks: [] });
    expect(d.state.branches['SAMR-T001']).toMatchObject({ status: 'refused', stepKey: null });
  });

  it('is not an action of the completion step, and a finished application takes no action', () => {
    const d = new WorkflowDriver(servicePlan(service()), { formData: {}, delivery: 'pickup' });
    for (const action of ['accept', 'pass', 'approve'] as const) d.on('SAMR-T001', action);
    const completion = d.task('SAMR-T001');
    expectWorkflowError(() => d.act('refuse', completion), 'WORKFLOW_ACTION_NOT_ALLOWED');
    d.act('complete', completion);
    expectWorkflowError(() => d.act('complete', completion), 'WORKFLOW_ALREADY_DECIDED');
    expectWorkflowError(() => d.act('withdraw'), 'WORKFLOW_ALREADY_DECIDED');
    expect(allowedActions(d.plan, d.state, completion)).toEqual([]);
  });
});

describe('conditional branches on the form', () => {
  const plan = servicePlan(service({ workflow: pledgeWorkflow() }));

  it('a pledge (告知承诺) skips the on-site check', () => {
    const d = new WorkflowDriver(plan, { formData: { approach: 'pledge' }, delivery: 'mail' });
    expect(describeEffects(d.on('SAMR-T001', 'accept'))).toEqual([
      'close:SAMR-T001/accept:accept',
      'open:SAMR-T001/decide',
    ]);
  });

  it('without a pledge the venue is checked first', () => {
    for (const formData of [{ approach: 'inspection' }, {}]) {
      const d = new WorkflowDriver(plan, { formData, delivery: 'mail' });
      expect(describeEffects(d.on('SAMR-T001', 'accept'))).toEqual([
        'close:SAMR-T001/accept:accept',
        'open:SAMR-T001/inspect',
      ]);
    }
  });

  it('reads the form as it is when the step ends (after a supplement changed it)', () => {
    const d = new WorkflowDriver(plan, { formData: { approach: 'inspection' }, delivery: 'mail' });
    d.on('SAMR-T001', 'request_supplement');
    d.on('SAMR-T001', 'supplement_received');
    const fixed = applyAction(
      plan,
      d.state,
      { taskKey: d.task('SAMR-T001'), action: 'accept' },
      { formData: { approach: 'pledge' }, delivery: 'mail' },
    );
    expect(fixed.state.openTasks[0]!.stepKey).toBe('decide');
  });

  it('follows dot paths into object fields and compares numbers', () => {
    const workflow = pledgeWorkflow();
    workflow.steps[0]!.next = [
      {
        when: [
          { field: 'site.district', op: 'in', value: ['hongkou', 'putuo'] },
          { field: 'area', op: 'lt', value: 100 },
        ],
        goto: 'decide',
      },
      { goto: 'inspect' },
    ];
    const small = servicePlan(service({ workflow }));
    const first = (formData: Record<string, unknown>) => {
      const d = new WorkflowDriver(small, { formData, delivery: 'mail' });
      d.on('SAMR-T001', 'accept');
      return d.state.openTasks[0]!.stepKey;
    };
    expect(first({ site: { district: 'hongkou' }, area: 80 })).toBe('decide');
    expect(first({ site: { district: 'hongkou' }, area: 100 })).toBe('inspect');
    expect(first({ site: { district: 'huangpu' }, area: 80 })).toBe('inspect');
    expect(first({ site: 'hongkou', area: 80 })).toBe('inspect');
  });
});

describe('supplements (补正)', () => {
  it('pause the clock, keep the task open at its step, and resume on the same task', () => {
    const plan = servicePlan(service());
    const d = new WorkflowDriver(plan, { formData: {}, delivery: 'mail' });
    d.on('SAMR-T001', 'accept');
    const review = d.task('SAMR-T001');
    expect(describeEffects(d.act('request_supplement', review))).toEqual(['pause:SAMR-T001/review']);
    expect(d.state.status).toBe('awaiting_supplement');
    expect(d.state.openTasks).toEqual([
      expect.objectContaining({ taskKey: review, awaitingSupplement: true, supplementRequests: 1 }),
    ]);
    expect(allowedActions(plan, d.state, review)).toEqual(['supplement_received', 'refuse']);
    expectWorkflowError(() => d.act('pass', review), 'WORKFLOW_ACTION_NOT_ALLOWED');
    expect(describeEffects(d.act('supplement_received', review))).toEqual(['resume:SAMR-T001/review']);
    expect(d.state.status).toBe('in_progress');
    expect(d.state.openTasks[0]).toMatchObject({
      taskKey: review,
      stepKey: 'review',
      awaitingSupplement: false,
    });
    expectWorkflowError(() => d.act('supplement_received', review), 'WORKFLOW_ACTION_NOT_ALLOWED');
    d.act('request_supplement', review);
    expect(d.state.openTasks[0]!.supplementRequests).toBe(2);
    expect(d.state.supplementRequests).toBe(2);
  });

  it('leave the clock running when the service says so', () => {
    const plan = servicePlan(service({ workflow: pledgeWorkflow({ supplementPausesClock: false }) }));
    const d = new WorkflowDriver(plan, { formData: {}, delivery: 'mail' });
    expect(d.on('SAMR-T001', 'request_supplement')).toEqual([]);
    expect(d.state.status).toBe('awaiting_supplement');
    expect(d.on('SAMR-T001', 'supplement_received')).toEqual([]);
  });

  it('can end in a refusal when the applicant never fixes it', () => {
    const d = new WorkflowDriver(servicePlan(service()), { formData: {}, delivery: 'mail' });
    d.on('SAMR-T001', 'request_supplement');
    expect(describeEffects(d.on('SAMR-T001', 'refuse'))).toEqual([
      'close:SAMR-T001/acceptance:refuse',
      'branch:SAMR-T001:refused',
      'finished:refused',
    ]);
  });
});

describe('withdrawal', () => {
  it('before a decision cancels every open task', () => {
    const d = new WorkflowDriver(servicePlan(service()), { formData: {}, delivery: 'mail' });
    d.on('SAMR-T001', 'accept');
    d.on('SAMR-T001', 'request_supplement');
    expect(canWithdraw(d.state)).toBe(true);
    expect(describeEffects(d.act('withdraw'))).toEqual([
      'cancel:SAMR-T001/review',
      'branch:SAMR-T001:cancelled',
      'finished:withdrawn',
    ]);
    expect(d.state).toMatchObject({ status: 'withdrawn', openTasks: [] });
  });

  it('after a decision is refused as already decided', () => {
    const d = new WorkflowDriver(servicePlan(service()), { formData: {}, delivery: 'mail' });
    for (const action of ['accept', 'pass', 'approve'] as const) d.on('SAMR-T001', action);
    expect(canWithdraw(d.state)).toBe(false);
    expectWorkflowError(() => d.act('withdraw'), 'WORKFLOW_ALREADY_DECIDED');
    expect(d.state.status).toBe('in_progress');
  });
});

describe('a bundle (一件事) of three departments', () => {
  const members = [
    service({ code: 'SAMR-T001', departmentCode: 'samr' }),
    service({ code: 'FIRE-T001', departmentCode: 'fire', workflow: pledgeWorkflow() }),
    service({ code: 'TAX-T001', departmentCode: 'tax', promisedTimeLimitDays: 5 }),
  ];
  const planOf = (onMemberRefused: 'fail_bundle' | 'continue_others') =>
    buildPlan({
      type: 'bundle',
      code: 'BNDL-T001',
      definition: buildBundle(members, { onMemberRefused }),
      members: members.map((m) => ({ code: m.code, definition: m })),
    });
  const accepted = (onMemberRefused: 'fail_bundle' | 'continue_others') => {
    const d = new WorkflowDriver(planOf(onMemberRefused), {
      formData: { approach: 'pledge' },
      delivery: 'mail',
    });
    d.on('BNDL-T001', 'accept');
    return d;
  };

  it('is accepted once by the first department, then every member works in parallel', () => {
    const d = new WorkflowDriver(planOf('fail_bundle'), {
      formData: { approach: 'pledge' },
      delivery: 'mail',
    });
    expect(d.state.openTasks).toEqual([
      expect.objectContaining({
        taskKey: 'BNDL-T001/acceptance/1',
        role: 'window_clerk',
        departmentCode: 'samr',
        serviceCode: 'SAMR-T001',
      }),
    ]);
    expect(describeEffects(d.on('BNDL-T001', 'accept'))).toEqual([
      'close:BNDL-T001/acceptance:accept',
      'open:SAMR-T001/review',
      'open:FIRE-T001/decide',
      'open:TAX-T001/review',
    ]);
    expect(d.state.openTasks.map((t) => t.departmentCode)).toEqual(['samr', 'fire', 'tax']);
  });

  it('is approved when every member is approved', () => {
    const d = accepted('fail_bundle');
    for (const code of ['SAMR-T001', 'TAX-T001']) {
      d.on(code, 'pass');
      d.on(code, 'approve');
      d.on(code, 'complete');
    }
    expect(d.state.status).toBe('in_progress');
    d.on('FIRE-T001', 'approve');
    expect(describeEffects(d.on('FIRE-T001', 'complete'))).toEqual([
      'close:FIRE-T001/deliver:complete',
      'certificate:FIRE-T001',
      'branch:FIRE-T001:approved',
      'finished:approved',
    ]);
    expect(d.log.filter((e) => e.type === 'issue_certificate')).toHaveLength(3);
  });

  it('fails as a whole when one member refuses under fail_bundle: the others are cancelled', () => {
    const d = accepted('fail_bundle');
    d.on('TAX-T001', 'request_supplement');
    d.on('SAMR-T001', 'pass');
    expect(describeEffects(d.on('FIRE-T001', 'refuse'))).toEqual([
      'close:FIRE-T001/decide:refuse',
      'branch:FIRE-T001:refused',
      'cancel:TAX-T001/review',
      'cancel:SAMR-T001/decision',
      'branch:SAMR-T001:cancelled',
      'branch:TAX-T001:cancelled',
      'finished:refused',
    ]);
    expect(d.state).toMatchObject({ status: 'refused', openTasks: [] });
  });

  it('lets the others go on under continue_others: partly approved, or refused when none is', () => {
    const d = accepted('continue_others');
    d.on('FIRE-T001', 'refuse');
    expect(d.state.status).toBe('in_progress');
    expect(canWithdraw(d.state)).toBe(false);
    expectWorkflowError(() => d.act('withdraw'), 'WORKFLOW_ALREADY_DECIDED');
    d.on('SAMR-T001', 'pass');
    d.on('SAMR-T001', 'approve');
    d.on('SAMR-T001', 'complete');
    d.on('TAX-T001', 'pass');
    d.on('TAX-T001', 'approve');
    expect(describeEffects(d.on('TAX-T001', 'complete')).slice(-1)).toEqual(['finished:partially_approved']);

    const none = accepted('continue_others');
    none.on('FIRE-T001', 'refuse');
    none.on('SAMR-T001', 'refuse');
    expect(describeEffects(none.on('TAX-T001', 'refuse')).slice(-1)).toEqual(['finished:refused']);
  });

  it('refused at the shared acceptance (不予受理) starts no member', () => {
    const d = new WorkflowDriver(planOf('continue_others'), { formData: {}, delivery: 'online' });
    expect(describeEffects(d.on('BNDL-T001', 'refuse'))).toEqual([
      'close:BNDL-T001/acceptance:refuse',
      'branch:SAMR-T001:cancelled',
      'branch:FIRE-T001:cancelled',
      'branch:TAX-T001:cancelled',
      'finished:refused',
    ]);
    expect(d.state.sharedAcceptance).toBe('refused');
  });

  it('can be withdrawn while no member has decided', () => {
    const d = accepted('fail_bundle');
    d.on('SAMR-T001', 'pass');
    expect(describeEffects(d.act('withdraw')).slice(-1)).toEqual(['finished:withdrawn']);
    expect(d.state.openTasks).toEqual([]);
  });

  it('lets members read their own field names from the merged form', () => {
    const renamed = buildBundle(members, {
      mapping: [{ field: 'howToApply', targets: [{ serviceCode: 'FIRE-T001', field: 'approach' }] }],
    });
    const plan = buildPlan({
      type: 'bundle',
      code: 'BNDL-T001',
      definition: renamed,
      members: members.map((m) => ({ code: m.code, definition: m })),
    });
    expect(plan.branches[1]!.fieldMap).toEqual({ approach: 'howToApply' });
    const d = new WorkflowDriver(plan, {
      formData: { howToApply: 'pledge', approach: 'inspection' },
      delivery: 'mail',
    });
    d.on('BNDL-T001', 'accept');
    expect(d.state.openTasks.find((t) => t.branchKey === 'FIRE-T001')!.stepKey).toBe('decide');
  });
});
