import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { sql } from 'kysely';
import { DEMO_OPERATOR_FACILITY } from '../demo/facilities.ts';
import { cliPrincipal } from '../src/server/modules/catalog/catalog-transfer.ts';
import { ingestFacilityEvents } from '../src/server/modules/facilities/facility-events.service.ts';
import {
  authenticateFacilityKey,
  rotateFacilityKey,
} from '../src/server/modules/facilities/facility-keys.service.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { startRuntime } from '../src/server/runtime.ts';
import { startPostgresCluster, type PostgresCluster } from '../test/support/postgres.ts';
import type { Bench } from './index.ts';

const BATCH = 500;
const SERVICE_EVENTS = 100_000;
const HTTP_EVENTS = 50_000;
const TERMINAL = `T-${DEMO_OPERATOR_FACILITY.code}-1`;

function batchOf(size: number): unknown[] {
  const base = Date.now() - 86_400_000;
  return Array.from({ length: size }, (_, i) => {
    const occurredAt = new Date(base + Math.floor(Math.random() * 86_400_000)).toISOString();
    switch (i % 4) {
      case 0:
        return { eventId: uuidv7(), kind: 'check_in', occurredAt };
      case 1:
        return {
          eventId: uuidv7(),
          kind: 'service_session',
          occurredAt,
          service: 'meals',
          durationMinutes: 30,
        };
      case 2:
        return {
          eventId: uuidv7(),
          kind: 'terminal_transaction',
          occurredAt,
          terminalId: TERMINAL,
          type: 'query',
        };
      default:
        return {
          eventId: uuidv7(),
          kind: 'wearable_trace',
          occurredAt,
          deviceId: `w-${i % 97}abcdef`,
          zone: 'hall',
        };
    }
  });
}

async function measure(label: string, total: number, send: (batch: unknown[]) => Promise<number>) {
  const batches = Array.from({ length: total / BATCH }, () => batchOf(BATCH));
  await send(batchOf(BATCH)); // warm-up
  const started = performance.now();
  let accepted = 0;
  for (const batch of batches) accepted += await send(batch);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${label}: ${accepted} events in ${seconds.toFixed(2)} s = ${Math.round(accepted / seconds)} events/s\n`,
  );
}

/** Service function and HTTP (real socket) ingest on one dialect. */
async function runOn(dialect: string, databaseUrl: string | undefined) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-'));
  try {
    const config = loadConfig(
      {},
      { dataDir, databaseUrl, logLevel: 'silent', jobsEnabled: false, demo: true },
    );
    const runtime = await startRuntime(config, { startJobs: false });
    try {
      const db = runtime.deps.database.db;
      const { key } = await rotateFacilityKey(db, cliPrincipal(), DEMO_OPERATOR_FACILITY.code);
      await measure(`${dialect} service`, SERVICE_EVENTS, async (batch) => {
        const device = await authenticateFacilityKey(db, key);
        return (await ingestFacilityEvents(db, device, batch, { locale: 'zh-CN' })).accepted;
      });
      const address = await runtime.app.listen({ host: '127.0.0.1', port: 0 });
      await measure(`${dialect} HTTP   `, HTTP_EVENTS, async (batch) => {
        const response = await fetch(`${address}/api/v1/facility-events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-facility-key': key },
          body: JSON.stringify(batch),
        });
        return ((await response.json()) as { accepted: number }).accepted;
      });
    } finally {
      await runtime.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Facility device events ingested per second, in batches of 500, on SQLite and PostgreSQL. */
export const facilityEventsBench: Bench = {
  summary: 'facility device events ingested per second (service and HTTP) on SQLite and PostgreSQL',
  async run() {
    await runOn('sqlite', undefined);
    let cluster: PostgresCluster;
    try {
      cluster = await startPostgresCluster();
    } catch (error) {
      process.stdout.write(
        `postgres: skipped, no cluster could start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})\n`,
      );
      return;
    }
    try {
      const admin = openDatabase({ databaseUrl: cluster.adminUrl, dataDir: os.tmpdir() });
      await sql`create database bench_facility_events`.execute(admin.db);
      await admin.close();
      const url = new URL(cluster.adminUrl);
      url.pathname = '/bench_facility_events';
      await runOn('postgres', url.toString());
    } finally {
      await cluster.stop();
    }
  },
};
