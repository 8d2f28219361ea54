// The workflow interpreter: pure and deterministic (no clock, no I/O). Given a plan, the stored
// state and a staff action, it returns the next state and the effects the applications module
// carries out (open/close tasks, pause clocks, issue certificates). See docs/decisions/0006.
import type { StepKind, WorkflowRole } from '../../../contracts/workflow.ts';
import { nextStepKey } from './workflow-conditions.ts';
import type { PlanBranch, PlanStep, WorkflowPlan } from './workflow-plan.ts';

export interface WorkflowContext {
  /** The applicant's form data as filed (for a bundle: the merged form; members read it through their field map). */
  formData: Record<string, unknown>;
  delivery: 'online' | 'mail' | 'pickup';
}

export type WorkflowAction =
  | 'accept'
  | 'refuse'
  | 'request_supplement'
  | 'supplement_received'
  | 'pass'
  | 'approve'
  | 'complete'
  | 'withdraw';

export type WorkflowStatus =
  'in_progress' | 'awaiting_supplement' | 'approved' | 'refused' | 'partially_approved' | 'withdrawn';

export type ApplicationOutcome = 'approved' | 'refused' | 'partially_approved' | 'withdrawn';

export interface OpenTask {
  /** `${branchKey}/${stepKey}/${seq}`: unique within the application, never reused. */
  taskKey: string;
  branchKey: string;
  stepKey: string;
  kind: StepKind;
  role: WorkflowRole;
  departmentCode: string;
  serviceCode: string;
  awaitingSupplement: boolean;
  /** How many times this task asked for a supplement (a second one needs an approver's override). */
  supplementRequests: number;
}

export interface BranchState {
  /** pending: waiting for the bundle's shared acceptance. */
  status: 'pending' | 'active' | 'approved' | 'refused' | 'cancelled';
  /** The step the branch is at, null when it has not started or has finished. */
  stepKey: string | null;
  /** A decision step of this branch has been approved (withdrawal is no longer possible). */
  decisionApproved: boolean;
}

export interface WorkflowState {
  formatVersion: 1;
  status: WorkflowStatus;
  openTasks: OpenTask[];
  branches: Record<string, BranchState>;
  /** The bundle's shared acceptance (一窗受理); null for a service. */
  sharedAcceptance: 'open' | 'accepted' | 'refused' | 'cancelled' | null;
  /** Last task number handed out. */
  seq: number;
  /** Supplement requests over the whole application. */
  supplementRequests: number;
}

export type WorkflowEffect =
  | {
      type: 'open_task';
      task: OpenTask;
      workingDays: number;
      nameZh: string;
      nameEn: string;
      /** A completion of an online delivery: closed by the interpreter at once, nobody works it. */
      automatic: boolean;
    }
  | { type: 'close_task'; taskKey: string; outcome: WorkflowAction }
  | { type: 'cancel_task'; taskKey: string }
  | { type: 'pause_clock'; taskKey: string }
  | { type: 'resume_clock'; taskKey: string }
  | { type: 'issue_certificate'; branchKey: string; serviceCode: string }
  | { type: 'branch_finished'; branchKey: string; outcome: 'approved' | 'refused' | 'cancelled' }
  | { type: 'application_finished'; outcome: ApplicationOutcome };

export interface Transition {
  state: WorkflowState;
  effects: WorkflowEffect[];
}

export type WorkflowErrorCode =
  'WORKFLOW_TASK_NOT_OPEN' | 'WORKFLOW_ACTION_NOT_ALLOWED' | 'WORKFLOW_ALREADY_DECIDED';

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

const FINISHED: readonly WorkflowStatus[] = ['approved', 'refused', 'partially_approved', 'withdrawn'];

const ACTIONS_BY_KIND: Record<StepKind, WorkflowAction[]> = {
  acceptance: ['accept', 'refuse', 'request_supplement'],
  review: ['pass', 'request_supplement', 'refuse'],
  decision: ['approve', 'refuse'],
  completion: ['complete'],
};

/** While the applicant fixes a supplement, the office can take it in, or refuse (e.g. never fixed). */
const WHILE_AWAITING: WorkflowAction[] = ['supplement_received', 'refuse'];

export function isFinished(state: WorkflowState): boolean {
  return FINISHED.includes(state.status);
}

/** The actions staff may take on an open task now (empty when it is not open). */
export function allowedActions(_plan: WorkflowPlan, state: WorkflowState, taskKey: string): WorkflowAction[] {
  if (isFinished(state)) return [];
  const task = state.openTasks.find((t) => t.taskKey === taskKey);
  if (!task) return [];
  return [...(task.awaitingSupplement ? WHILE_AWAITING : ACTIONS_BY_KIND[task.kind])];
}

