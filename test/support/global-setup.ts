import type { TestProject } from 'vitest/node';
import { testDialects } from './dialects.ts';
import { startPostgresCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL cluster; only provided when postgres is a test dialect. */
    pgAdminUrl: string;
  }
}

/** Starts one PostgreSQL cluster for the whole run when postgres is among the test dialects. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!testDialects().includes('postgres')) return undefined;
  const startedAt = Date.now();
  const cluster = await startPostgresCluster();
  const where = new URL(cluster.adminUrl).host;
  console.log(
    process.env.TONGBAN_TEST_PG_URL
      ? `[postgres] using TONGBAN_TEST_PG_URL (${where})`
      : `[postgres] throwaway cluster on ${where}, ready in ${Date.now() - startedAt} ms`,
  );
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
