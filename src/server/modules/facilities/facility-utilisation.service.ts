// Recomputing a street's utilisation and its reallocation recommendations from the facility
// events of the last weeks. Run by the durable job (nightly, and on an operator's request); the
// demo seed runs it directly.
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { scheduleOf } from './facilities.presenter.ts';
import { proposeMoves, type ProposedMove } from './reallocation.ts';
import { computeUtilisation, type UsageEvent } from './utilisation.ts';

/** Weeks of events a computation looks at, ending at the computation's hour. */
export const UTILISATION_WEEKS = 4;
/** A dismissed move is not proposed again for this long. */
export const DISMISSAL_QUIET_DAYS = 30;
const DAY_MS = 86_400_000;

export interface RecomputeResult {
  streetCode: string;
  facilities: number;
  events: number;
  recommendations: number;
  windowFrom: string;
  windowTo: string;
}

/** The window ending at the start of `now`'s hour: `weeks` whole weeks. */
export function utilisationWindow(now: Date, weeks = UTILISATION_WEEKS) {
  const to = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const from = new Date(to.getTime() - weeks * 7 * DAY_MS);
  return { from: from.toISOString(), to: to.toISOString(), weeks };
}

/**
 * Computes every facility's utilisation in the street and replaces the street's open
 * recommendations with the rule's current proposals (an open one the rule proposes again is kept
 * as it is). One transaction with one audit record.
 */
export async function recomputeStreet(
  db: Db,
  streetCode: string,
  options: { now?: Date; actor?: AuditActor | null; requestId?: string } = {},
): Promise<RecomputeResult> {
  const now = options.now ?? new Date();
  const window = utilisationWindow(now);
  const facilities = await db
    .selectFrom('facilities')
    .select(['id', 'code', 'openingHours'])
    .where('streetCode', '=', streetCode)
    .orderBy('code')
    .execute();
  const ids = facilities.map((facility) => facility.id);
  const [capacities, events, dismissed] = ids.length
    ? await Promise.all([
        db.selectFrom('facilityCapacities').selectAll().where('facilityId', 'in', ids).execute(),
        db
          .selectFrom('facilityEvents')
          .select(['facilityId', 'kind', 'occurredAt', 'serviceKey', 'durationMinutes'])
          .where('facilityId', 'in', ids)
          .where('occurredAt', '>=', window.from)
          .where('occurredAt', '<', window.to)
          .execute(),
        db
          .selectFrom('facilityRecommendations')
          .select(['serviceKey', 'fromFacilityId', 'toFacilityId'])
          .where('streetCode', '=', streetCode)
          .where('status', '=', 'dismissed')
          .where('decidedAt', '>=', new Date(now.getTime() - DISMISSAL_QUIET_DAYS * DAY_MS).toISOString())
          .execute(),
      ])
    : [[], [], []];
  const eventsOf = new Map<string, UsageEvent[]>();
  for (const event of events) {
    const list = eventsOf.get(event.facilityId) ?? [];
    list.push(event);
    eventsOf.set(event.facilityId, list);
  }
  const usage = facilities.map((facility) => ({
    facility,
    figures: computeUtilisation({
      events: eventsOf.get(facility.id) ?? [],
      capacities: capacities.filter((capacity) => capacity.facilityId === facility.id),
      schedule: scheduleOf(facility),
      weeks: window.weeks,
    }),
  }));
  const quiet = new Set(dismissed.map((d) => `${d.serviceKey}/${d.fromFacilityId}/${d.toFacilityId}`));
  const moves = proposeMoves(
    usage.map(({ facility, figures }) => ({
      facilityId: facility.id,
      facilityCode: facility.code,
      services: figures.services,
    })),
    window.weeks,
    (service, from, to) => quiet.has(`${service}/${from}/${to}`),
  );
  const computedAt = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const { facility, figures } of usage) {
      const values = {
        facilityId: facility.id,
        streetCode,
        windowFrom: window.from,
        windowTo: window.to,
        computedAt,
        figures: JSON.stringify(figures),
      };
      await trx
        .insertInto('facilityUtilisation')
        .values(values)
        .onConflict((oc) =>
          oc.column('facilityId').doUpdateSet({
            streetCode,
            windowFrom: window.from,
            windowTo: window.to,
            computedAt,
            figures: values.figures,
          }),
        )
        .execute();
    }
    const open = await trx
      .selectFrom('facilityRecommendations')
      .select(['id', 'serviceKey', 'fromFacilityId', 'toFacilityId', 'amount'])
      .where('streetCode', '=', streetCode)
      .where('status', '=', 'open')
      .execute();
    const sameMove = (move: ProposedMove) => (row: (typeof open)[number]) =>
      row.serviceKey === move.serviceKey &&
      row.fromFacilityId === move.fromFacilityId &&
      row.toFacilityId === move.toFacilityId &&
      row.amount === move.amount;
    const keptIds = new Set<string>();
    const fresh: ProposedMove[] = [];
    for (const move of moves) {
      const existing = open.find((row) => !keptIds.has(row.id) && sameMove(move)(row));
      if (existing) keptIds.add(existing.id);
      else fresh.push(move);
    }
    const superseded = open.filter((row) => !keptIds.has(row.id)).map((row) => row.id);
    if (superseded.length)
      await trx
        .updateTable('facilityRecommendations')
        .set({ status: 'superseded', decidedAt: computedAt })
        .where('id', 'in', superseded)
        .execute();
    if (fresh.length)
      await trx
        .insertInto('facilityRecommendations')
        .values(
          fresh.map((move) => ({
            id: uuidv7(),
            streetCode,
            serviceKey: move.serviceKey,
            unit: move.unit,
            fromFacilityId: move.fromFacilityId,
            toFacilityId: move.toFacilityId,
            amount: move.amount,
            rule: move.rule,
            figures: JSON.stringify(move.figures),
            status: 'open' as const,
            computedAt,
            decidedAt: null,
            decidedByUserId: null,
            dismissReason: null,
          })),
        )
        .execute();
    await appendAudit(trx, {
      actor: options.actor ?? null,
      action: 'facility.utilisation.recompute',
      objectType: 'street',
      objectId: streetCode,
      requestId: options.requestId,
      details: {
        windowFrom: window.from,
        windowTo: window.to,
        facilities: facilities.length,
        events: events.length,
        proposed: moves.length,
        added: fresh.length,
        superseded: superseded.length,
      },
    });
  });
  return {
    streetCode,
    facilities: facilities.length,
    events: events.length,
    recommendations: moves.length,
    windowFrom: window.from,
    windowTo: window.to,
  };
}

/** Streets worth a nightly computation: those with capacities planned or events in the window. */
export async function streetsWithUsage(db: Db, now = new Date()): Promise<string[]> {
  const window = utilisationWindow(now);
  const rows = await db
    .selectFrom('facilities as f')
    .select('f.streetCode')
    .distinct()
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('facilityCapacities as c')
            .select(sql`1`.as('one'))
            .whereRef('c.facilityId', '=', 'f.id'),
        ),
        eb.exists(
          eb
            .selectFrom('facilityEvents as e')
            .select(sql`1`.as('one'))
            .whereRef('e.facilityId', '=', 'f.id')
            .where('e.occurredAt', '>=', window.from),
        ),
      ]),
    )
    .orderBy('f.streetCode')
    .execute();
  return rows.map((row) => row.streetCode);
}