/** Whether the applicant may still withdraw: nothing decided yet in any branch. */
export function canWithdraw(state: WorkflowState): boolean {
  if (isFinished(state)) return false;
  return Object.values(state.branches).every(
    (b) => !b.decisionApproved && b.status !== 'approved' && b.status !== 'refused',
  );
}

/** One interpretation step: a mutable copy of the state and the effects so far. */
class Run {
  readonly effects: WorkflowEffect[] = [];
  constructor(
    readonly plan: WorkflowPlan,
    readonly state: WorkflowState,
    readonly context: WorkflowContext,
  ) {}

  branch(key: string): PlanBranch {
    return this.plan.branches.find((b) => b.branchKey === key)!;
  }

  /** The form as a branch sees it: a bundle member reads its own field names. */
  dataFor(branch: PlanBranch): Record<string, unknown> {
    if (!branch.fieldMap) return this.context.formData;
    const data: Record<string, unknown> = {};
    for (const [memberField, mergedField] of Object.entries(branch.fieldMap)) {
      if (Object.hasOwn(this.context.formData, mergedField))
        data[memberField] = this.context.formData[mergedField];
    }
    return data;
  }

  openTask(
    branchKey: string,
    step: PlanStep,
    owner: { serviceCode: string; departmentCode: string },
  ): OpenTask {
    this.state.seq += 1;
    const task: OpenTask = {
      taskKey: `${branchKey}/${step.key}/${this.state.seq}`,
      branchKey,
      stepKey: step.key,
      kind: step.kind,
      role: step.role,
      departmentCode: owner.departmentCode,
      serviceCode: owner.serviceCode,
      awaitingSupplement: false,
      supplementRequests: 0,
    };
    const automatic = step.kind === 'completion' && this.context.delivery === 'online';
    this.state.openTasks.push(task);
    this.effects.push({
      type: 'open_task',
      task: { ...task },
      workingDays: step.workingDays,
      nameZh: step.nameZh,
      nameEn: step.nameEn,
      automatic,
    });
    return task;
  }

  closeTask(taskKey: string, outcome: WorkflowAction): void {
    this.state.openTasks = this.state.openTasks.filter((t) => t.taskKey !== taskKey);
    this.effects.push({ type: 'close_task', taskKey, outcome });
  }

  /** Moves a branch to a step (null: the end, which approves it). */
  enter(branch: PlanBranch, stepKey: string | null): void {
    const branchState = this.state.branches[branch.branchKey]!;
    const step = stepKey === null ? undefined : branch.steps.find((s) => s.key === stepKey);
    if (!step) {
      this.finishBranch(branch.branchKey, 'approved');
      return;
    }
    branchState.stepKey = step.key;
    const task = this.openTask(branch.branchKey, step, branch);
    if (step.kind === 'completion' && this.context.delivery === 'online') {
      this.closeTask(task.taskKey, 'complete');
      this.advance(branch, step);
    }
  }

  advance(branch: PlanBranch, step: PlanStep): void {
    this.enter(branch, nextStepKey(step.next, this.dataFor(branch)));
  }

  startBranches(): void {
    for (const branch of this.plan.branches) this.state.branches[branch.branchKey]!.status = 'active';
    for (const branch of this.plan.branches) {
      if (isFinished(this.state)) return;
      this.enter(branch, nextStepKey(branch.entry, this.dataFor(branch)));
    }
  }

  cancelEverythingOpen(): void {
    for (const task of this.state.openTasks)
      this.effects.push({ type: 'cancel_task', taskKey: task.taskKey });
    this.state.openTasks = [];
    if (this.state.sharedAcceptance === 'open') this.state.sharedAcceptance = 'cancelled';
    for (const branch of this.plan.branches) {
      const branchState = this.state.branches[branch.branchKey]!;
      if (branchState.status === 'pending' || branchState.status === 'active') {
        branchState.status = 'cancelled';
        branchState.stepKey = null;
        this.effects.push({ type: 'branch_finished', branchKey: branch.branchKey, outcome: 'cancelled' });
      }
    }
  }

  finishApplication(outcome: ApplicationOutcome): void {
    this.state.status = outcome;
    this.effects.push({ type: 'application_finished', outcome });
  }

  finishBranch(branchKey: string, outcome: 'approved' | 'refused'): void {
    const branchState = this.state.branches[branchKey]!;
    branchState.status = outcome;
    branchState.stepKey = null;
    if (outcome === 'approved') {
      this.effects.push({
        type: 'issue_certificate',
        branchKey,
        serviceCode: this.branch(branchKey).serviceCode,
      });
    }
    this.effects.push({ type: 'branch_finished', branchKey, outcome });
    if (outcome === 'refused' && this.plan.onMemberRefused === 'fail_bundle') {
      this.cancelEverythingOpen();
      this.finishApplication('refused');
      return;
    }
    const all = Object.values(this.state.branches);
    if (all.some((b) => b.status === 'pending' || b.status === 'active')) return;
    const approved = all.filter((b) => b.status === 'approved').length;
    this.finishApplication(
      approved === all.length ? 'approved' : approved > 0 ? 'partially_approved' : 'refused',
    );
  }

