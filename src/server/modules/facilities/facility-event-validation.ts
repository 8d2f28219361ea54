// Checks one device event. Pure: the facility and its terminals are passed in.
import type { FacilityEventTable } from './facilities.tables.ts';
import type { EventRejectionCode } from './facility-event-reasons.ts';
import { isFacilityServiceKey } from './facility-vocabulary.ts';

export const EVENT_ID = /^[\w.:-]{1,100}$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const PSEUDONYM = /^[A-Za-z0-9_-]{6,64}$/;
// What a device must never send as its id: a resident ID number or a mainland mobile number.
const PERSONAL = [/^\d{17}[\dXx]$/, /^1\d{10}$/];
// A device clock a little ahead is tolerated; late events of any age are accepted.
const CLOCK_SKEW_MS = 5 * 60_000;
// What a terminal did: a resident's sign-in (the kiosk), a query, a payment, an application.
const TRANSACTION_TYPES: readonly string[] = ['sign_in', 'query', 'payment', 'application'];

const COMMON = ['eventId', 'kind', 'occurredAt', 'facilityCode'];
const FIELDS: Record<FacilityEventTable['kind'], string[]> = {
  check_in: [],
  service_session: ['service', 'durationMinutes', 'staffId'],
  terminal_transaction: ['terminalId', 'type'],
  wearable_trace: ['deviceId', 'zone', 'dwellSeconds'],
};

export type EventCheck =
  | { ok: true; row: FacilityEventTable }
  | { ok: false; code: EventRejectionCode; params?: Record<string, unknown> };

export interface EventContext {
  facilityId: string;
  facilityCode: string;
  terminalIds: ReadonlySet<string>;
  receivedAt: Date;
}

const isText = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;
const isInteger = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** Validates a device event (already known to have a usable eventId) and builds its row. */
export function checkFacilityEvent(event: Record<string, unknown>, context: EventContext): EventCheck {
  const kind = event.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind))
    return { ok: false, code: 'KIND_UNKNOWN', params: { kind: String(kind) } };
  const allowed = new Set([...COMMON, ...FIELDS[kind as FacilityEventTable['kind']]]);
  const extra = Object.keys(event).find((field) => !allowed.has(field));
  if (extra !== undefined) return { ok: false, code: 'FIELD_UNKNOWN', params: { field: extra } };
  const occurredAt = typeof event.occurredAt === 'string' ? Date.parse(event.occurredAt) : Number.NaN;
  if (!ISO_WITH_ZONE.test(String(event.occurredAt)) || Number.isNaN(occurredAt))
    return { ok: false, code: 'OCCURRED_AT_INVALID' };
  if (occurredAt > context.receivedAt.getTime() + CLOCK_SKEW_MS)
    return { ok: false, code: 'OCCURRED_AT_FUTURE' };
  if (event.facilityCode !== undefined && event.facilityCode !== context.facilityCode)
    return { ok: false, code: 'FACILITY_MISMATCH', params: { facility: context.facilityCode } };
  const row: FacilityEventTable = {
    eventId: event.eventId as string,
    facilityId: context.facilityId,
    kind: kind as FacilityEventTable['kind'],
    occurredAt: new Date(occurredAt).toISOString(),
    receivedAt: context.receivedAt.toISOString(),
    serviceKey: null,
    durationMinutes: null,
    staffId: null,
    terminalId: null,
    transactionType: null,
    deviceId: null,
    details: null,
  };
  const invalid = (field: string): EventCheck => ({ ok: false, code: 'FIELD_INVALID', params: { field } });
  switch (row.kind) {
    case 'check_in':
      return { ok: true, row };
    case 'service_session':
      if (typeof event.service !== 'string') return invalid('service');
      if (!isFacilityServiceKey(event.service))
        return { ok: false, code: 'SERVICE_UNKNOWN', params: { service: event.service } };
      if (!isInteger(event.durationMinutes, 1, 1440)) return invalid('durationMinutes');
      if (event.staffId !== undefined && !isText(event.staffId, 64)) return invalid('staffId');
      return {
        ok: true,
        row: {
          ...row,
          serviceKey: event.service,
          durationMinutes: event.durationMinutes,
          staffId: event.staffId ?? null,
        },
      };
    case 'terminal_transaction':
      if (!isText(event.terminalId, 64)) return invalid('terminalId');
      if (!context.terminalIds.has(event.terminalId))
        return { ok: false, code: 'TERMINAL_UNKNOWN', params: { terminal: event.terminalId } };
      if (!TRANSACTION_TYPES.includes(event.type as string)) return invalid('type');
      return {
        ok: true,
        row: { ...row, terminalId: event.terminalId, transactionType: event.type as string },
      };
    case 'wearable_trace': {
      if (typeof event.deviceId !== 'string' || !PSEUDONYM.test(event.deviceId)) return invalid('deviceId');
      if (PERSONAL.some((pattern) => pattern.test(event.deviceId as string)))
        return { ok: false, code: 'DEVICE_ID_NOT_PSEUDONYMOUS' };
      if (event.zone !== undefined && !isText(event.zone, 64)) return invalid('zone');
      if (event.dwellSeconds !== undefined && !isInteger(event.dwellSeconds, 0, 86_400))
        return invalid('dwellSeconds');
      const details = { zone: event.zone, dwellSeconds: event.dwellSeconds };
      const hasDetails = details.zone !== undefined || details.dwellSeconds !== undefined;
      return {
        ok: true,
        row: { ...row, deviceId: event.deviceId, details: hasDetails ? JSON.stringify(details) : null },
      };
    }
  }
}
