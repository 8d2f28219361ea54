import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startRuntime } from '../server/runtime.ts';
import { startDemoPaymentServers } from '../server/modules/payments/providers/demo-servers.ts';
import { UsageError, type Command } from './command.ts';

export const serveCommand: Command = {
  summary: 'Serve the web app and the API (what `npm start` runs)',
  usage: [
    'Usage: tongban serve [--build-web-if-needed]',
    '',
    'Serves the web app and the API on PORT (default 3000). Applies migrations and, unless',
    'TONGBAN_DEMO=off, loads the demo city on first start. Stops gracefully on SIGINT/SIGTERM.',
    '',
    '  --build-web-if-needed   build the web app first when dist/web is missing or older than src/web',
  ].join('\n'),
  options: { 'build-web-if-needed': { type: 'boolean' } },
  async run({ values, positionals, loadConfig }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const config = loadConfig();
    if (values['build-web-if-needed'] && webBuildIsStale(config.webDir)) {
      process.stderr.write('Building the web app…\n');
      const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
      if (build.status !== 0) throw new Error('the web app failed to build');
    }
    // A demo city pays through the demo payment provider and billers: started here, alongside the
    // runtime (not before it), unless they are running already.
    const demoServers = config.demoPaymentServers ? startDemoPaymentServers(config) : undefined;
    const runtime = await startRuntime(config);
    void demoServers?.then((servers) => {
      runtime.app.log.info(
        { started: servers.started, reused: servers.reused },
        'demo payment provider and billers (DEMO ONLY: no money moves)',
      );
      if (servers.failed.length)
        runtime.app.log.warn(
          { failed: servers.failed },
          'the demo payment provider or billers could not be started: payments will say they are unavailable',
        );
    });
    const stop = (signal: string) => {
      runtime.app.log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
      runtime.close().then(
        async () => {
          await (await demoServers)?.stop();
          process.exit(0);
        },
        (error: unknown) => {
          runtime.app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    await runtime.app.listen({ port: config.port, host: config.host });
    runtime.app.log.info(
      { database: runtime.deps.database.description, demo: config.demo },
      `Tongban is serving on http://localhost:${config.port}`,
    );
    return new Promise<number>(() => undefined);
  },
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function webBuildIsStale(webDir: string): boolean {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = path.resolve('src/web');
  return fs.existsSync(sources) && newestMtime(sources) > fs.statSync(index).mtimeMs;
}
