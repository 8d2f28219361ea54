// Factories for the workflow tests: services with a given workflow, bundles, and a driver that
// stores the state as JSON between actions, like the applications module does.
import { buildServiceDefinition } from '../../../../test/support/catalog-factories.ts';
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { WorkflowDefinition } from '../../../contracts/workflow.ts';
import {
  applyAction,
  startWorkflow,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowEffect,
  type WorkflowState,
} from './workflow-interpreter.ts';
import type { WorkflowPlan } from './workflow-plan.ts';

/** A service of the given department whose form has `approach` (pledge/inspection), `area` and `site.district`. */
export function buildWorkflowService(overrides: Partial<ServiceDefinition> = {}): ServiceDefinition {
  const base = buildServiceDefinition(overrides);
  return {
    ...base,
    form: {
      schema: {
        type: 'object',
        properties: {
          approach: { type: 'string', enum: ['pledge', 'inspection'], title: '办理方式' },
          area: { type: 'number', title: '面积' },
          site: { type: 'object', properties: { district: { type: 'string' } }, title: '地点' },
          urgent: { type: 'boolean', title: '加急' },
        },
      },
      ui: { order: ['approach', 'area', 'site', 'urgent'] },
    },
    ...overrides,
  };
}

/** 告知承诺: a pledge skips the on-site review and goes straight to the decision. */
export function pledgeWorkflow(overrides: Partial<WorkflowDefinition> = {}): WorkflowDefinition {
  return {
    start: 'accept',
    steps: [
      {
        key: 'accept',
        kind: 'acceptance',
        role: 'window_clerk',
        nameZh: '受理',
        nameEn: 'Acceptance',
        timeShare: 10,
        next: [
          { when: [{ field: 'approach', op: 'eq', value: 'pledge' }], goto: 'decide' },
          { goto: 'inspect' },
        ],
      },
      {
        key: 'inspect',
        kind: 'review',
        role: 'reviewer',
        nameZh: '现场核查',
        nameEn: 'On-site check',
        timeShare: 50,
        next: [{ goto: 'decide' }],
      },
      {
        key: 'decide',
        kind: 'decision',
        role: 'approver',
        nameZh: '决定',
        nameEn: 'Decision',
        timeShare: 30,
        next: [{ goto: 'deliver' }],
      },
      {
        key: 'deliver',
        kind: 'completion',
        role: 'window_clerk',
        nameZh: '送达',
        nameEn: 'Delivery',
        timeShare: 10,
      },
    ],
    ...overrides,
  };
}

export function buildBundle(
  members: ServiceDefinition[],
  overrides: Partial<BundleDefinition> = {},
): BundleDefinition {
  const fields = ['approach', 'area', 'site', 'urgent'];
  return {
    code: 'BNDL-T001',
    nameZh: '测试一件事',
    nameEn: 'Test bundle',
    aliases: [],
    subject: 'enterprise',
    topics: ['startup'],
    guideZh: '一次申请。',
    guideEn: 'Apply once.',
    memberCodes: members.map((m) => m.code),
    form: { schema: { type: 'object', properties: {} }, ui: { order: [] } },
    mapping: fields.map((field) => ({
      field,
      targets: members.map((m) => ({ serviceCode: m.code, field })),
    })),
    onMemberRefused: 'fail_bundle',
    popularity: 10,
    ...overrides,
  };
}

/** Runs an application's workflow, keeping the state only as stored JSON between actions. */
export class WorkflowDriver {
  stored: string;
  readonly log: WorkflowEffect[] = [];
  last: WorkflowEffect[];

  constructor(
    readonly plan: WorkflowPlan,
    readonly context: WorkflowContext,
  ) {
    const started = startWorkflow(plan, context);
    this.stored = JSON.stringify(started.state);
    this.last = started.effects;
    this.log.push(...started.effects);
  }

  get state(): WorkflowState {
    return JSON.parse(this.stored) as WorkflowState;
  }

  /** The open task of a branch (and step, when given). */
  task(branchKey: string, stepKey?: string): string {
    const task = this.state.openTasks.find(
      (t) => t.branchKey === branchKey && (stepKey === undefined || t.stepKey === stepKey),
    );
    if (!task) throw new Error(`no open task of ${branchKey}/${stepKey ?? '*'}`);
    return task.taskKey;
  }

  act(action: WorkflowAction, taskKey?: string): WorkflowEffect[] {
    const result = applyAction(this.plan, this.state, { taskKey, action }, this.context);
    this.stored = JSON.stringify(result.state);
    this.last = result.effects;
    this.log.push(...result.effects);
    return result.effects;
  }

  /** Acts on the open task of a branch. */
  on(branchKey: string, action: WorkflowAction, stepKey?: string): WorkflowEffect[] {
    return this.act(action, this.task(branchKey, stepKey));
  }
}

/** Effects as short strings (`open:B/step`, `close:B/step:accept`, ...) for readable assertions. */
export function describeEffects(effects: WorkflowEffect[]): string[] {
  const short = (taskKey: string) => taskKey.replace(/\/\d+$/, '');
  return effects.map((e) => {
    switch (e.type) {
      case 'open_task':
        return `open:${short(e.task.taskKey)}${e.automatic ? ':auto' : ''}`;
      case 'close_task':
        return `close:${short(e.taskKey)}:${e.outcome}`;
      case 'cancel_task':
        return `cancel:${short(e.taskKey)}`;
      case 'pause_clock':
        return `pause:${short(e.taskKey)}`;
      case 'resume_clock':
        return `resume:${short(e.taskKey)}`;
      case 'issue_certificate':
        return `certificate:${e.serviceCode}`;
      case 'branch_finished':
        return `branch:${e.branchKey}:${e.outcome}`;
      case 'application_finished':
        return `finished:${e.outcome}`;
    }
  });
}
