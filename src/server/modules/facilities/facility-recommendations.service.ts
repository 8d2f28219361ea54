// Capacities (staff hours or service slots per facility and service) as operators edit them, and
// the decisions on reallocation recommendations: accept moves the capacity, dismiss keeps it.
// Every change is audited in its own transaction.
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { CapacityUnit, FacilityRecommendationTable } from './facilities.tables.ts';
import { findFacilityByCode } from './facilities.repository.ts';
import { canManageFacility, canManageStreet, facilityActor } from './facility-keys.service.ts';
import { requestStreetRecompute } from './facility-utilisation.jobs.ts';
import { FACILITY_SERVICES, isFacilityServiceKey } from './facility-vocabulary.ts';
import { RULES, type ProposedMove } from './reallocation.ts';

export function presentRecommendation(
  row: FacilityRecommendationTable,
  facilities: { code: Map<string, string>; name: Map<string, string> },
  locale: Locale,
) {
  const service = isFacilityServiceKey(row.serviceKey) ? FACILITY_SERVICES[row.serviceKey] : undefined;
  return {
    id: row.id,
    streetCode: row.streetCode,
    serviceKey: row.serviceKey,
    serviceName: service ? (locale === 'en' ? service.en : service.zh) : row.serviceKey,
    unit: row.unit,
    amount: row.amount,
    from: {
      code: facilities.code.get(row.fromFacilityId) ?? '',
      name: facilities.name.get(row.fromFacilityId) ?? '',
    },
    to: {
      code: facilities.code.get(row.toFacilityId) ?? '',
      name: facilities.name.get(row.toFacilityId) ?? '',
    },
    rule: row.rule,
    ruleParameters: RULES[row.rule as keyof typeof RULES] ?? null,
    figures: JSON.parse(row.figures) as ProposedMove['figures'],
    status: row.status,
    computedAt: row.computedAt,
    decidedAt: row.decidedAt,
    dismissReason: row.dismissReason,
  };
}

/** Sets the weekly capacity of one service at a facility (its street's operators; admins). */
export async function setCapacity(
  db: Db,
  principal: Principal,
  code: string,
  serviceKey: string,
  capacity: { unit: CapacityUnit; weeklyAmount: number },
  context: { requestId?: string; now?: Date } = {},
) {
  const facility = await findFacilityByCode(db, code);
  if (!facility) throw new AppError('FACILITY_NOT_FOUND');
  if (!canManageFacility(principal, facility)) throw new AppError('AUTH_FORBIDDEN');
  if (!facility.services.split(';').includes(serviceKey)) throw new AppError('FACILITY_SERVICE_NOT_OFFERED');
  const updatedAt = (context.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('facilityCapacities')
      .select(['unit', 'weeklyAmount'])
      .where('facilityId', '=', facility.id)
      .where('serviceKey', '=', serviceKey)
      .executeTakeFirst();
    await trx
      .insertInto('facilityCapacities')
      .values({
        id: uuidv7(),
        facilityId: facility.id,
        serviceKey,
        ...capacity,
        updatedAt,
        updatedByUserId: principal.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['facilityId', 'serviceKey'])
          .doUpdateSet({ ...capacity, updatedAt, updatedByUserId: principal.userId }),
      )
      .execute();
    await appendAudit(trx, {
      actor: facilityActor(principal, facility.streetCode),
      action: 'facility.capacity.set',
      objectType: 'facility',
      objectId: facility.code,
      requestId: context.requestId,
      details: { serviceKey, before: before ?? null, after: capacity },
    });
  });
  return { facilityCode: facility.code, serviceKey, ...capacity, updatedAt };
}

