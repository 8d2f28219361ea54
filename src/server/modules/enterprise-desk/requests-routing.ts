// Routing a request to offices and each office answering its part (诉求转办).
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { listOffices } from '../reference/reference.service.ts';
import { actorOf, auditBase, change, type RequestContext } from './requests-change.ts';
import { notifyDesk, notifyFiler, notifyOffices } from './requests-notify.ts';
import {
  insertParts,
  listParts,
  lockRequest,
  recordRequestEvent,
  updateRequest,
} from './requests.repository.ts';
import type { DeskRequestPartTable, DeskRequestTable } from './requests.tables.ts';

/**
 * The manager routes the request to one or more offices of its district (or city-wide bodies),
 * each with instructions; each office then answers its part. More offices may be added while it
 * is routed; an office gets one part per round (a reopening starts a new round).
 */
export async function routeRequest(
  context: RequestContext,
  requestId: string,
  offices: { officeId: string; instructions: string }[],
): Promise<void> {
  const officeIds = offices.map((o) => o.officeId);
  const found = await listOffices(context.deps.database.db, { ids: [...new Set(officeIds)] });
  await change(
    context,
    requestId,
    { viewer: 'desk', statuses: ['submitted', 'accepted', 'reopened', 'routed'] },
    async (trx, row, now) => {
      const existing = (await listParts(trx, row.id)).filter((p) => p.round === row.reopenCount);
      const taken = new Set(existing.map((p) => p.officeId));
      const usable = new Map(
        found
          .filter((o) => o.districtCode === null || o.districtCode === row.districtCode)
          .map((o) => [o.id, o]),
      );
      if (
        new Set(officeIds).size !== officeIds.length ||
        officeIds.some((id) => !usable.has(id) || taken.has(id))
      )
        throw new AppError('DESK_OFFICE_INVALID', {}, { officeIds });
      const at = now.toISOString();
      const parts: DeskRequestPartTable[] = offices.map((o) => ({
        id: uuidv7(),
        requestId: row.id,
        officeId: o.officeId,
        instructions: o.instructions.trim(),
        status: 'open',
        round: row.reopenCount,
        answer: null,
        answeredByUserId: null,
        answeredAt: null,
        routedByUserId: context.principal.userId,
        routedAt: at,
      }));
      await insertParts(trx, parts);
      const next: DeskRequestTable = {
        ...row,
        status: 'routed',
        managerUserId: row.managerUserId ?? context.principal.userId,
        managerOfficeId: row.managerOfficeId ?? context.principal.staff[0]!.officeId,
        firstRespondedAt: row.firstRespondedAt ?? at,
        updatedAt: at,
      };
      await updateRequest(trx, row.id, {
        status: 'routed',
        managerUserId: next.managerUserId,
        managerOfficeId: next.managerOfficeId,
        firstRespondedAt: next.firstRespondedAt,
        updatedAt: at,
      });
      await recordRequestEvent(trx, {
        requestId: row.id,
        at,
        kind: 'routed',
        actor: actorOf(context.principal),
        details: { officeIds },
      });
      await notifyOffices(trx, context.deps, next, officeIds);
      if (row.status !== 'routed') await notifyFiler(trx, context.deps, next, 'routed');
      await appendAudit(trx, {
        ...auditBase(context, row),
        action: 'desk.request.route',
        details: { officeIds },
      });
    },
  );
}

/**
 * Staff of the office answer their office's part. When every part of the current round is
 * answered, the request is answered and the filer and the manager are told.
 */
export async function answerPart(context: RequestContext, partId: string, answer: string): Promise<void> {
  const { deps, principal } = context;
  await deps.database.db.transaction().execute(async (trx) => {
    const part = await trx
      .selectFrom('deskRequestParts')
      .selectAll()
      .where('id', '=', partId)
      .executeTakeFirst();
    const officeIds = new Set(principal.staff.map((s) => s.officeId));
    if (!part || !officeIds.has(part.officeId)) throw new AppError('DESK_REQUEST_PART_NOT_FOUND');
    const row = (await lockRequest(trx, part.requestId))!;
    if (part.status === 'answered') throw new AppError('DESK_REQUEST_PART_ANSWERED');
    if (row.status !== 'routed' || part.round !== row.reopenCount)
      throw new AppError('DESK_REQUEST_STATE', { status: row.status }, { status: row.status });
    const at = deps.clock.now().toISOString();
    const updated = await trx
      .updateTable('deskRequestParts')
      .set({ status: 'answered', answer: answer.trim(), answeredByUserId: principal.userId, answeredAt: at })
      .where('id', '=', part.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('DESK_REQUEST_PART_ANSWERED');
    await recordRequestEvent(trx, {
      requestId: row.id,
      at,
      kind: 'part_answered',
      actor: actorOf(principal),
      officeId: part.officeId,
      body: answer.trim(),
    });
    await appendAudit(trx, {
      ...auditBase(context, row),
      actor: { ...actorOf(principal), officeId: part.officeId },
      action: 'desk.request.part.answer',
      details: { partId: part.id, officeId: part.officeId },
    });
    const stillOpen = (await listParts(trx, row.id)).some(
      (p) => p.round === row.reopenCount && p.status === 'open',
    );
    if (stillOpen) return;
    const next: DeskRequestTable = { ...row, status: 'answered', answeredAt: at, updatedAt: at };
    await updateRequest(trx, row.id, { status: 'answered', answeredAt: at, updatedAt: at });
    await recordRequestEvent(trx, {
      requestId: row.id,
      at,
      kind: 'answered',
      actor: null,
      details: { allParts: true },
    });
    await notifyFiler(trx, deps, next, 'answered');
    await notifyDesk(trx, deps, next, 'answered');
  });
}
