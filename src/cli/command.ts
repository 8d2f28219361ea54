import type { AppConfig } from '../server/platform/config.ts';

export interface CommandInput {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  loadConfig(): AppConfig;
}

export interface Command {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(input: CommandInput): Promise<number>;
}

/** Wrong use of a command: reported with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** Prints progress on a terminal only; piped output stays quiet. */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r${message}\x1b[K`);
}

export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
}
