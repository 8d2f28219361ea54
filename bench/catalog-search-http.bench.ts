import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_BUNDLES, DEMO_SERVICES } from '../demo/catalog/index.ts';
import type { ServiceDefinition } from '../src/contracts/catalog.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { startRuntime } from '../src/server/runtime.ts';
import { seedCatalog } from '../src/server/modules/catalog/catalog-seed.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { migrateToLatest } from '../src/server/platform/db/migrate.ts';
import { seedDemo } from '../demo/seed.ts';
import { SEARCH_QUALITY_QUERIES } from '../src/server/modules/catalog/search/search-quality-queries.ts';
import type { Bench } from './index.ts';

const SIZES = [1_000, 10_000];
const REQUESTS = 1_000;
const QUALIFIERS = [
  '',
  '个人',
  '单位',
  '跨省',
  '线上',
  '临时',
  '补充',
  '年度',
  '特殊',
  '延续',
  '变更',
  '注销',
];

/** n services made from the demo ones: same guides, forms and materials, new codes and names. */
function generateServices(count: number): ServiceDefinition[] {
  const services: ServiceDefinition[] = [];
  for (let i = 0; services.length < count; i += 1) {
    const base = DEMO_SERVICES[i % DEMO_SERVICES.length]!;
    const qualifier = QUALIFIERS[Math.floor(i / DEMO_SERVICES.length) % QUALIFIERS.length]!;
    services.push({
      ...base,
      code: `GEN-${String(i).padStart(6, '0')}`,
      nameZh: `${qualifier}${base.nameZh}${i >= DEMO_SERVICES.length * QUALIFIERS.length ? `（${Math.floor(i / 1000)}）` : ''}`,
      popularity: 1 + ((i * 37) % 100),
    });
  }
  return services;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

async function timeRequests(base: string, urls: string[]): Promise<number[]> {
  const timings: number[] = [];
  for (const url of urls) {
    const started = performance.now();
    const response = await fetch(base + url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    timings.push(performance.now() - started);
  }
  return timings.sort((a, b) => a - b);
}

/**
 * Search and suggestions over real HTTP (a socket on loopback, JSON serialisation, validation,
 * the presenter) against a SQLite database holding 1k and 10k published services.
 */
export const catalogSearchHttpBench: Bench = {
  summary: 'catalogue search and suggest latency over HTTP at 1k and 10k published services',
  async run() {
    const queries = SEARCH_QUALITY_QUERIES.map((entry) => entry.query);
    for (const size of SIZES) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-http-'));
      try {
        const database = openDatabase({ databaseUrl: undefined, dataDir });
        await migrateToLatest(database.db);
        await seedDemo(database.db);
        const seeding = performance.now();
        await seedCatalog(database.db, {
          services: generateServices(size - DEMO_SERVICES.length),
          bundles: [],
        });
        const seedSeconds = (performance.now() - seeding) / 1000;
        await database.close();
        const config = loadConfig(
          {},
          { dataDir, logLevel: 'silent', port: 0, host: '127.0.0.1', jobsEnabled: false },
        );
        const startup = performance.now();
        const runtime = await startRuntime(config, { startJobs: false });
        const startupSeconds = (performance.now() - startup) / 1000;
        await runtime.app.listen({ port: 0, host: '127.0.0.1' });
        const address = runtime.app.server.address();
        const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        const searchUrls = Array.from(
          { length: REQUESTS },
          (_, i) => `/api/v1/services?q=${encodeURIComponent(queries[i % queries.length]!)}&limit=20`,
        );
        const suggestUrls = Array.from(
          { length: REQUESTS },
          (_, i) =>
            `/api/v1/services/suggest?q=${encodeURIComponent(queries[i % queries.length]!.slice(0, 2))}`,
        );
        await timeRequests(base, searchUrls.slice(0, 100));
        const search = await timeRequests(base, searchUrls);
        const suggest = await timeRequests(base, suggestUrls);
        await runtime.close();
        const fmt = (sorted: number[]) =>
          [0.5, 0.95, 0.99].map((share) => percentile(sorted, share).toFixed(2)).join(' / ');
        process.stdout.write(
          `catalog-search-http ${size} services (${DEMO_BUNDLES.length} bundles): seeded in ${seedSeconds.toFixed(1)} s, ` +
            `start-up ${startupSeconds.toFixed(2)} s; search p50/p95/p99 ${fmt(search)} ms; suggest ${fmt(suggest)} ms\n`,
        );
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  },
};
