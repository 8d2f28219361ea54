import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/platform/config.ts';
import { serveCommand } from './serve.command.ts';
import { migrateCommand, seedCommand } from './db.commands.ts';
import { auditCommand } from './audit.command.ts';
import { benchCommand } from './bench.command.ts';
import { reportCommand } from './report.command.ts';
import { departmentServerCommand } from './department-server.command.ts';
import { billersCommand, paymentProviderCommand } from './payment-provider.command.ts';
import { reconcileCommand } from './reconcile.command.ts';
import { exportCommand, importCommand } from './transfer.commands.ts';
import { UsageError, type Command } from './command.ts';

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  audit: auditCommand,
  import: importCommand,
  export: exportCommand,
  bench: benchCommand,
  report: reportCommand,
  'department-server': departmentServerCommand,
  'payment-provider': paymentProviderCommand,
  billers: billersCommand,
  reconcile: reconcileCommand,
};

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return [
    'Usage: tongban <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `tongban <command> --help` for the options of a command.',
    'Configuration comes from environment variables; see README.md.',
  ].join('\n');
}

/** The `tongban` command line. Returns the exit code: 0 ok, 1 failure, 2 wrong use. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`tongban: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: { help: { type: 'boolean', short: 'h' }, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run({
      values: parsed.values,
      positionals: parsed.positionals,
      loadConfig: () => loadConfig(),
    });
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      process.stderr.write(`tongban ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`tongban: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`tongban ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
