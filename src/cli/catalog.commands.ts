import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { openDatabase, type Db } from '../server/platform/db/database.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';
import {
  cliPrincipal,
  exportCatalogue,
  importEntry,
  mergeCsvRow,
  SERVICE_CSV_COLUMNS,
  serviceToCsvRow,
  type ImportOutcome,
  type ServiceCsvRow,
} from '../server/modules/catalog/catalog-transfer.ts';
import { AppError, type FieldError } from '../server/platform/errors.ts';
import { progress, progressDone, UsageError, type CommandInput } from './command.ts';

function formatOf(file: string, explicit: unknown): 'json' | 'csv' {
  const format = typeof explicit === 'string' ? explicit : path.extname(file).slice(1).toLowerCase();
  if (format !== 'json' && format !== 'csv')
    throw new UsageError(`cannot tell the format of "${file}": use --format json or csv`);
  return format;
}

function report(outcome: ImportOutcome, unit: string): void {
  if (outcome.ok) return;
  const where = `${unit} ${outcome.position}${outcome.code ? ` (${outcome.code})` : ''}`;
  for (const error of outcome.errors) {
    process.stdout.write(`${where}: ${error.path || '(entry)'}: ${error.message}\n`);
  }
}

async function importJson(db: Db, file: string, publish: boolean): Promise<ImportOutcome[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `"${file}" is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const body = Array.isArray(parsed)
    ? { services: parsed, bundles: [] }
    : (parsed as { services?: unknown[]; bundles?: unknown[] });
  const entries = [
    ...(body.services ?? []).map((definition) => ({ entryType: 'service' as const, definition })),
    ...(body.bundles ?? []).map((definition) => ({ entryType: 'bundle' as const, definition })),
  ];
  const outcomes: ImportOutcome[] = [];
  const principal = cliPrincipal();
  for (const [index, entry] of entries.entries()) {
    const outcome = await importEntry(db, principal, entry.entryType, entry.definition, {
      publish,
      locale: 'en',
      position: index + 1,
    });
    outcomes.push(outcome);
    report(outcome, 'entry');
    progress(`Imported ${index + 1} of ${entries.length}`);
  }
  return outcomes;
}

async function importCsv(db: Db, file: string, publish: boolean): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const principal = cliPrincipal();
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, info: true }));
  let line = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: ServiceCsvRow;
      info: { lines: number };
    }>) {
      line = info.lines;
      const missing = SERVICE_CSV_COLUMNS.filter((column) => record[column] === undefined);
      if (missing.length) throw new UsageError(`the header lacks the columns ${missing.join(', ')}`);
      let outcome: ImportOutcome;
      try {
        const definition = await mergeCsvRow(db, record, 'en');
        outcome = await importEntry(db, principal, 'service', definition, {
          publish,
          locale: 'en',
          position: line,
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcome = {
          position: line,
          code: record.code,
          ok: false,
          errors: (error.details as FieldError[]) ?? [],
        };
      }
      outcomes.push(outcome);
      report(outcome, 'line');
      progress(`Imported ${outcomes.length} rows`);
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
      throw new UsageError(`"${file}" is not valid CSV near line ${line + 1}: ${error.message}`);
    }
    throw error;
  }
  return outcomes;
}

/** `tongban import services FILE [--publish] [--format json|csv]`. */
export async function importServices(
  { values, positionals, loadConfig }: CommandInput,
  file: string | undefined,
): Promise<number> {
  if (!file) throw new UsageError('missing FILE');
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`);
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const format = formatOf(file, values.format);
  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database.db);
    const publish = values.publish === true;
    const outcomes =
      format === 'json'
        ? await importJson(database.db, file, publish)
        : await importCsv(database.db, file, publish);
    progressDone();
    const good = outcomes.filter((o) => o.ok).length;
    const bad = outcomes.length - good;
    process.stdout.write(
      `${good} imported${publish ? ' and published' : ' as drafts'}, ${bad} refused (each refused entry changed nothing).\n`,
    );
    return bad > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** `tongban export services FILE [--format json|csv]`. */
export async function exportServices(
  { values, positionals, loadConfig }: CommandInput,
  file: string | undefined,
): Promise<number> {
  if (!file) throw new UsageError('missing FILE');
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`);
  const format = formatOf(file, values.format);
  const database = openDatabase(loadConfig());
  try {
    const catalogue = await exportCatalogue(database.db);
    if (format === 'json') {
      fs.writeFileSync(file, `${JSON.stringify(catalogue, null, 2)}\n`);
    } else {
      const rows = catalogue.services.map(serviceToCsvRow);
      fs.writeFileSync(file, stringify(rows, { header: true, columns: [...SERVICE_CSV_COLUMNS] }));
    }
    process.stdout.write(
      `Exported ${catalogue.services.length} services${format === 'json' ? ` and ${catalogue.bundles.length} bundles` : ''} to ${file}.\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
