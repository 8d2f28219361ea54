import { benches } from '../../bench/index.ts';
import { UsageError, type Command } from './command.ts';

export const benchCommand: Command = {
  summary: 'Run a benchmark (bench NAME); figures go in bench/README.md',
  usage: [
    'Usage: tongban bench NAME [--duration SECONDS] [--connections N] [--only sqlite|postgres]',
    '',
    'Benchmarks:',
    ...Object.entries(benches).map(([name, bench]) => `  ${name.padEnd(16)} ${bench.summary}`),
    '',
    'Options (for the HTTP load benchmarks, e.g. applications):',
    '  --duration SECONDS   how long each load phase runs',
    '  --connections N      concurrent connections of the steady phases',
    '  --only DIALECT       run on one database only',
  ].join('\n'),
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    only: { type: 'string' },
  },
  async run({ values, positionals }) {
    const [name, ...extra] = positionals;
    if (!name) throw new UsageError('missing benchmark name');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const bench = benches[name];
    if (!bench) throw new UsageError(`unknown benchmark "${name}"`);
    const positive = (option: 'duration' | 'connections'): number | undefined => {
      const raw = values[option];
      if (raw === undefined) return undefined;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 1 || value > 10_000)
        throw new UsageError(`--${option} must be a whole number from 1 to 10000`);
      return value;
    };
    const only = values.only;
    if (only !== undefined && only !== 'sqlite' && only !== 'postgres')
      throw new UsageError('--only must be sqlite or postgres');
    await bench.run({
      duration: positive('duration'),
      connections: positive('connections'),
      only: only as 'sqlite' | 'postgres' | undefined,
    });
    return 0;
  },
};
