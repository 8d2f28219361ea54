// The plan an application stores when it is submitted: the workflow of its service (or of every
// member of its bundle) frozen with the working days of each step, so that later edits of the
// service never change applications already running.
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { WorkflowStep, WorkflowTransition } from '../../../contracts/workflow.ts';
import { workflowOf } from './default-workflow.ts';
import { defaultPath, longestPath, type StepsByKey } from './workflow-graph.ts';
import { workflowDefinitionErrors } from './workflow-validation.ts';

export const PLAN_FORMAT_VERSION = 1;

export interface PlanStep extends WorkflowStep {
  /** The step's working days: its share of the service's promised days (may be 0: same day). */
  workingDays: number;
}

/** One service's line of work: the whole service, or one member of a bundle after 一窗受理. */
export interface PlanBranch {
  /** The service code. */
  branchKey: string;
  serviceCode: string;
  departmentCode: string;
  nameZh: string;
  nameEn: string;
  /** How the branch begins: the first matching transition leads to its first step. */
  entry: WorkflowTransition[];
  steps: PlanStep[];
  supplementPausesClock: boolean;
  /**
   * Bundle members only: the member's form field → the bundle's merged form field that fills it,
   * so that the member's conditions read the applicant's merged form. Null for a service.
   */
  fieldMap: Record<string, string> | null;
}

/** The bundle's one acceptance (一窗受理), worked by the window clerk of the first member's department. */
export interface SharedAcceptance {
  /** The bundle code. */
  branchKey: string;
  step: PlanStep;
  serviceCode: string;
  departmentCode: string;
  supplementPausesClock: boolean;
}

export interface WorkflowPlan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  type: 'service' | 'bundle';
  code: string;
  nameZh: string;
  nameEn: string;
  /** What a refusal in one branch does; a service has one branch, so its refusal ends it. */
  onMemberRefused: BundleDefinition['onMemberRefused'];
  sharedAcceptance: SharedAcceptance | null;
  branches: PlanBranch[];
}

export type PlanEntry =
  | { type: 'service'; code: string; definition: ServiceDefinition }
  | {
      type: 'bundle';
      code: string;
      definition: BundleDefinition;
      members: { code: string; definition: ServiceDefinition }[];
    };

export class WorkflowPlanError extends Error {
  readonly code = 'WORKFLOW_DEFINITION_INVALID';
}

const byKey = (steps: readonly Pick<WorkflowStep, 'key' | 'next'>[]): StepsByKey =>
  new Map(steps.map((step) => [step.key, step]));

/**
 * Splits the promised days over the steps by their time shares. Along the default path the days
 * are whole numbers that add up exactly to the promised days (largest remainder, earlier steps
 * first on ties). Steps off that path get the whole days of their share, lowered if needed so
 * that no path takes longer than the promised days.
 */
