// The shape of a workflow as a graph: used by the validation (paths, cycles) and by the plan
// (the default path, day allocation, the longest path in days). Steps are keyed by `key`.
import type { WorkflowStep, WorkflowTransition } from '../../../contracts/workflow.ts';

export type StepsByKey = ReadonlyMap<string, Pick<WorkflowStep, 'key' | 'next'>>;

/** Whether the workflow may end after these transitions: none of them is an unconditional default. */
export function mayEndAfter(transitions: readonly WorkflowTransition[] | undefined): boolean {
  return !(transitions ?? []).some((t) => t.when === undefined);
}

/** The distinct steps these transitions may lead to, in order. */
export function targetsOf(transitions: readonly WorkflowTransition[] | undefined): string[] {
  return [...new Set((transitions ?? []).map((t) => t.goto))];
}

/** The step an unconditional default leads to (the first transition without `when`), or null. */
export function defaultTarget(transitions: readonly WorkflowTransition[] | undefined): string | null {
  return (transitions ?? []).find((t) => t.when === undefined)?.goto ?? null;
}

/**
 * The default path: from the entry, always the unconditional default, until a step has none
 * (the end). Stops at an unknown step or a repeat, which the validation reports.
 */
export function defaultPath(entry: readonly WorkflowTransition[], steps: StepsByKey): string[] {
  const path: string[] = [];
  let key = defaultTarget(entry);
  while (key !== null && steps.has(key) && !path.includes(key)) {
    path.push(key);
    key = defaultTarget(steps.get(key)!.next);
  }
  return path;
}

export class WorkflowCycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`workflow cycle: ${cycle.join(' → ')}`);
  }
}

/**
 * The largest total `weight` over every path from the entry to an end (a step that may end),
 * counting each conditional transition as possibly taken or not. Unknown steps count as ends.
 * Throws WorkflowCycleError on a cycle.
 */
export function longestPath(
  entry: readonly WorkflowTransition[],
  steps: StepsByKey,
  weight: (key: string) => number,
): { total: number; path: string[] } {
  const memo = new Map<string, { total: number; path: string[] }>();
  const onStack: string[] = [];
  const from = (key: string): { total: number; path: string[] } => {
    const known = memo.get(key);
    if (known) return known;
    if (onStack.includes(key)) throw new WorkflowCycleError([...onStack.slice(onStack.indexOf(key)), key]);
    onStack.push(key);
    const step = steps.get(key)!;
    let best = { total: 0, path: [] as string[] };
    let hasBest = mayEndAfter(step.next);
    for (const target of targetsOf(step.next)) {
      if (!steps.has(target)) continue;
      const candidate = from(target);
      if (!hasBest || candidate.total > best.total) {
        best = candidate;
        hasBest = true;
      }
    }
    onStack.pop();
    const result = { total: weight(key) + best.total, path: [key, ...best.path] };
    memo.set(key, result);
    return result;
  };
  let best = { total: 0, path: [] as string[] };
  for (const target of targetsOf(entry)) {
    if (!steps.has(target)) continue;
    const candidate = from(target);
    if (candidate.total > best.total || best.path.length === 0) best = candidate;
  }
  return best;
}
