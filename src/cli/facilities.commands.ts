import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { openDatabase } from '../server/platform/db/database.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';
import {
  exportFacilitiesCsv,
  FacilityCsvError,
  importFacilitiesCsv,
} from '../server/modules/facilities/facilities-transfer.ts';
import { progress, progressDone, UsageError, type CommandInput } from './command.ts';

function checkArguments(positionals: string[], file: string | undefined): asserts file is string {
  if (!file) throw new UsageError('missing FILE');
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`);
}

/** `tongban import facilities FILE`: streams the CSV, reports refused rows, exits 1 if any. */
export async function importFacilities(
  { positionals, loadConfig }: CommandInput,
  file: string | undefined,
): Promise<number> {
  checkArguments(positionals, file);
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const database = openDatabase(loadConfig());
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    const report = await importFacilitiesCsv(database.db, fs.createReadStream(file), {
      actor: { userId: 'cli', name: '命令行 (tongban CLI)' },
      onRefused: (line, code, reason) => {
        progressDone();
        process.stdout.write(`line ${line}${code ? ` (${code})` : ''}: ${reason}\n`);
      },
      onProgress: (rows) => progress(`Imported ${rows} rows`),
    }).catch((error: unknown) => {
      if (error instanceof FacilityCsvError) throw new UsageError(`"${file}": ${error.message}`);
      throw error;
    });
    progressDone();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${report.created + report.updated} facilities imported (${report.created} new, ${report.updated} updated), ` +
        `${report.refused} rows refused (each refused row changed nothing) in ${seconds.toFixed(1)} s.\n`,
    );
    return report.refused > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** `tongban export facilities FILE`: every facility, by code, in the import's CSV format. */
export async function exportFacilities(
  { positionals, loadConfig }: CommandInput,
  file: string | undefined,
): Promise<number> {
  checkArguments(positionals, file);
  const database = openDatabase(loadConfig());
  try {
    const output = fs.createWriteStream(file);
    const count = await exportFacilitiesCsv(database.db, output, (rows) => progress(`Exported ${rows} rows`));
    output.end();
    await finished(output);
    progressDone();
    process.stdout.write(`Exported ${count} facilities to ${file}.\n`);
    return 0;
  } finally {
    await database.close();
  }
}
