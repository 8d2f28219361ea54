import type { WorkflowCondition, WorkflowTransition } from '../../../contracts/workflow.ts';

/** The value at a dot path (`address.district`) of the form data; undefined when absent. */
export function valueAt(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Equality of JSON values: primitives by value, arrays and objects by their JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Orders numbers with numbers and strings (ISO dates) with strings; anything else does not compare. */
function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) {
    return a - b;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

/** Whether a value counts as given: not absent, false, 0, '', or an empty array. */
function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

export function conditionHolds(condition: WorkflowCondition, data: Record<string, unknown>): boolean {
  const actual = valueAt(data, condition.field);
  switch (condition.op) {
    case 'eq':
      return actual !== undefined && sameValue(actual, condition.value);
    case 'neq':
      return !sameValue(actual, condition.value);
    case 'in':
      return (
        actual !== undefined &&
        Array.isArray(condition.value) &&
        condition.value.some((v) => sameValue(actual, v))
      );
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const order = compare(actual, condition.value);
      if (order === undefined) return false;
      if (condition.op === 'gt') return order > 0;
      if (condition.op === 'gte') return order >= 0;
      if (condition.op === 'lt') return order < 0;
      return order <= 0;
    }
    case 'truthy':
      return isTruthy(actual);
    case 'falsy':
      return !isTruthy(actual);
  }
}

/** The step the first matching transition leads to, or null (the end). */
export function nextStepKey(
  transitions: readonly WorkflowTransition[] | undefined,
  data: Record<string, unknown>,
): string | null {
  for (const transition of transitions ?? []) {
    if ((transition.when ?? []).every((condition) => conditionHolds(condition, data))) return transition.goto;
  }
  return null;
}
