// Usage events from a facility's devices (check-ins, service sessions, terminal transactions,
// pseudonymous wearable traces). Events are not personal-data writes — a wearable trace carries
// only a pseudonymous device id — so they are NOT audit-logged one by one; key rotations are.
import { CompiledQuery } from 'kysely';
import { dialectOf, type Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { rejectionMessage, type EventRejectionCode } from './facility-event-reasons.ts';
import { checkFacilityEvent, EVENT_ID } from './facility-event-validation.ts';
import type { FacilityEventTable } from './facilities.tables.ts';
import type { FacilityDevice } from './facility-keys.service.ts';

export interface EventResult {
  index: number;
  eventId: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: { code: EventRejectionCode; message: string };
}

export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: EventResult[];
}

// 12 columns per row keeps a 500-row statement far below SQLite's and PostgreSQL's bind limits.
const ROWS_PER_STATEMENT = 500;

/**
 * Stores a batch of events of the key's facility. Each event stands alone: a malformed one is
 * rejected with a reason in the caller's language while the others are stored; an eventId seen
 * before (in an earlier batch or earlier in this one) is a duplicate and stored once. Events may
 * arrive late and out of order: `occurredAt` is kept as sent, `receivedAt` is `now`.
 */
export async function ingestFacilityEvents(
  db: Db,
  device: FacilityDevice,
  events: readonly unknown[],
  options: { locale: Locale; now?: Date },
): Promise<IngestAnswer> {
  const receivedAt = options.now ?? new Date();
  const context = { ...device, receivedAt };
  const results: EventResult[] = [];
  const rows: FacilityEventTable[] = [];
  const seen = new Set<string>();
  const reject = (index: number, eventId: string | null, code: EventRejectionCode, params = {}) =>
    results.push({
      index,
      eventId,
      status: 'rejected',
      reason: { code, message: rejectionMessage(code, options.locale, params) },
    });
  events.forEach((event, index) => {
    if (typeof event !== 'object' || event === null || Array.isArray(event))
      return reject(index, null, 'NOT_AN_OBJECT');
    const record = event as Record<string, unknown>;
    const eventId =
      typeof record.eventId === 'string' && EVENT_ID.test(record.eventId) ? record.eventId : null;
    if (eventId === null) return reject(index, null, 'EVENT_ID_INVALID');
    const check = checkFacilityEvent(record, context);
    if (!check.ok) return reject(index, eventId, check.code, check.params);
    if (seen.has(eventId)) return results.push({ index, eventId, status: 'duplicate' });
    seen.add(eventId);
    rows.push(check.row);
    results.push({ index, eventId, status: 'accepted' });
  });
  const stored = new Set<string>();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    for (const eventId of await insertEvents(db, rows.slice(start, start + ROWS_PER_STATEMENT)))
      stored.add(eventId);
  }
  // Accepted here but not inserted: the eventId was stored by an earlier batch.
  for (const result of results) {
    if (result.status === 'accepted' && !stored.has(result.eventId!)) result.status = 'duplicate';
  }
  const count = (status: EventResult['status']) => results.filter((r) => r.status === status).length;
  return {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    results,
  };
}

const COLUMNS = [
  'event_id',
  'facility_id',
  'kind',
  'occurred_at',
  'received_at',
  'service_key',
  'duration_minutes',
  'staff_id',
  'terminal_id',
  'transaction_type',
  'device_id',
  'details',
] as const;
const insertTexts = new Map<string, string>();

/**
 * The insert of a batch as one statement, its text built once per dialect and row count: at tens
 * of thousands of events a second, building and compiling a 500-row query through the query
 * builder each time costs more than the checks of the events themselves, and an unchanged text
 * lets the driver reuse its prepared statement. Returns the event ids that were new.
 */
async function insertEvents(db: Db, rows: readonly FacilityEventTable[]): Promise<string[]> {
  const dialect = dialectOf(db);
  const key = `${dialect}:${rows.length}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = 0;
    const placeholder = dialect === 'postgres' ? () => `$${(n += 1)}` : () => '?';
    const values = rows.map(() => `(${COLUMNS.map(placeholder).join(',')})`).join(',');
    text = `insert into facility_events (${COLUMNS.join(',')}) values ${values} on conflict (event_id) do nothing returning event_id`;
    insertTexts.set(key, text);
  }
  const parameters: unknown[] = [];
  for (const row of rows)
    parameters.push(
      row.eventId,
      row.facilityId,
      row.kind,
      row.occurredAt,
      row.receivedAt,
      row.serviceKey,
      row.durationMinutes,
      row.staffId,
      row.terminalId,
      row.transactionType,
      row.deviceId,
      row.details,
    );
  const result = await db.executeQuery<{ eventId: string }>(CompiledQuery.raw(text, parameters));
  return result.rows.map((row) => row.eventId);
}