async function openRecommendation(db: Db, principal: Principal, id: string) {
  const row = await db
    .selectFrom('facilityRecommendations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('FACILITY_RECOMMENDATION_NOT_FOUND');
  if (!canManageStreet(principal, row.streetCode)) throw new AppError('AUTH_FORBIDDEN');
  if (row.status !== 'open') throw new AppError('FACILITY_RECOMMENDATION_DECIDED', { status: row.status });
  return row;
}

/**
 * Accepts a recommendation: moves `amount` weekly staff hours or slots of the service from one
 * facility to the other, provided both capacities are still what the recommendation was computed
 * from. Other open recommendations of the street for that service are superseded and a recompute
 * of the street is queued, all in the same transaction as the audit record.
 */
export async function acceptRecommendation(
  db: Db,
  jobs: JobRunner,
  principal: Principal,
  id: string,
  context: { requestId?: string; now?: Date } = {},
) {
  const row = await openRecommendation(db, principal, id);
  const figures = JSON.parse(row.figures) as {
    from: { weeklyCapacity: number };
    to: { weeklyCapacity: number };
  };
  const decidedAt = (context.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    const capacities = await trx
      .selectFrom('facilityCapacities')
      .selectAll()
      .where('serviceKey', '=', row.serviceKey)
      .where('facilityId', 'in', [row.fromFacilityId, row.toFacilityId])
      .execute();
    const from = capacities.find((c) => c.facilityId === row.fromFacilityId);
    const to = capacities.find((c) => c.facilityId === row.toFacilityId);
    if (
      !from ||
      !to ||
      from.unit !== row.unit ||
      to.unit !== row.unit ||
      from.weeklyAmount !== figures.from.weeklyCapacity ||
      to.weeklyAmount !== figures.to.weeklyCapacity
    )
      throw new AppError('FACILITY_RECOMMENDATION_STALE');
    const claimed = await trx
      .updateTable('facilityRecommendations')
      .set({ status: 'accepted', decidedAt, decidedByUserId: principal.userId })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw new AppError('FACILITY_RECOMMENDATION_DECIDED', { status: 'accepted' });
    for (const [capacity, weeklyAmount] of [
      [from, from.weeklyAmount - row.amount],
      [to, to.weeklyAmount + row.amount],
    ] as const) {
      await trx
        .updateTable('facilityCapacities')
        .set({ weeklyAmount, updatedAt: decidedAt, updatedByUserId: principal.userId })
        .where('id', '=', capacity.id)
        .execute();
    }
    await trx
      .updateTable('facilityRecommendations')
      .set({ status: 'superseded', decidedAt })
      .where('streetCode', '=', row.streetCode)
      .where('serviceKey', '=', row.serviceKey)
      .where('status', '=', 'open')
      .execute();
    const actor = facilityActor(principal, row.streetCode);
    await appendAudit(trx, {
      actor,
      action: 'facility.recommendation.accept',
      objectType: 'facility_recommendation',
      objectId: id,
      requestId: context.requestId,
      details: {
        serviceKey: row.serviceKey,
        unit: row.unit,
        amount: row.amount,
        rule: row.rule,
        from: {
          facilityId: row.fromFacilityId,
          before: from.weeklyAmount,
          after: from.weeklyAmount - row.amount,
        },
        to: { facilityId: row.toFacilityId, before: to.weeklyAmount, after: to.weeklyAmount + row.amount },
      },
    });
    await requestStreetRecompute(jobs, row.streetCode, { ...actor, officeId: actor.officeId }, trx);
  });
  return { id, status: 'accepted' as const, decidedAt };
}

/** Dismisses a recommendation with the operator's reason; capacities stay as they are. */
export async function dismissRecommendation(
  db: Db,
  principal: Principal,
  id: string,
  reason: string,
  context: { requestId?: string; now?: Date } = {},
) {
  const row = await openRecommendation(db, principal, id);
  const decidedAt = (context.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('facilityRecommendations')
      .set({ status: 'dismissed', decidedAt, decidedByUserId: principal.userId, dismissReason: reason })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('FACILITY_RECOMMENDATION_DECIDED', { status: 'dismissed' });
    await appendAudit(trx, {
      actor: facilityActor(principal, row.streetCode),
      action: 'facility.recommendation.dismiss',
      objectType: 'facility_recommendation',
      objectId: id,
      requestId: context.requestId,
      details: { reason, serviceKey: row.serviceKey, amount: row.amount, rule: row.rule },
    });
  });
  return { id, status: 'dismissed' as const, decidedAt };
}