  refreshStatus(): void {
    if (isFinished(this.state)) return;
    this.state.status = this.state.openTasks.some((t) => t.awaitingSupplement)
      ? 'awaiting_supplement'
      : 'in_progress';
  }

  result(): Transition {
    this.refreshStatus();
    return { state: this.state, effects: this.effects };
  }
}

/** Starts an application's workflow at submit: opens its first task(s). */
export function startWorkflow(plan: WorkflowPlan, context: WorkflowContext): Transition {
  const branches: Record<string, BranchState> = {};
  for (const branch of plan.branches) {
    branches[branch.branchKey] = { status: 'pending', stepKey: null, decisionApproved: false };
  }
  const state: WorkflowState = {
    formatVersion: 1,
    status: 'in_progress',
    openTasks: [],
    branches,
    sharedAcceptance: plan.sharedAcceptance ? 'open' : null,
    seq: 0,
    supplementRequests: 0,
  };
  const run = new Run(plan, state, context);
  if (plan.sharedAcceptance) {
    run.openTask(plan.sharedAcceptance.branchKey, plan.sharedAcceptance.step, plan.sharedAcceptance);
  } else {
    run.startBranches();
  }
  return run.result();
}

/**
 * Applies one action. Task actions name the open task (`taskKey`); `withdraw` is the
 * applicant's and names none. Throws WorkflowError when the task is not open, the action is not
 * one its step allows, or the application is finished / already decided.
 */
export function applyAction(
  plan: WorkflowPlan,
  state: WorkflowState,
  command: { taskKey?: string; action: WorkflowAction },
  context: WorkflowContext,
): Transition {
  if (isFinished(state)) {
    throw new WorkflowError('WORKFLOW_ALREADY_DECIDED', `the application is already ${state.status}`);
  }
  const run = new Run(plan, structuredClone(state), context);
  if (command.action === 'withdraw') {
    if (!canWithdraw(state)) {
      throw new WorkflowError(
        'WORKFLOW_ALREADY_DECIDED',
        'a decision has been made; it can no longer be withdrawn',
      );
    }
    run.cancelEverythingOpen();
    run.finishApplication('withdrawn');
    return run.result();
  }
  const task = run.state.openTasks.find((t) => t.taskKey === command.taskKey);
  if (!task)
    throw new WorkflowError('WORKFLOW_TASK_NOT_OPEN', `task ${command.taskKey ?? '(none)'} is not open`);
  if (!allowedActions(plan, state, task.taskKey).includes(command.action)) {
    throw new WorkflowError(
      'WORKFLOW_ACTION_NOT_ALLOWED',
      `${command.action} is not allowed on ${task.taskKey} (${task.kind}${task.awaitingSupplement ? ', awaiting supplement' : ''})`,
    );
  }
  const shared = plan.sharedAcceptance;
  const isShared = shared !== null && task.branchKey === shared.branchKey;
  const pausesClock = isShared
    ? shared.supplementPausesClock
    : run.branch(task.branchKey).supplementPausesClock;
  switch (command.action) {
    case 'request_supplement':
      task.awaitingSupplement = true;
      task.supplementRequests += 1;
      run.state.supplementRequests += 1;
      if (pausesClock) run.effects.push({ type: 'pause_clock', taskKey: task.taskKey });
      return run.result();
    case 'supplement_received':
      task.awaitingSupplement = false;
      if (pausesClock) run.effects.push({ type: 'resume_clock', taskKey: task.taskKey });
      return run.result();
    case 'refuse':
      run.closeTask(task.taskKey, 'refuse');
      if (isShared) {
        run.state.sharedAcceptance = 'refused';
        run.cancelEverythingOpen();
        run.finishApplication('refused');
      } else {
        run.finishBranch(task.branchKey, 'refused');
      }
      return run.result();
    default: {
      run.closeTask(task.taskKey, command.action);
      if (isShared) {
        run.state.sharedAcceptance = 'accepted';
        run.startBranches();
        return run.result();
      }
      const branch = run.branch(task.branchKey);
      const step = branch.steps.find((s) => s.key === task.stepKey)!;
      if (step.kind === 'decision') run.state.branches[branch.branchKey]!.decisionApproved = true;
      run.advance(branch, step);
      return run.result();
    }
  }
}
