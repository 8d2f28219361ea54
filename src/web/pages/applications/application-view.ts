// Pure pieces of the applicant's pages: server errors sorted onto the form, the timeline as rows
// to show, what a draft restores, which prefills were kept, a supplement's list as the renderer
// wants it, and whether an application is late. No React here, so each is tested on its own.
import type { FieldMessage } from '../../../contracts/validation-messages.ts';
import type {
  ApplicationDetail,
  ApplicationStatus,
  Delivery,
  Draft,
  PrefillAnswer,
  PreviousValues,
  Supplement,
  TimelineEvent,
} from '../../api/applications-endpoints.ts';
import type { Prefill } from '../../forms/form-ui.ts';

export type Language = 'zh-CN' | 'en';

const pick = (language: Language, zh: string, en: string) => (language === 'en' ? en || zh : zh || en);

/** Server problems of a submit: those of the form (paths under /data, prefix removed) and the rest. */
export interface SortedServerErrors {
  form: FieldMessage[];
  /** Problems of the delivery choice (`/delivery/...`). */
  delivery: string[];
  /** Problems of nothing in particular (or of parts of the body the page does not show). */
  general: string[];
}

function isFieldMessage(value: unknown): value is FieldMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldMessage).path === 'string' &&
    typeof (value as FieldMessage).message === 'string'
  );
}

/** Splits the `details` of a 400 VALIDATION_FAILED by what they are about. */
export function sortServerErrors(details: unknown): SortedServerErrors {
  const sorted: SortedServerErrors = { form: [], delivery: [], general: [] };
  if (!Array.isArray(details)) return sorted;
  for (const detail of details as unknown[]) {
    if (!isFieldMessage(detail)) continue;
    if (detail.path === '/data' || detail.path.startsWith('/data/'))
      sorted.form.push({ path: detail.path.slice('/data'.length), message: detail.message });
    else if (detail.path.startsWith('/delivery')) sorted.delivery.push(detail.message);
    else if (!sorted.general.includes(detail.message)) sorted.general.push(detail.message);
  }
  return sorted;
}

/** The prefill answer as the form renderer takes it. */
export function toRendererPrefill(
  answer: PrefillAnswer | null,
  previous: PreviousValues | null = null,
  previousSource?: (receiptNo: string) => { zh: string; en: string },
): Prefill | undefined {
  const fromRegisters = Object.entries(answer?.fields ?? {}).map(([name, fill]) => [
    name,
    { value: fill.value, sourceZh: fill.source.nameZh, sourceEn: fill.source.nameEn, locked: fill.locked },
  ]);
  // What the applicant typed before: offered, never locked, and never over a register's value.
  const fromEarlier = Object.entries(previous?.fields ?? {})
    .filter(([name]) => !answer?.fields[name])
    .map(([name, earlier]) => {
      const source = previousSource?.(earlier.receiptNo) ?? { zh: earlier.receiptNo, en: earlier.receiptNo };
      return [name, { value: earlier.value, sourceZh: source.zh, sourceEn: source.en, locked: false }];
    });
  const all = [...fromRegisters, ...fromEarlier];
  return all.length ? (Object.fromEntries(all) as Prefill) : undefined;
}

/** The prefilled fields whose value the applicant kept as it came from the register. */
export function keptPrefilledFields(
  prefill: Prefill | undefined,
  answers: Record<string, unknown>,
): string[] {
  if (!prefill) return [];
  return Object.entries(prefill)
    .filter(([name, fill]) => JSON.stringify(answers[name] ?? null) === JSON.stringify(fill.value ?? null))
    .map(([name]) => name);
}

/** What the page starts with: the saved draft if there is one, else nothing typed yet. */
export interface ApplyState {
  data: Record<string, unknown>;
  attachmentIds: string[];
  delivery: Delivery;
  version: number;
}

/**
 * The state to resume from a draft. Locked prefills win over what the draft holds (the register
 * is authoritative and may have changed since); the rest of the draft is the applicant's own.
 */
export function resumeFromDraft(draft: Draft | null, prefill: Prefill | undefined): ApplyState {
  const data = { ...(draft?.data ?? {}) };
  for (const [name, fill] of Object.entries(prefill ?? {})) if (fill.locked) data[name] = fill.value;
  return {
    data,
    attachmentIds: draft?.attachmentIds ?? [],
    delivery: draft?.delivery ?? { method: 'online' },
    version: draft?.version ?? 0,
  };
}

/** A stable text of what a draft save would send, to tell whether anything changed. */
export function draftFingerprint(state: Omit<ApplyState, 'version'>): string {
  const data = Object.keys(state.data)
    .sort()
    .map((key) => [key, state.data[key]]);
  return JSON.stringify([data, [...state.attachmentIds].sort(), state.delivery]);
}

/** The delivery as it should be sent: only the part that belongs to the chosen method. */
export function cleanDelivery(delivery: Delivery): Delivery {
  if (delivery.method === 'pickup')
    return delivery.officeId ? { method: 'pickup', officeId: delivery.officeId } : { method: 'pickup' };
  if (delivery.method === 'mail')
    return delivery.address?.trim()
      ? { method: 'mail', address: delivery.address.trim() }
      : { method: 'mail' };
  return { method: 'online' };
}

