// What the demo servers' own scripts (demo/*/main.ts) share: parsing their arguments, printing the
// listening line, stopping on SIGINT/SIGTERM, and exiting with the process that started them.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exits this process once the process `pid` (the one that started it) is gone. */
export function exitWithParent(pid: unknown): void {
  const parent = Number(pid);
  if (!Number.isInteger(parent) || parent <= 0) return;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 1000).unref();
}

/**
 * Prints one JSON line `{"listening": url}` on stdout and keeps the process alive until
 * SIGINT/SIGTERM, then closes the server and exits 0.
 */
export function serveUntilSignal(server: { url: string; close(): Promise<void> }): void {
  process.stdout.write(`${JSON.stringify({ listening: server.url })}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * A script's main: parses the command line strictly against `options` and runs; any error is
 * printed as `name: message` with the usage, and the process exits 2.
 */
export async function runServerScript(
  name: string,
  usage: string,
  options: NonNullable<ParseArgsConfig['options']>,
  run: (values: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  try {
    const { values } = parseArgs({ options, strict: true });
    await run(values);
  } catch (error) {
    process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    process.exit(2);
  }
}
