import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A PostgreSQL server the tests may use: a throwaway cluster, or the one in TONGBAN_TEST_PG_URL. */
export interface PostgresCluster {
  /** Superuser connection string to the `postgres` database. */
  adminUrl: string;
  /** Stops the cluster and deletes its files (a no-op for an external server). */
  stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

/**
 * Starts a throwaway PostgreSQL cluster in a temp dir on a free port, tuned for speed over
 * durability (no fsync). When TONGBAN_TEST_PG_URL is set, that server is used instead and
 * nothing is started. As root, installs Debian's `postgresql` package if no server is found.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const externalUrl = process.env.TONGBAN_TEST_PG_URL;
  if (externalUrl) return { adminUrl: externalUrl, stop: async () => {} };

  const binDir = await findOrInstallBinDir();
  const baseDir = mkdtempSync(join(tmpdir(), 'tongban-pg-'));
  const dataDir = join(baseDir, 'data');
  const logFile = join(baseDir, 'log');
  // initdb and postgres refuse to run as root, so as root the cluster belongs to `postgres`.
  const asOwner = (tool: string, args: string[]): [string, string[]] =>
    isRoot ? ['runuser', ['-u', 'postgres', '--', join(binDir, tool), ...args]] : [join(binDir, tool), args];
  const pgCtl = (args: string[]) => asOwner('pg_ctl', args);

  let started = false;
  const stopSync = () => {
    if (started) {
      const [command, args] = pgCtl(['stop', '-D', dataDir, '-m', 'immediate', '-s']);
      spawnSync(command, args, { cwd: baseDir, stdio: 'ignore' });
      started = false;
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  const removeExitHandlers = installExitHandlers(stopSync);

  try {
    if (isRoot) await run('chown', ['postgres:', baseDir]);
    await run(
      ...asOwner('initdb', [
        '-D',
        dataDir,
        '-A',
        'trust',
        '-U',
        'postgres',
        '--no-sync',
        '-E',
        'UTF8',
        '--locale=C',
      ]),
      baseDir,
    );
    const port = await findFreePort();
    const serverOptions = [
      `-k ${shellQuote(baseDir)}`,
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    started = true;
    try {
      await run(...pgCtl(['start', '-D', dataDir, '-l', logFile, '-w', '-o', serverOptions]), baseDir);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- postgres log ---\n${readTail(logFile)}`, {
        cause: error,
      });
    }
    return {
      adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        removeExitHandlers();
        if (started) {
          started = false;
          await run(...pgCtl(['stop', '-D', dataDir, '-m', 'immediate', '-s']), baseDir).catch(
            (error: unknown) => console.warn(`[postgres] stop failed: ${(error as Error).message}`),
          );
        }
        rmSync(baseDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    removeExitHandlers();
    stopSync();
    throw error;
  }
}

async function findOrInstallBinDir(): Promise<string> {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl, postgres) not found. Install the Debian package ' +
        '`postgresql` (sudo apt-get install postgresql), or set TONGBAN_TEST_PG_URL to an existing ' +
        'server, or run only SQLite with TONGBAN_TEST_DIALECTS=sqlite.',
    );
  }
  console.log('[postgres] no PostgreSQL server found: running apt-get install -y postgresql');
  const install = () =>
    run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], undefined, true);
  try {
    await install();
  } catch {
    // A fresh machine has no package lists yet.
    await run('apt-get', ['update'], undefined, true);
    await install();
  }
  const installed = findBinDir();
  if (!installed) throw new Error('apt-get installed postgresql but no initdb/pg_ctl was found afterwards');
  return installed;
}

function findBinDir(): string | undefined {
  const hasTools = (dir: string) =>
    ['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(join(dir, tool)));
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const version of versions) {
      const dir = join(root, version, 'bin');
      if (hasTools(dir)) return dir;
    }
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const configured = pgConfig.status === 0 ? pgConfig.stdout.trim() : '';
  if (configured && hasTools(configured)) return configured;
  return (process.env.PATH ?? '').split(delimiter).find((dir) => dir && hasTools(dir));
}

/** Asks the kernel for a free port; the tiny race until postgres binds it is acceptable in tests. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** Runs a command; rejects with its output on failure. Settles on exit, not on stream close,
 * because a daemon started by pg_ctl may inherit descriptors. */
function run(command: string, args: string[], cwd?: string, showOutput = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: showOutput ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output}`));
    });
  });
}

/** Best effort: if the runner exits or is interrupted without teardown, do not leave postgres behind. */
function installExitHandlers(cleanup: () => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup();
    // Keep the default behaviour (dying by the signal) unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.on('exit', cleanup);
  for (const signal of signals) process.once(signal, onSignal);
  return () => {
    process.off('exit', cleanup);
    for (const signal of signals) process.off(signal, onSignal);
  };
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}
