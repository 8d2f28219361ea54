// The rules of a workflow definition beyond its JSON shape. Each problem names where it is (a
// JSON pointer inside the workflow) and says what is wrong in both languages.
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { WorkflowCondition, WorkflowDefinition, WorkflowStep } from '../../../contracts/workflow.ts';
import {
  defaultPath,
  longestPath,
  mayEndAfter,
  targetsOf,
  WorkflowCycleError,
  type StepsByKey,
} from './workflow-graph.ts';

export interface WorkflowProblem {
  /** JSON pointer inside the workflow definition, e.g. `/steps/1/next/0/goto`. */
  path: string;
  messageZh: string;
  messageEn: string;
}

type Schema = Record<string, unknown>;
const END_ZH = '结束';
const END_EN = 'end';

const arrow = (keys: string[], end: string) => [...keys, end].join(' → ');

/** The schema of a form field at a dot path, null when the form has no such field. */
function fieldSchema(formSchema: Schema, path: string): Schema | null {
  let current: Schema = formSchema;
  for (const segment of path.split('.')) {
    const properties = current.properties as Record<string, Schema> | undefined;
    if (!properties) {
      // An object field without declared properties may hold anything below it.
      return current.type === 'object' && current !== formSchema ? {} : null;
    }
    if (!Object.hasOwn(properties, segment)) return null;
    current = properties[segment]!;
  }
  return current;
}

function conditionProblems(condition: WorkflowCondition, formSchema: Schema, at: string): WorkflowProblem[] {
  const field = condition.field;
  const schema = fieldSchema(formSchema, field);
  if (!schema) {
    return [
      {
        path: `${at}/field`,
        messageZh: `条件字段 ${field} 不是表单的字段`,
        messageEn: `The condition's field ${field} is not a field of the form`,
      },
    ];
  }
  const value = condition.value;
  const hasValue = Object.hasOwn(condition, 'value') && value !== undefined;
  if (condition.op === 'truthy' || condition.op === 'falsy') {
    return hasValue
      ? [
          {
            path: `${at}/value`,
            messageZh: `条件 ${condition.op} 不需要比较值`,
            messageEn: `The condition ${condition.op} takes no value`,
          },
        ]
      : [];
  }
  if (!hasValue) {
    return [
      {
        path: `${at}/value`,
        messageZh: `条件 ${condition.op} 需要一个比较值`,
        messageEn: `The condition ${condition.op} needs a value`,
      },
    ];
  }
  if (condition.op === 'in' && !Array.isArray(value)) {
    return [
      {
        path: `${at}/value`,
        messageZh: '条件 in 的值必须是一个列表',
        messageEn: 'The value of an in condition must be a list',
      },
    ];
  }
  if (
    ['gt', 'gte', 'lt', 'lte'].includes(condition.op) &&
    typeof value !== 'number' &&
    typeof value !== 'string'
  ) {
    return [
      {
        path: `${at}/value`,
        messageZh: `条件 ${condition.op} 的值必须是数字或文本（如日期）`,
        messageEn: `The value of a ${condition.op} condition must be a number or a text (such as a date)`,
      },
    ];
  }
  const allowed = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : null;
  const compared =
    condition.op === 'in'
      ? (value as unknown[])
      : condition.op === 'eq' || condition.op === 'neq'
        ? [value]
        : [];
  const outside = allowed ? compared.filter((v) => !allowed.includes(v)) : [];
  return outside.map((v) => ({
    path: `${at}/value`,
    messageZh: `${JSON.stringify(v)} 不是字段 ${field} 的可选值`,
    messageEn: `${JSON.stringify(v)} is not one of the choices of field ${field}`,
  }));
}

