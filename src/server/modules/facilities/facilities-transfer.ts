// The facilities CSV of CONTRACT.md: a streaming import in batched transactions, and an export
// that the import reads back identically. Districts and streets are exported as codes; the import
// takes codes or Chinese names.
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { listDistricts } from '../reference/reference.service.ts';
import { selectFacilitiesAfter, upsertFacilityRecords } from './facilities.repository.ts';
import { rowProblemText, type RowProblem } from './facility-row-problems.ts';
import {
  FACILITY_CSV_COLUMNS,
  facilityToCsvRow,
  parseFacilityRow,
  ReferenceLookup,
  type FacilityCsvRow,
  type FacilityRecord,
} from './facility-record.ts';

/** The file itself is unusable (header, CSV syntax); nothing after the problem was imported. */
export class FacilityCsvError extends Error {
  constructor(
    message: string,
    readonly isSyntax = false,
  ) {
    super(message);
  }
}

export interface FacilityCsvRowResult {
  /** The line the row ends on (1-based; the header is line 1). */
  line: number;
  code: string;
  checked: ReturnType<typeof parseFacilityRow>;
}

function fieldCountProblem(fields: number, columns: number) {
  const problem: RowProblem = { code: 'FIELD_COUNT', params: { fields, columns } };
  return { ok: false as const, reason: rowProblemText(problem, 'en'), problem };
}

/**
 * The checked data rows of a facilities CSV, one at a time in bounded memory. Throws
 * FacilityCsvError for an unusable file: no header, missing columns, broken CSV syntax.
 */
export async function* facilityCsvRows(
  input: Readable,
  refs: ReferenceLookup,
  thisYear?: number,
): AsyncGenerator<FacilityCsvRowResult> {
  const parser = input.pipe(
    parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  let header: string[] | undefined;
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      lastLine = info.lines;
      if (!header) {
        header = record.map((name) => name.trim());
        const missing = FACILITY_CSV_COLUMNS.filter((column) => !header!.includes(column));
        if (missing.length) throw new FacilityCsvError(`the header lacks the columns ${missing.join(', ')}`);
        continue;
      }
      const row = Object.fromEntries(
        header.map((name, index) => [name, record[index] ?? '']),
      ) as FacilityCsvRow;
      const checked =
        record.length === header.length
          ? parseFacilityRow(row, refs, thisYear)
          : fieldCountProblem(record.length, header.length);
      yield { line: info.lines, code: (row.code ?? '').trim(), checked };
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_'))
      throw new FacilityCsvError(`not valid CSV after line ${lastLine}: ${error.message}`, true);
    throw error;
  }
  if (!header) throw new FacilityCsvError('the file is empty (no header row)');
}

export interface FacilityImportReport {
  rows: number;
  created: number;
  updated: number;
  refused: number;
}

export interface FacilityImportOptions {
  actor?: AuditActor | null;
  batchSize?: number;
  onRefused?(line: number, code: string, reason: string): void;
  onProgress?(rows: number): void;
  thisYear?: number;
}

/**
 * Imports facilities from a CSV stream in bounded memory: rows are checked one by one, a bad row
 * is reported (line and reason) and imports nothing, the good ones are upserted by code in
 * transactions of `batchSize` rows, each with one audit record.
 */
export async function importFacilitiesCsv(
  db: Db,
  input: Readable,
  options: FacilityImportOptions = {},
): Promise<FacilityImportReport> {
  const refs = new ReferenceLookup(await listDistricts(db));
  const batchSize = options.batchSize ?? 1000;
  const report: FacilityImportReport = { rows: 0, created: 0, updated: 0, refused: 0 };
  let batch = new Map<string, FacilityRecord>();
  let batchFirstLine = 0;
  let lastLine = 0;
  const flush = async () => {
    if (batch.size === 0) return;
    const records = [...batch.values()];
    const fromLine = batchFirstLine;
    batch = new Map();
    await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('facilities')
        .select('code')
        .where(
          'code',
          'in',
          records.map((record) => record.code),
        )
        .execute();
      await upsertFacilityRecords(trx, records, new Date().toISOString());
      report.updated += existing.length;
      report.created += records.length - existing.length;
      await appendAudit(trx, {
        actor: options.actor ?? null,
        action: 'facility.import',
        objectType: 'facility',
        details: { fromLine, toLine: lastLine, facilities: records.length, updated: existing.length },
      });
    });
    options.onProgress?.(report.rows);
  };

  try {
    for await (const { line, code, checked } of facilityCsvRows(input, refs, options.thisYear)) {
      lastLine = line;
      report.rows += 1;
      if (!checked.ok) {
        report.refused += 1;
        options.onRefused?.(line, code, checked.reason);
        continue;
      }
      if (batch.size === 0) batchFirstLine = line;
      batch.delete(checked.record.code); // a later row of the same code wins, in file order
      batch.set(checked.record.code, checked.record);
      if (batch.size >= batchSize) await flush();
    }
  } catch (error) {
    // Rows before the broken part are imported; the error names where the file broke.
    if (error instanceof FacilityCsvError && error.isSyntax) await flush();
    throw error;
  }
  await flush();
  return report;
}

/** Writes every facility, by code, as the CSV the import reads. Returns how many. */
export async function exportFacilitiesCsv(
  db: Db,
  output: Writable,
  onProgress?: (rows: number) => void,
): Promise<number> {
  const write = async (text: string) => {
    if (!output.write(text)) await once(output, 'drain');
  };
  await write(stringify([[...FACILITY_CSV_COLUMNS]]));
  let afterCode = '';
  let count = 0;
  for (;;) {
    const page = await selectFacilitiesAfter(db, afterCode, 1000);
    if (page.length === 0) break;
    await write(stringify(page.map(facilityToCsvRow), { columns: [...FACILITY_CSV_COLUMNS] }));
    count += page.length;
    afterCode = page[page.length - 1]!.code;
    onProgress?.(count);
  }
  return count;
}
