// Operator imports of the facilities CSV: the upload is stored and previewed (counts of new,
// updated, unchanged and bad rows, the first bad rows, the first changes) without touching the
// registry; applying it is a durable job that writes exactly the previewed changes in batches,
// records its progress, resumes after a restart, and stops if a facility changed since the preview.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { uuidv7 } from 'uuidv7';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { listDistricts } from '../reference/reference.service.ts';
import type { FacilityImportTable, FacilityTable } from './facilities.tables.ts';
import { upsertFacilityRecords } from './facilities.repository.ts';
import { FacilityCsvError, facilityCsvRows, type FacilityCsvRowResult } from './facilities-transfer.ts';
import { classifyRow, type FieldDiff, type RowOutcome } from './facility-import-diff.ts';
import { operatedStreets } from './facility-keys.service.ts';
import { ReferenceLookup } from './facility-record.ts';
import type { RowProblem } from './facility-row-problems.ts';

/** Largest CSV an operator may upload (about 100,000 facilities). */
export const FACILITY_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const FACILITY_IMPORT_QUEUE = 'facilities.import';
/** How many bad rows, changes and new rows the preview lists (the counts cover all). */
export const PREVIEW_LIST_LIMIT = 50;
const BATCH = 1000;

export interface ImportCounts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  bad: number;
}

export interface ImportPreview extends ImportCounts {
  badRows: { line: number; code: string; problem: RowProblem }[];
  changes: { line: number; code: string; name: string; diffs: FieldDiff[] }[];
  newRows: { line: number; code: string; name: string }[];
}

/** The importer's streets: null for a platform admin (every street). */
function scopeOf(principal: Principal): string[] | null {
  return principal.isAdmin ? null : operatedStreets(principal);
}

/** Walks the file in batches, classifying each row against the registry as it is now. */
async function walk(
  db: Db,
  content: string,
  scope: readonly string[] | null,
  onBatch: (outcomes: RowOutcome[], existing: Map<string, FacilityTable>) => Promise<void>,
  batchSize = BATCH,
): Promise<void> {
  const refs = new ReferenceLookup(await listDistricts(db));
  const firstLineOf = new Map<string, number>();
  let pending: FacilityCsvRowResult[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const codes = [...new Set(pending.map((row) => row.code).filter(Boolean))];
    const stored = codes.length
      ? await db.selectFrom('facilities').selectAll().where('code', 'in', codes).execute()
      : [];
    const existing = new Map(stored.map((row) => [row.code, row]));
    const outcomes = pending.map((row) =>
      classifyRow(
        row,
        row.checked.ok ? existing.get(row.checked.record.code) : undefined,
        scope,
        firstLineOf,
      ),
    );
    pending = [];
    await onBatch(outcomes, existing);
  };
  for await (const row of facilityCsvRows(Readable.from([content]), refs)) {
    pending.push(row);
    if (pending.length >= batchSize) await flush();
  }
  await flush();
}

function emptyPreview(): ImportPreview {
  return { rows: 0, new: 0, updated: 0, unchanged: 0, bad: 0, badRows: [], changes: [], newRows: [] };
}

function tally(preview: ImportPreview, outcome: RowOutcome) {
  preview.rows += 1;
  preview[outcome.kind] += 1;
  const room = (list: unknown[]) => list.length < PREVIEW_LIST_LIMIT;
  if (outcome.kind === 'bad' && room(preview.badRows))
    preview.badRows.push({ line: outcome.line, code: outcome.code, problem: outcome.problem });
  if (outcome.kind === 'updated' && room(preview.changes))
    preview.changes.push({
      line: outcome.line,
      code: outcome.record.code,
      name: outcome.record.name,
      diffs: outcome.diffs,
    });
  if (outcome.kind === 'new' && room(preview.newRows))
    preview.newRows.push({ line: outcome.line, code: outcome.record.code, name: outcome.record.name });
}

/** Decodes the upload as UTF-8 text; FACILITY_IMPORT_FILE_INVALID when it is not. */
export function decodeCsv(bytes: Buffer): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) throw new Error('NUL');
    return text;
  } catch {
    throw new AppError('FACILITY_IMPORT_FILE_INVALID', { reason: 'not UTF-8 text' });
  }
}

/**
 * Stores the upload and answers its preview; writes nothing to the registry. Operators may
 * upload rows of their own street only (others come back as bad rows, "not your street").
 */
export async function previewFacilityImport(
  db: Db,
  principal: Principal,
  upload: { fileName: string; bytes: Buffer },
  context: { actor: AuditActor; requestId?: string; now?: Date },
): Promise<FacilityImportTable> {
  const scope = scopeOf(principal);
  const content = decodeCsv(upload.bytes);
  const preview = emptyPreview();
  try {
    await walk(db, content, scope, async (outcomes) => {
      for (const outcome of outcomes) tally(preview, outcome);
    });
  } catch (error) {
    if (error instanceof FacilityCsvError)
      throw new AppError('FACILITY_IMPORT_FILE_INVALID', { reason: error.message });
    throw error;
  }
  const row: FacilityImportTable = {
    id: uuidv7(),
    createdByUserId: principal.userId,
    streetScope: scope ? scope.join(';') : null,
    fileName: upload.fileName,
    sizeBytes: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    content,
    status: 'previewed',
    previewedAt: (context.now ?? new Date()).toISOString(),
    preview: JSON.stringify(preview),
    appliedThroughLine: 0,
    appliedRows: 0,
    result: null,
    finishedAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('facilityImports').values(row).execute();
    await appendAudit(trx, {
      actor: context.actor,
      action: 'facility.import.preview',
      objectType: 'facility_import',
      objectId: row.id,
      requestId: context.requestId,
      details: { fileName: row.fileName, sizeBytes: row.sizeBytes, sha256: row.sha256, ...countsOf(preview) },
    });
  });
  return row;
}

