// Property tests: random sound workflows, random services and bundles, random sequences of the
// actions the interpreter allows. Whatever happens, task keys are never reused, every task opened
// is closed or cancelled by the time the application finishes, a finished application takes no
// further action, and the state stored as JSON and loaded again is the same state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { WorkflowCondition, WorkflowDefinition, WorkflowStep } from '../../../contracts/workflow.ts';
import { longestPath } from './workflow-graph.ts';
import {
  allowedActions,
  applyAction,
  canWithdraw,
  isFinished,
  startWorkflow,
  WorkflowError,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowEffect,
  type WorkflowState,
} from './workflow-interpreter.ts';
import { buildPlan, promisedWorkingDays, type WorkflowPlan } from './workflow-plan.ts';
import { workflowDefinitionErrors } from './workflow-validation.ts';
import { buildBundle, buildWorkflowService } from './workflow-test-factories.ts';

const conditionArb: fc.Arbitrary<WorkflowCondition> = fc.oneof(
  fc.constant<WorkflowCondition>({ field: 'urgent', op: 'truthy' }),
  fc.constant<WorkflowCondition>({ field: 'approach', op: 'eq', value: 'pledge' }),
  fc.integer({ min: 0, max: 1000 }).map((value): WorkflowCondition => ({ field: 'area', op: 'gte', value })),
  fc.constant<WorkflowCondition>({ field: 'site.district', op: 'in', value: ['hongkou', 'putuo'] }),
);

/** Shares of `count` steps adding up to exactly `total`. */
const sharesArb = (count: number, total: number) =>
  fc.array(fc.integer({ min: 0, max: total }), { minLength: count - 1, maxLength: count - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), total];
    return points.slice(1).map((p, i) => p - points[i]!);
  });

/**
 * A sound workflow: acceptance, some reviews, a decision, maybe reviews after it, maybe a
 * completion; conditional shortcuts that never skip the decision; maybe a quicker alternative
 * decision reached from the acceptance on a condition.
 */
const workflowArb: fc.Arbitrary<WorkflowDefinition> = fc.gen().map((g) => {
  const before = g(fc.integer, { min: 0, max: 3 });
  const after = g(fc.integer, { min: 0, max: 1 });
  const hasCompletion = g(fc.boolean);
  const kinds: WorkflowStep['kind'][] = [
    'acceptance',
    ...Array<WorkflowStep['kind']>(before).fill('review'),
    'decision',
    ...Array<WorkflowStep['kind']>(after).fill('review'),
    ...(hasCompletion ? (['completion'] as const) : []),
  ];
  const decisionAt = before + 1;
  const shares = g(sharesArb, kinds.length, 100);
  const roles = {
    acceptance: 'window_clerk',
    review: 'reviewer',
    decision: 'approver',
    completion: 'window_clerk',
  } as const;
  const steps: WorkflowStep[] = kinds.map((kind, i) => {
    const next: NonNullable<WorkflowStep['next']> = [];
    if (i < decisionAt && decisionAt - i >= 2 && g(fc.boolean)) {
      const target = g(fc.integer, { min: i + 2, max: decisionAt });
      next.push({ when: g(fc.array, conditionArb, { minLength: 1, maxLength: 2 }), goto: `s${target}` });
    }
    if (i + 1 < kinds.length) next.push({ goto: `s${i + 1}` });
    return {
      key: `s${i}`,
      kind,
      role: roles[kind],
      nameZh: `环节${i}`,
      nameEn: `Step ${i}`,
      timeShare: shares[i]!,
      ...(next.length ? { next } : {}),
    };
  });
  if (g(fc.boolean)) {
    const rest = 100 - shares[0]! - (hasCompletion ? shares[kinds.length - 1]! : 0);
    steps.push({
      key: 'alt',
      kind: 'decision',
      role: 'approver',
      nameZh: '快速决定',
      nameEn: 'Quick decision',
      timeShare: g(fc.integer, { min: 0, max: rest }),
      ...(hasCompletion ? { next: [{ goto: `s${kinds.length - 1}` }] } : {}),
    });
    steps[0]!.next!.unshift({ when: [g(() => conditionArb)], goto: 'alt' });
  }
  return { start: 's0', steps, supplementPausesClock: g(fc.boolean) };
});

const memberArb = (code: string, departmentCode: string): fc.Arbitrary<ServiceDefinition> =>
  fc
    .record({ workflow: fc.option(workflowArb, { nil: undefined }), days: fc.integer({ min: 0, max: 30 }) })
    .map(({ workflow, days }) =>
      buildWorkflowService({
        code,
        departmentCode,
        promisedTimeLimitDays: days,
        legalTimeLimitDays: 60,
        workflow,
      }),
    );

const planArb: fc.Arbitrary<WorkflowPlan> = fc.oneof(
  memberArb('SAMR-P001', 'samr').map((definition) =>
    buildPlan({ type: 'service', code: definition.code, definition }),
  ),
  fc
    .record({
      members: fc
        .integer({ min: 2, max: 3 })
        .chain((count) =>
          fc.tuple(
            ...['SAMR-P001', 'FIRE-P001', 'TAX-P001']
              .slice(0, count)
              .map((code, i) => memberArb(code, ['samr', 'fire', 'tax'][i]!)),
          ),
        ),
      onMemberRefused: fc.constantFrom('fail_bundle' as const, 'continue_others' as const),
    })
    .map(({ members, onMemberRefused }) =>
      buildPlan({
        type: 'bundle',
        code: 'BNDL-P001',
        definition: buildBundle(members, { onMemberRefused }),
        members: members.map((m) => ({ code: m.code, definition: m })),
      }),
    ),
);