/** Steps reachable from the start; from each, the step it was first reached from (for witnesses). */
function reach(
  start: string,
  steps: StepsByKey,
  stopAt: (key: string) => boolean,
): Map<string, string | null> {
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const key = queue.shift()!;
    if (stopAt(key)) continue;
    for (const target of targetsOf(steps.get(key)?.next)) {
      if (steps.has(target) && !parent.has(target)) {
        parent.set(target, key);
        queue.push(target);
      }
    }
  }
  return parent;
}

function pathTo(key: string, parent: Map<string, string | null>): string[] {
  const path = [key];
  for (let at = parent.get(key); at != null; at = parent.get(at)) path.unshift(at);
  return path;
}

/**
 * Every problem of a workflow definition against the service's form (an empty list means it is
 * sound). The rules: start and every `goto` name a step; keys are unique; every step is
 * reachable; no cycles (a workflow must always end); the start is the one acceptance step; every
 * path has a decision, and no completion comes before one; conditions name form fields, with
 * values that fit the operator (and the field's choices); no transition follows an unconditional
 * default (it could never be taken). Time shares: the default path (always the unconditional
 * default) adds up to exactly 100, and no path to more than 100 — a quicker path, such as a
 * pledge (告知承诺) that skips the on-site check, may use less of the promised time.
 */