export function allocateWorkingDays(
  steps: readonly WorkflowStep[],
  entry: readonly WorkflowTransition[],
  promisedDays: number,
): Map<string, number> {
  const stepsByKey = byKey(steps);
  const days = new Map<string, number>();
  const remainder = new Map<string, number>();
  for (const step of steps) {
    const scaled = promisedDays * step.timeShare;
    days.set(step.key, Math.floor(scaled / 100));
    remainder.set(step.key, scaled % 100);
  }
  const reference = defaultPath(entry, stepsByKey);
  const shareOf = new Map(steps.map((step) => [step.key, step.timeShare]));
  const referenceShare = reference.reduce((sum, key) => sum + shareOf.get(key)!, 0);
  const target = Math.min(promisedDays, Math.round((promisedDays * referenceShare) / 100));
  let missing = target - reference.reduce((sum, key) => sum + days.get(key)!, 0);
  const byRemainder = reference
    .map((key, index) => ({ key, index, rest: remainder.get(key)! }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { key } of byRemainder) {
    if (missing <= 0) break;
    days.set(key, days.get(key)! + 1);
    missing -= 1;
  }
  // Rounding can push a path that leaves the default path past the promise: take days from the
  // off-path steps of the longest path until it fits (the default path alone always fits).
  const onReference = new Set(reference);
  const limit = Math.max(promisedDays, target);
  for (;;) {
    const longest = longestPath(entry, stepsByKey, (key) => days.get(key) ?? 0);
    if (longest.total <= limit) break;
    const offPath = longest.path
      .filter((key) => !onReference.has(key) && days.get(key)! > 0)
      .sort((a, b) => days.get(b)! - days.get(a)!);
    if (offPath.length === 0) break;
    days.set(offPath[0]!, days.get(offPath[0]!)! - 1);
  }
  return days;
}

function planSteps(steps: readonly WorkflowStep[], days: ReadonlyMap<string, number>): PlanStep[] {
  return steps.map((step) => ({ ...structuredClone(step), workingDays: days.get(step.key) ?? 0 }));
}

function assertValid(service: ServiceDefinition): void {
  const errors = workflowDefinitionErrors(workflowOf(service), service.form.schema);
  if (errors.length) {
    throw new WorkflowPlanError(
      `${service.code}: ${errors.map((e) => `${e.path}: ${e.messageEn}`).join('; ')}`,
    );
  }
}

function serviceBranch(service: ServiceDefinition): PlanBranch {
  assertValid(service);
  const workflow = workflowOf(service);
  const entry: WorkflowTransition[] = [{ goto: workflow.start }];
  const days = allocateWorkingDays(workflow.steps, entry, service.promisedTimeLimitDays);
  return {
    branchKey: service.code,
    serviceCode: service.code,
    departmentCode: service.departmentCode,
    nameZh: service.nameZh,
    nameEn: service.nameEn,
    entry,
    steps: planSteps(workflow.steps, days),
    supplementPausesClock: workflow.supplementPausesClock !== false,
    fieldMap: null,
  };
}

/**
 * The plan an application stores at submit. A service: one branch, keyed by its code. A bundle:
 * one shared acceptance (一窗受理) by the first member's department, then one branch per member
 * (the member's own workflow after its acceptance step) running in parallel, joined by the
 * bundle's `onMemberRefused` rule. The shared acceptance takes the shortest acceptance time of
 * the members, so each member still keeps its own promise counted from submission.
 */
export function buildPlan(entry: PlanEntry): WorkflowPlan {
  if (entry.type === 'service') {
    return {
      formatVersion: PLAN_FORMAT_VERSION,
      type: 'service',
      code: entry.code,
      nameZh: entry.definition.nameZh,
      nameEn: entry.definition.nameEn,
      onMemberRefused: 'fail_bundle',
      sharedAcceptance: null,
      branches: [serviceBranch(entry.definition)],
    };
  }
  const bundle = entry.definition;
  const members = bundle.memberCodes.map((code) => {
    const member = entry.members.find((m) => m.code === code);
    if (!member) throw new WorkflowPlanError(`${entry.code}: member ${code} is missing`);
    return member.definition;
  });
  if (members.length === 0 || new Set(bundle.memberCodes).size !== members.length) {
    throw new WorkflowPlanError(`${entry.code}: a bundle needs distinct members`);
  }
  const acceptances: PlanStep[] = [];
  const branches = members.map((member): PlanBranch => {
    const whole = serviceBranch(member);
    const start = whole.steps.find((step) => step.key === whole.entry[0]!.goto)!;
    acceptances.push(start);
    const fieldMap: Record<string, string> = {};
    for (const mapping of bundle.mapping) {
      for (const target of mapping.targets) {
        if (target.serviceCode === member.code) fieldMap[target.field] = mapping.field;
      }
    }
    return {
      ...whole,
      entry: structuredClone(start.next ?? []),
      steps: whole.steps.filter((step) => step !== start),
      fieldMap,
    };
  });
  const first = members[0]!;
  const firstAcceptance = acceptances[0]!;
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    type: 'bundle',
    code: entry.code,
    nameZh: bundle.nameZh,
    nameEn: bundle.nameEn,
    onMemberRefused: bundle.onMemberRefused,
    sharedAcceptance: {
      branchKey: entry.code,
      step: {
        ...firstAcceptance,
        next: [],
        workingDays: Math.min(...acceptances.map((step) => step.workingDays)),
      },
      serviceCode: first.code,
      departmentCode: first.departmentCode,
      supplementPausesClock: branches[0]!.supplementPausesClock,
    },
    branches,
  };
}

/** The most working days a branch can take from its entry, over every path its conditions allow. */
export function branchWorkingDays(branch: PlanBranch): number {
  const days = new Map(branch.steps.map((step) => [step.key, step.workingDays]));
  return longestPath(branch.entry, byKey(branch.steps), (key) => days.get(key) ?? 0).total;
}

/**
 * What the receipt promises, in working days: a service's promised days; for a bundle, the shared
 * acceptance and then the slowest member's remaining days.
 */
export function promisedWorkingDays(plan: WorkflowPlan): number {
  const acceptance = plan.sharedAcceptance?.step.workingDays ?? 0;
  return acceptance + Math.max(0, ...plan.branches.map(branchWorkingDays));
}

/** The plan's step of a branch (or the shared acceptance step, under the bundle's code). */
export function planStep(plan: WorkflowPlan, branchKey: string, stepKey: string): PlanStep | undefined {
  if (plan.sharedAcceptance && branchKey === plan.sharedAcceptance.branchKey) {
    return plan.sharedAcceptance.step.key === stepKey ? plan.sharedAcceptance.step : undefined;
  }
  return plan.branches.find((b) => b.branchKey === branchKey)?.steps.find((s) => s.key === stepKey);
}