const contextArb: fc.Arbitrary<WorkflowContext> = fc.record({
  formData: fc.record(
    {
      approach: fc.constantFrom('pledge', 'inspection'),
      area: fc.integer({ min: 0, max: 1000 }),
      urgent: fc.boolean(),
      site: fc.record({ district: fc.constantFrom('hongkou', 'putuo', 'huangpu') }),
    },
    { requiredKeys: [] },
  ),
  delivery: fc.constantFrom('online' as const, 'mail' as const, 'pickup' as const),
});

const PROGRESS: WorkflowAction[] = ['supplement_received', 'accept', 'pass', 'approve', 'complete'];

/** Keeps the books on tasks from the effects, checking each as it comes. */
class Ledger {
  readonly opened = new Set<string>();
  readonly ended = new Set<string>();
  finishedCount = 0;

  record(effects: WorkflowEffect[]): void {
    for (const effect of effects) {
      if (effect.type === 'open_task') {
        expect(this.opened.has(effect.task.taskKey), `reopened ${effect.task.taskKey}`).toBe(false);
        this.opened.add(effect.task.taskKey);
      } else if (effect.type === 'close_task' || effect.type === 'cancel_task') {
        expect(this.opened.has(effect.taskKey)).toBe(true);
        expect(this.ended.has(effect.taskKey), `ended twice ${effect.taskKey}`).toBe(false);
        this.ended.add(effect.taskKey);
      } else if (effect.type === 'application_finished') {
        this.finishedCount += 1;
      }
    }
  }

  stillOpen(): string[] {
    return [...this.opened].filter((key) => !this.ended.has(key)).sort();
  }
}

/** Stores and loads the state as the applications module does, checking nothing is lost. */
function storeAndLoad(state: WorkflowState): WorkflowState {
  const loaded = JSON.parse(JSON.stringify(state)) as WorkflowState;
  expect(loaded).toStrictEqual(state);
  return loaded;
}

describe('the workflow interpreter, for any sound workflow and any allowed actions', () => {
  it('generates only sound workflows, whose plans keep their promise on every path', () => {
    fc.assert(
      fc.property(workflowArb, fc.integer({ min: 0, max: 60 }), (workflow, days) => {
        const service = buildWorkflowService({
          promisedTimeLimitDays: days,
          legalTimeLimitDays: 60,
          workflow,
        });
        expect(workflowDefinitionErrors(workflow, service.form.schema)).toEqual([]);
        const plan = buildPlan({ type: 'service', code: service.code, definition: service });
        expect(promisedWorkingDays(plan)).toBe(days);
        const branch = plan.branches[0]!;
        const stepDays = new Map(branch.steps.map((s) => [s.key, s.workingDays]));
        const steps = new Map(branch.steps.map((s) => [s.key, s]));
        const defaultDays = (() => {
          let total = 0;
          for (
            let key: string | undefined = 's0';
            key;
            key = steps.get(key)!.next?.find((t) => !t.when)?.goto
          ) {
            total += stepDays.get(key)!;
          }
          return total;
        })();
        expect(defaultDays).toBe(days);
        expect(longestPath(branch.entry, steps, (k) => stepDays.get(k)!).total).toBeLessThanOrEqual(days);
      }),
      { numRuns: 300 },
    );
  });

  it('never reuses a task key, ends every task it opened, stays finished, and survives JSON', () => {
    fc.assert(
      fc.property(planArb, contextArb, fc.array(fc.nat(), { maxLength: 40 }), (plan, context, choices) => {
        const ledger = new Ledger();
        const started = startWorkflow(plan, context);
        ledger.record(started.effects);
        let state = storeAndLoad(started.state);
        const step = (command: { taskKey?: string; action: WorkflowAction }) => {
          const result = applyAction(plan, state, command, context);
          expect(applyAction(plan, state, command, context)).toStrictEqual(result);
          ledger.record(result.effects);
          state = storeAndLoad(result.state);
          expect(state.openTasks.map((t) => t.taskKey).sort()).toEqual(ledger.stillOpen());
        };
        for (const choice of choices) {
          if (isFinished(state)) break;
          const options: { taskKey?: string; action: WorkflowAction }[] = state.openTasks.flatMap((task) =>
            allowedActions(plan, state, task.taskKey).map((action) => ({ taskKey: task.taskKey, action })),
          );
          if (canWithdraw(state)) options.push({ action: 'withdraw' });
          step(options[choice % options.length]!);
        }
        for (let guard = 0; !isFinished(state); guard += 1) {
          expect(guard).toBeLessThan(200);
          const task = state.openTasks[0]!;
          const allowed = allowedActions(plan, state, task.taskKey);
          step({ taskKey: task.taskKey, action: PROGRESS.find((a) => allowed.includes(a))! });
        }
        expect(ledger.finishedCount).toBe(1);
        expect(ledger.stillOpen()).toEqual([]);
        expect(state.openTasks).toEqual([]);
        expect(Object.values(state.branches).every((b) => !['pending', 'active'].includes(b.status))).toBe(
          true,
        );
        for (const taskKey of [undefined, ...ledger.opened]) {
          for (const action of [
            ...PROGRESS,
            'refuse',
            'request_supplement',
            'withdraw',
          ] as WorkflowAction[]) {
            expect(() => applyAction(plan, state, { taskKey, action }, context)).toThrow(WorkflowError);
          }
          if (taskKey) expect(allowedActions(plan, state, taskKey)).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});
