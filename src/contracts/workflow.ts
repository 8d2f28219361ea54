// The workflow of a service (事项) as data: steps worked by office roles, each with its share of
// the promised time limit, and transitions that may depend on the form. It lives inside the
// service definition, so it is versioned with the service; see docs/decisions/0006.
import { Type } from 'typebox';

export type StepKind = 'acceptance' | 'review' | 'decision' | 'completion';
export type WorkflowRole = 'window_clerk' | 'reviewer' | 'approver';
export type ConditionOp = 'eq' | 'neq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'truthy' | 'falsy';

export const STEP_KINDS: readonly StepKind[] = ['acceptance', 'review', 'decision', 'completion'];
export const WORKFLOW_ROLES: readonly WorkflowRole[] = ['window_clerk', 'reviewer', 'approver'];
export const CONDITION_OPS: readonly ConditionOp[] = [
  'eq',
  'neq',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'truthy',
  'falsy',
];

/**
 * A test on the applicant's form data. `field` is a form field, or a dot path into an object
 * field (`address.district`). `in` takes an array; `truthy`/`falsy` take no value.
 */
export interface WorkflowCondition {
  field: string;
  op: ConditionOp;
  value?: unknown;
}

export interface WorkflowTransition {
  /** All must hold; a transition without `when` is the default. */
  when?: WorkflowCondition[];
  /** Step key. */
  goto: string;
}

export interface WorkflowStep {
  key: string;
  kind: StepKind;
  role: WorkflowRole;
  nameZh: string;
  nameEn: string;
  /** Share of the service's promised time limit, percent. */
  timeShare: number;
  /** Evaluated in order, first match wins; a transition without `when` is the default; none → end. */
  next?: WorkflowTransition[];
}

export interface WorkflowDefinition {
  start: string;
  steps: WorkflowStep[];
  /** Whether the clock stops while the applicant fixes a supplement (补正). Default true. */
  supplementPausesClock?: boolean;
}

const literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

/** Step keys end up in task keys (`branch/step/seq`), so they are plain lower-case words. */
export const STEP_KEY_PATTERN = '^[a-z][a-z0-9_-]{0,39}$';
const StepKey = Type.String({ pattern: STEP_KEY_PATTERN });

export const WorkflowConditionSchema = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 200 }),
    op: literals(CONDITION_OPS),
    value: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);

export const WorkflowTransitionSchema = Type.Object(
  {
    when: Type.Optional(Type.Array(WorkflowConditionSchema, { minItems: 1, maxItems: 10 })),
    goto: StepKey,
  },
  { additionalProperties: false },
);

export const WorkflowStepSchema = Type.Object(
  {
    key: StepKey,
    kind: literals(STEP_KINDS),
    role: literals(WORKFLOW_ROLES),
    nameZh: Type.String({ minLength: 1, maxLength: 50 }),
    nameEn: Type.String({ minLength: 1, maxLength: 100 }),
    timeShare: Type.Integer({ minimum: 0, maximum: 100 }),
    next: Type.Optional(Type.Array(WorkflowTransitionSchema, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

/** The JSON shape of a workflow definition (the rules are checked by the workflow module). */
export const WorkflowDefinitionSchema = Type.Object(
  {
    start: StepKey,
    steps: Type.Array(WorkflowStepSchema, { minItems: 1, maxItems: 30 }),
    supplementPausesClock: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