/** What is wrong with a delivery choice before it is sent, as a translation key, or null. */
export function deliveryProblem(
  delivery: Delivery,
): 'officeRequired' | 'addressRequired' | 'addressShort' | null {
  if (delivery.method === 'pickup' && !delivery.officeId) return 'officeRequired';
  if (delivery.method === 'mail') {
    const address = delivery.address?.trim() ?? '';
    if (!address) return 'addressRequired';
    if (address.length < 5) return 'addressShort';
  }
  return null;
}

/** The attachment key of a material: the service's code and the material's place in its list. */
export const materialKeyOf = (serviceCode: string, index: number) => `${serviceCode}.m${index}`;

export interface TimelineRow {
  key: string;
  at: string;
  /** Translation key under `applications.timeline.kinds`. */
  kind: TimelineKind;
  office: string | null;
  step: string | null;
  /** Extra lines: a reason, a certificate number, the member service, the supplement's items. */
  reason: string | null;
  number: string | null;
  serviceCode: string | null;
  items: string[];
}

const KNOWN_KINDS = [
  'submitted',
  'accepted',
  'not_accepted',
  'supplement_requested',
  'supplement_answered',
  'reviewed',
  'approved',
  'refused',
  'completed',
  'certificate_issued',
  'branch_approved',
  'branch_refused',
  'branch_cancelled',
  'finished_approved',
  'finished_refused',
  'finished_partially_approved',
  'finished_withdrawn',
  'withdrawal_reason',
] as const;

export type TimelineKind = (typeof KNOWN_KINDS)[number] | 'other';

const isKnownKind = (kind: string): kind is (typeof KNOWN_KINDS)[number] =>
  (KNOWN_KINDS as readonly string[]).includes(kind);

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/** Each step of the timeline as a row to show, oldest first, in the page's language. */
export function timelineRows(
  events: readonly TimelineEvent[],
  language: Language,
  fieldTitle: (name: string) => string = (name) => name,
): TimelineRow[] {
  return events.map((event, index) => {
    const rawItems = Array.isArray(event.details.items) ? (event.details.items as unknown[]) : [];
    const items = rawItems.flatMap((item) => {
      if (typeof item !== 'object' || item === null) return [];
      const { field, material, reason } = item as { field?: unknown; material?: unknown; reason?: unknown };
      const subject = text(field) ? fieldTitle(field as string) : text(material);
      const why = text(reason);
      if (!subject && !why) return [];
      return [[subject, why].filter(Boolean).join(language === 'en' ? ': ' : '：')];
    });
    return {
      key: `${index}-${event.at}-${event.kind}`,
      at: event.at,
      kind: isKnownKind(event.kind) ? event.kind : 'other',
      office: event.office ? pick(language, event.office.nameZh, event.office.nameEn) : null,
      step: event.step ? pick(language, event.step.nameZh, event.step.nameEn) : null,
      reason: text(event.details.reason),
      number: text(event.details.number),
      serviceCode: text(event.details.serviceCode),
      items,
    };
  });
}

/** The open supplement request, if the applicant has one to answer. */
export function openSupplement(detail: Pick<ApplicationDetail, 'supplements'>): Supplement | null {
  return detail.supplements.find((supplement) => supplement.status === 'open') ?? null;
}

/** A supplement's list as the form renderer takes it: the fields to fix and why, and the materials. */
export function supplementFixes(supplements: readonly Supplement[]) {
  const fieldsToFix: string[] = [];
  const fixReasons: Record<string, string> = {};
  const materials: { name: string; reason: string }[] = [];
  for (const supplement of supplements) {
    for (const item of supplement.items) {
      if (item.field) {
        if (!fieldsToFix.includes(item.field)) fieldsToFix.push(item.field);
        fixReasons[item.field] = fixReasons[item.field]
          ? `${fixReasons[item.field]}；${item.reason}`
          : item.reason;
      } else if (item.material) materials.push({ name: item.material, reason: item.reason });
    }
  }
  return { fieldsToFix, fixReasons, materials };
}

/** The answer to send: only the listed fields, with their new values. */
export function supplementAnswerData(
  fieldsToFix: readonly string[],
  answers: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    fieldsToFix.filter((name) => name in answers).map((name) => [name, answers[name]]),
  );
}

const FINISHED: readonly ApplicationStatus[] = ['approved', 'refused', 'partially_approved', 'withdrawn'];

export const isFinished = (status: ApplicationStatus) => FINISHED.includes(status);

/** Today's date in Shanghai, YYYY-MM-DD. */
export function shanghaiDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Whether the promise was (or is being) broken: still open after the promised date, or finished
 * on a later day. While a supplement is awaited the clock is paused, so it is not late.
 */
export function isLate(
  detail: Pick<ApplicationDetail, 'status' | 'promisedDate' | 'finishedAt'>,
  now: Date,
): boolean {
  if (detail.status === 'withdrawn' || detail.status === 'awaiting_supplement') return false;
  const day = detail.finishedAt ? shanghaiDate(new Date(detail.finishedAt)) : shanghaiDate(now);
  return day > detail.promisedDate;
}

/** The badge look of a status. */
export function statusTone(status: ApplicationStatus): 'success' | 'warning' | 'error' | 'neutral' | 'info' {
  switch (status) {
    case 'approved':
      return 'success';
    case 'partially_approved':
    case 'awaiting_supplement':
      return 'warning';
    case 'refused':
      return 'error';
    case 'withdrawn':
      return 'neutral';
    default:
      return 'info';
  }
}

/** Formats a Shanghai date (YYYY-MM-DD) for people, without a time-zone shift. */
export function formatPlainDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const value = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12));
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(value);
}