export function workflowDefinitionErrors(
  definition: WorkflowDefinition,
  formSchema: Schema,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const steps = new Map<string, WorkflowStep>();
  const indexOf = new Map<string, number>();
  definition.steps.forEach((step, index) => {
    if (steps.has(step.key)) {
      problems.push({
        path: `/steps/${index}/key`,
        messageZh: `环节代码 ${step.key} 重复`,
        messageEn: `The step key ${step.key} is used twice`,
      });
    } else {
      steps.set(step.key, step);
      indexOf.set(step.key, index);
    }
  });
  let isGraphKnown = steps.has(definition.start);
  if (!steps.has(definition.start)) {
    problems.push({
      path: '/start',
      messageZh: `开始环节 ${definition.start} 不存在`,
      messageEn: `The start step ${definition.start} does not exist`,
    });
  }
  definition.steps.forEach((step, i) => {
    let afterDefault = false;
    (step.next ?? []).forEach((transition, j) => {
      const at = `/steps/${i}/next/${j}`;
      if (afterDefault) {
        problems.push({
          path: at,
          messageZh: '这条转移在无条件的默认转移之后，永远不会被选中',
          messageEn: 'This transition comes after the unconditional default and can never be taken',
        });
      }
      if (transition.when === undefined) afterDefault = true;
      if (!steps.has(transition.goto)) {
        isGraphKnown = false;
        problems.push({
          path: `${at}/goto`,
          messageZh: `转移的目标环节 ${transition.goto} 不存在`,
          messageEn: `The transition leads to ${transition.goto}, which is not a step`,
        });
      }
      (transition.when ?? []).forEach((condition, k) => {
        problems.push(...conditionProblems(condition, formSchema, `${at}/when/${k}`));
      });
    });
    if (step.kind === 'acceptance' && step.key !== definition.start) {
      problems.push({
        path: `/steps/${i}/kind`,
        messageZh: `只有开始环节可以是受理环节，${step.key} 不是开始环节`,
        messageEn: `Only the start step may be an acceptance step, and ${step.key} is not the start`,
      });
    }
  });
  const start = steps.get(definition.start);
  // Paths are only meaningful once every step a transition names exists.
  if (!start || !isGraphKnown) return problems;
  if (start.kind !== 'acceptance') {
    problems.push({
      path: '/start',
      messageZh: '开始环节必须是受理环节（acceptance）',
      messageEn: 'The start step must be an acceptance step',
    });
  }
  const reachable = reach(definition.start, steps, () => false);
  definition.steps.forEach((step, index) => {
    if (!reachable.has(step.key) && indexOf.get(step.key) === index) {
      problems.push({
        path: `/steps/${index}`,
        messageZh: `从开始环节无法到达环节 ${step.key}`,
        messageEn: `The step ${step.key} cannot be reached from the start`,
      });
    }
  });
  const entry = [{ goto: definition.start }];
  try {
    longestPath(entry, steps, () => 0);
  } catch (error) {
    if (!(error instanceof WorkflowCycleError)) throw error;
    const [from, to] = error.cycle.slice(-2) as [string, string];
    const fromIndex = indexOf.get(from)!;
    const j = (steps.get(from)!.next ?? []).findIndex((t) => t.goto === to);
    problems.push({
      path: `/steps/${fromIndex}/next/${j}/goto`,
      messageZh: `流程有循环（${error.cycle.join(' → ')}），流程必须总能结束`,
      messageEn: `The workflow loops (${error.cycle.join(' → ')}); a workflow must always end`,
    });
    return problems;
  }
  const beforeDecision = reach(definition.start, steps, (key) => steps.get(key)!.kind === 'decision');
  for (const [key] of beforeDecision) {
    const step = steps.get(key)!;
    const path = pathTo(key, beforeDecision);
    if (step.kind === 'completion') {
      problems.push({
        path: `/steps/${indexOf.get(key)}/kind`,
        messageZh: `办结环节 ${key} 之前没有决定环节（${path.join(' → ')}）`,
        messageEn: `The completion step ${key} can be reached without a decision (${path.join(' → ')})`,
      });
    } else if (step.kind !== 'decision' && mayEndAfter(step.next)) {
      problems.push({
        path: `/steps/${indexOf.get(key)}/next`,
        messageZh: `这条路径没有决定环节就结束了：${arrow(path, END_ZH)}；请加一条无条件的默认转移或决定环节`,
        messageEn: `This path ends without a decision: ${arrow(path, END_EN)}; add an unconditional default transition or a decision step`,
      });
    }
  }
  const share = (key: string) => steps.get(key)!.timeShare;
  const usual = defaultPath(entry, steps);
  const usualShare = usual.reduce((sum, key) => sum + share(key), 0);
  if (usualShare !== 100) {
    problems.push({
      path: '/steps',
      messageZh: `默认路径（${arrow(usual, END_ZH)}）的时限占比合计为 ${usualShare}%，应为 100%`,
      messageEn: `The time shares along the default path (${arrow(usual, END_EN)}) add up to ${usualShare}%, not 100%`,
    });
  }
  const longest = longestPath(entry, steps, share);
  if (longest.total > 100) {
    problems.push({
      path: '/steps',
      messageZh: `路径 ${arrow(longest.path, END_ZH)} 的时限占比合计为 ${longest.total}%，不能超过 100%`,
      messageEn: `The time shares along ${arrow(longest.path, END_EN)} add up to ${longest.total}%, more than 100%`,
    });
  }
  return problems;
}

/**
 * A bundle's members' workflows read the bundle's merged form: every field a member's condition
 * reads must be filled by the bundle's mapping. Paths point at the member in `memberCodes`.
 */
export function bundleWorkflowErrors(
  bundle: BundleDefinition,
  members: ReadonlyMap<string, ServiceDefinition>,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  bundle.memberCodes.forEach((code, index) => {
    const workflow = members.get(code)?.workflow;
    if (!workflow) return;
    const mapped = new Set(
      bundle.mapping.flatMap((m) => m.targets.filter((t) => t.serviceCode === code).map((t) => t.field)),
    );
    const fields = workflow.steps.flatMap((s) =>
      (s.next ?? []).flatMap((t) => (t.when ?? []).map((c) => c.field)),
    );
    for (const field of new Set(fields)) {
      const top = field.split('.')[0]!;
      if (mapped.has(top)) continue;
      problems.push({
        path: `/memberCodes/${index}`,
        messageZh: `成员事项 ${code} 的流程条件要读取字段 ${top}，但合并表单没有填写该字段`,
        messageEn: `The workflow of member ${code} reads the field ${top}, which the merged form does not fill`,
      });
    }
  });
  return problems;
}