export function countsOf(preview: ImportCounts): ImportCounts {
  return {
    rows: preview.rows,
    new: preview.new,
    updated: preview.updated,
    unchanged: preview.unchanged,
    bad: preview.bad,
  };
}

/** An import the principal may see: their own, or any for a platform admin. */
export async function getFacilityImport(db: Db, principal: Principal, id: string) {
  const row = await db.selectFrom('facilityImports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (!principal.isAdmin && row.createdByUserId !== principal.userId))
    throw new AppError('FACILITY_IMPORT_NOT_FOUND');
  return row;
}

/** Queues the apply job of a previewed import (audited); the job does the writing. */
export async function requestFacilityImport(
  db: Db,
  jobs: JobRunner,
  principal: Principal,
  id: string,
  context: { actor: AuditActor; requestId?: string },
): Promise<FacilityImportTable> {
  const row = await getFacilityImport(db, principal, id);
  if (row.status !== 'previewed') throw new AppError('FACILITY_IMPORT_NOT_PREVIEWED', { status: row.status });
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('facilityImports')
      .set({ status: 'applying' })
      .where('id', '=', id)
      .where('status', '=', 'previewed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new AppError('FACILITY_IMPORT_NOT_PREVIEWED', { status: 'applying' });
    await jobs.enqueue(
      FACILITY_IMPORT_QUEUE,
      { importId: id },
      { dedupeKey: `${FACILITY_IMPORT_QUEUE}:${id}` },
      trx,
    );
    await appendAudit(trx, {
      actor: context.actor,
      action: 'facility.import.apply',
      objectType: 'facility_import',
      objectId: id,
      requestId: context.requestId,
      details: { fileName: row.fileName, sha256: row.sha256 },
    });
  });
  return { ...row, status: 'applying' };
}

class StaleImport extends Error {}

/**
 * The apply job: writes the new and updated rows batch by batch, each batch one transaction with
 * its audit record and the import's progress. Lines already applied (a resumed job) are skipped.
 * A batch whose facilities changed after the preview stops the import as `stale`.
 */
export async function applyFacilityImport(
  db: Db,
  id: string,
  options: { batchSize?: number; afterBatch?: (lastLine: number) => void } = {},
): Promise<void> {
  const row = await db.selectFrom('facilityImports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.status !== 'applying') return;
  const scope = row.streetScope === null ? null : row.streetScope.split(';');
  const actorRow = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', '=', row.createdByUserId)
    .executeTakeFirst();
  const actor: AuditActor | null = actorRow ? { userId: actorRow.id, name: actorRow.displayName } : null;
  // A resumed job goes on from the tally of the batches already applied.
  const result = row.result ? (JSON.parse(row.result) as ImportPreview) : emptyPreview();
  let appliedRows = row.appliedRows;
  try {
    await walk(
      db,
      row.content,
      scope,
      async (outcomes, existing) => {
        const lastLine = outcomes[outcomes.length - 1]!.line;
        if (lastLine <= row.appliedThroughLine) return;
        for (const outcome of outcomes) tally(result, outcome);
        const changed = [...existing.values()].some((facility) => facility.updatedAt > row.previewedAt);
        if (changed) throw new StaleImport();
        const writes = outcomes.flatMap((outcome) =>
          (outcome.kind === 'new' || outcome.kind === 'updated') && outcome.line > row.appliedThroughLine
            ? [outcome.record]
            : [],
        );
        appliedRows += writes.length;
        await db.transaction().execute(async (trx) => {
          await upsertFacilityRecords(trx, writes, new Date().toISOString());
          await trx
            .updateTable('facilityImports')
            .set({ appliedThroughLine: lastLine, appliedRows, result: JSON.stringify(result) })
            .where('id', '=', id)
            .execute();
          if (writes.length)
            await appendAudit(trx, {
              actor,
              action: 'facility.import',
              objectType: 'facility_import',
              objectId: id,
              details: {
                toLine: lastLine,
                facilities: writes.length,
                codes: writes.map((w) => w.code).slice(0, 100),
              },
            });
        });
        options.afterBatch?.(lastLine);
      },
      options.batchSize,
    );
  } catch (error) {
    if (!(error instanceof StaleImport) && !(error instanceof FacilityCsvError)) throw error;
    await finish(db, id, error instanceof StaleImport ? 'stale' : 'failed', result, actor);
    return;
  }
  await finish(db, id, 'applied', result, actor);
}

async function finish(
  db: Db,
  id: string,
  status: 'applied' | 'stale' | 'failed',
  result: ImportPreview,
  actor: AuditActor | null,
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('facilityImports')
      .set({ status, result: JSON.stringify(result), finishedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor,
      action: `facility.import.${status}`,
      objectType: 'facility_import',
      objectId: id,
      details: { ...countsOf(result) },
    });
  });
}
