// The workbench's rules that need no React: who has casework, which actions fit a step, the
// time-left badge, and the checks of a supplement request (一次性告知) before it is sent.
import type { Me } from '../../api/types.ts';
import type { StepKind, SupplementItem, TaskAction, TimeState } from '../../api/workbench-endpoints.ts';

export const CASEWORK_ROLES = ['window_clerk', 'reviewer', 'approver', 'office_admin'] as const;

/** Staff with a casework post (受理, 审查, 审批, 部门管理员) see the workbench. */
export function hasCasework(me: Me): boolean {
  return me.staff.some((post) => (CASEWORK_ROLES as readonly string[]).includes(post.role));
}

/** Window clerks file at the counter for residents who are present (帮办代办). */
export function isWindowClerk(me: Me): boolean {
  return me.staff.some((post) => post.role === 'window_clerk');
}

/** My posts in one office. */
export function rolesIn(me: Me, officeId: string): string[] {
  return me.staff.filter((post) => post.officeId === officeId).map((post) => post.role);
}

const ACTIONS_BY_KIND: Record<StepKind, TaskAction[]> = {
  acceptance: ['accept', 'request_supplement', 'refuse'],
  review: ['pass', 'request_supplement', 'refuse'],
  decision: ['approve', 'refuse'],
  completion: ['complete'],
};

const isStepKind = (kind: string): kind is StepKind => kind in ACTIONS_BY_KIND;

/**
 * The actions that fit a task, in the order the buttons show: the step's own actions, or only a
 * refusal while the applicant is fixing a supplement (the clock is paused and nothing else can move).
 */
export function actionsFor(task: {
  kind: string;
  status: string;
  awaitingSupplement: boolean;
}): TaskAction[] {
  if (task.status !== 'open' || !isStepKind(task.kind)) return [];
  if (task.awaitingSupplement) return ['refuse'];
  return [...ACTIONS_BY_KIND[task.kind]];
}

/** Whether I may work a task: a post with its role in its office. */
export function canWork(me: Me, task: { office: { id: string }; role: string }): boolean {
  return rolesIn(me, task.office.id).includes(task.role);
}

/** Whether I may assign a task to a colleague: its role there, or the office admin. */
export function canAssign(me: Me, task: { office: { id: string }; role: string }): boolean {
  const roles = rolesIn(me, task.office.id);
  return roles.includes(task.role) || roles.includes('office_admin');
}

export interface TimeBadge {
  /** CSS modifier: colour is never the only cue, the text says the same. */
  tone: 'ok' | 'soon' | 'overdue' | 'paused' | 'closed';
  /** i18n key under workbench.time, with `count` = working days. */
  labelKey: 'ok' | 'dueToday' | 'dueSoon' | 'overdue' | 'paused' | 'closed';
  count: number;
}

/** The badge for a task's time left: green ok, amber due soon, red overdue, grey paused. */
export function timeBadge(timeState: TimeState | null, workingDaysLeft: number | null): TimeBadge {
  const days = workingDaysLeft ?? 0;
  switch (timeState) {
    case 'paused':
      return { tone: 'paused', labelKey: 'paused', count: Math.max(days, 0) };
    case 'overdue':
      return { tone: 'overdue', labelKey: 'overdue', count: Math.max(Math.abs(days), 1) };
    case 'due_soon':
      return days <= 0
        ? { tone: 'soon', labelKey: 'dueToday', count: 0 }
        : { tone: 'soon', labelKey: 'dueSoon', count: days };
    case 'ok':
      return { tone: 'ok', labelKey: 'ok', count: days };
    default:
      return { tone: 'closed', labelKey: 'closed', count: 0 };
  }
}

/** One line of the supplement builder as the reviewer is writing it. */
export interface SupplementDraftItem {
  key: string;
  kind: 'field' | 'material';
  /** A form field's name, or the material's name. */
  target: string;
  reason: string;
}

export type SupplementProblem =
  | { kind: 'empty' }
  | { kind: 'tooMany' }
  | { kind: 'target'; key: string }
  | { kind: 'duplicate'; key: string }
  | { kind: 'reason'; key: string }
  | { kind: 'override' };

export const SUPPLEMENT_LIMITS = { maxItems: 50, reasonMin: 2, reasonMax: 500, materialMax: 200 };

/**
 * Checks a supplement request as the server will: at least one item, each naming a field of the
 * form or a material, each with a reason of 2–500 characters, nothing listed twice; a second
 * request needs an override reason (and an approver, which the page checks by the posts).
 */
export function checkSupplement(
  items: readonly SupplementDraftItem[],
  options: { formFields: readonly string[]; isSecondRequest: boolean; overrideReason: string },
): SupplementProblem[] {
  const problems: SupplementProblem[] = [];
  if (items.length === 0) problems.push({ kind: 'empty' });
  if (items.length > SUPPLEMENT_LIMITS.maxItems) problems.push({ kind: 'tooMany' });
  const seen = new Set<string>();
  for (const item of items) {
    const target = item.target.trim();
    const isValidTarget =
      item.kind === 'field'
        ? options.formFields.includes(target)
        : target.length >= 1 && target.length <= SUPPLEMENT_LIMITS.materialMax;
    if (!isValidTarget) problems.push({ kind: 'target', key: item.key });
    else {
      const identity = `${item.kind}:${target}`;
      if (seen.has(identity)) problems.push({ kind: 'duplicate', key: item.key });
      seen.add(identity);
    }
    const reason = item.reason.trim();
    if (reason.length < SUPPLEMENT_LIMITS.reasonMin || reason.length > SUPPLEMENT_LIMITS.reasonMax)
      problems.push({ kind: 'reason', key: item.key });
  }
  if (options.isSecondRequest && options.overrideReason.trim().length < 2)
    problems.push({ kind: 'override' });
  return problems;
}

/** The list as the API takes it (one complete list, sent once). */
export function toSupplementItems(items: readonly SupplementDraftItem[]): SupplementItem[] {
  return items.map((item) =>
    item.kind === 'field'
      ? { field: item.target.trim(), reason: item.reason.trim() }
      : { material: item.target.trim(), reason: item.reason.trim() },
  );
}

/** A fresh random Idempotency-Key for one counter filing (kept across retries of that filing). */
export function newIdempotencyKey(): string {
  return `counter-${crypto.randomUUID()}`;
}

/** 0.875 → "87.5%"; null (nothing finished yet) → null. */
export function percent(ratio: number | null, language: string): string | null {
  if (ratio === null) return null;
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}
