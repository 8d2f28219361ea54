import { benches } from '../../bench/index.ts';
import { UsageError, type Command } from './command.ts';

export const benchCommand: Command = {
  summary: 'Run a benchmark (bench NAME); figures go in bench/README.md',
  usage: [
    'Usage: tongban bench NAME',
    '',
    'Benchmarks:',
    ...Object.entries(benches).map(([name, bench]) => `  ${name.padEnd(16)} ${bench.summary}`),
  ].join('\n'),
  options: {},
  async run({ positionals }) {
    const [name, ...extra] = positionals;
    if (!name) throw new UsageError('missing benchmark name');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const bench = benches[name];
    if (!bench) throw new UsageError(`unknown benchmark "${name}"`);
    await bench.run();
    return 0;
  },
};
