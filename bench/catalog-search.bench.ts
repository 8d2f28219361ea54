import v8 from 'node:v8';
import vm from 'node:vm';
import { DEMO_BUNDLES, DEMO_SERVICES } from '../demo/catalog/index.ts';
import { DEMO_DEPARTMENTS } from '../demo/departments.ts';
import { pick, seededRandom } from '../demo/random.ts';
import { SHANGHAI_DISTRICTS } from '../demo/shanghai-geography.ts';
import { SEARCH_QUALITY_QUERIES } from '../src/server/modules/catalog/search/search-quality-queries.ts';
import { catalogSearchDocuments } from '../src/server/modules/catalog/search/search-documents.ts';
import { CatalogSearchIndex } from '../src/server/modules/catalog/search/search-index.ts';
import type { SearchDocument, SearchOptions } from '../src/server/modules/catalog/search/search-types.ts';
import { cutHan } from '../src/server/modules/catalog/search/tokenizer.ts';
import type { Channel } from '../src/contracts/catalog.ts';
import type { Bench } from './index.ts';

// A catalogue of any size that reads like the demo one: names recombine the demo names' words
// (社会保障卡 + 变更登记, 食品经营 + 许可证注销 …), guides and materials are drawn from the
// demo services, the popularity is skewed like real demand.

const CHANNELS: Channel[] = ['online', 'terminal', 'counter', 'open_api'];
const SIZES = [1_000, 10_000, 100_000];
const QUERY_COUNT = 2_000;

function splitName(name: string): [string, string] {
  const words = cutHan(name);
  const half = Math.max(1, Math.floor(words.length / 2));
  return [words.slice(0, half).join(''), words.slice(half).join('')];
}

const QUALIFIERS_ZH = ['', '', '', '个人', '单位', '跨省', '线上', '临时', '补充', '年度', '特殊'];
const QUALIFIERS_EN = [
  '',
  '',
  '',
  'Personal',
  'Employer',
  'Cross-Province',
  'Online',
  'Temporary',
  'Supplementary',
  'Annual',
  'Special',
];

export function generateCatalogue(count: number, seed = 20261124): SearchDocument[] {
  const random = seededRandom(seed);
  const base = catalogSearchDocuments(DEMO_SERVICES, DEMO_BUNDLES, DEMO_DEPARTMENTS);
  const heads = base.map((doc) => splitName(doc.nameZh)[0]);
  const tails = base.map((doc) => splitName(doc.nameZh)[1]);
  const districtCodes = SHANGHAI_DISTRICTS.map((district) => district.code);
  const docs: SearchDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const template = base[i % base.length] ?? base[0];
    if (!template) break;
    const other = pick(random, base);
    const qualifier = Math.floor(random() * QUALIFIERS_ZH.length);
    const isOriginal = i < base.length;
    const nameZh = isOriginal
      ? template.nameZh
      : `${QUALIFIERS_ZH[qualifier]}${pick(random, heads)}${pick(random, tails)}`;
    const nameEn = isOriginal
      ? template.nameEn
      : `${QUALIFIERS_EN[qualifier]} ${template.nameEn.split(' ').slice(0, 2).join(' ')} ${other.nameEn.split(' ').slice(2).join(' ')}`.trim();
    const materials = [...template.materials, ...other.materials.slice(0, 4)];
    const districts = random() < 0.7 ? 'all' : districtCodes.filter(() => random() < 0.15);
    docs.push({
      ...template,
      id: `gen-${i}`,
      code: `GEN-${String(i).padStart(6, '0')}`,
      nameZh,
      nameEn,
      aliases: isOriginal ? template.aliases : other.aliases.slice(0, 1),
      guideZh: `${template.guideZh}${other.guideZh.slice(0, 80)}`,
      guideEn: `${template.guideEn} ${other.guideEn.slice(0, 200)}`,
      materials,
      channels: random() < 0.5 ? template.channels : CHANNELS.filter(() => random() < 0.6),
      districts: districts.length ? districts : 'all',
      popularity: Math.max(1, Math.round(100 * random() ** 3)),
    });
  }
  return docs;
}

/** Quality queries, name fragments of the generated catalogue and English words; a fifth filtered. */
function queryMix(docs: SearchDocument[], seed = 7): { query: string; options: SearchOptions }[] {
  const random = seededRandom(seed);
  const fixed = SEARCH_QUALITY_QUERIES.map((entry) => entry.query);
  const queries: { query: string; options: SearchOptions }[] = [];
  for (let i = 0; i < QUERY_COUNT; i += 1) {
    const doc = pick(random, docs);
    const roll = random();
    let query: string;
    if (roll < 0.4) query = pick(random, fixed);
    else if (roll < 0.7) {
      const chars = Array.from(doc.nameZh);
      const start = Math.floor(random() * Math.max(1, chars.length - 2));
      query = chars.slice(start, start + 2 + Math.floor(random() * 4)).join('');
    } else if (roll < 0.85)
      query = doc.nameEn
        .split(' ')
        .slice(0, 1 + Math.floor(random() * 3))
        .join(' ');
    else query = doc.nameZh;
    const options: SearchOptions = { limit: 20 };
    if (random() < 0.2)
      options.filters = { subject: doc.subject === 'enterprise' ? 'enterprise' : 'resident' };
    else if (random() < 0.1) options.filters = { district: '310101', channel: 'online' };
    queries.push({ query, options });
  }
  return queries;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
}

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
}

export const catalogSearchBench: Bench = {
  summary: 'catalogue search at 1k/10k/100k services: build time, memory, query and suggest latency',
  async run() {
    CatalogSearchIndex.build([]).search('预热');
    for (const size of SIZES) {
      const docs = generateCatalogue(size);
      collectGarbage();
      const heapBefore = process.memoryUsage().heapUsed;
      const buildStarted = performance.now();
      const index = CatalogSearchIndex.build(docs);
      const buildMs = performance.now() - buildStarted;
      collectGarbage();
      const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
      const queries = queryMix(docs);
      for (const { query, options } of queries.slice(0, 200)) index.search(query, options);
      const timings: number[] = [];
      let hits = 0;
      for (const { query, options } of queries) {
        const started = performance.now();
        hits += index.search(query, options).total;
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      index.suggest('预热', 10);
      const suggestTimings: number[] = [];
      for (const { query } of queries.slice(0, 500)) {
        const prefix = Array.from(query).slice(0, 2).join('');
        const started = performance.now();
        index.suggest(prefix, 10);
        suggestTimings.push(performance.now() - started);
      }
      suggestTimings.sort((a, b) => a - b);
      const updateStarted = performance.now();
      for (const doc of docs.slice(0, 100)) index.replace({ ...doc, popularity: doc.popularity + 1 });
      const updateMs = (performance.now() - updateStarted) / 100;
      process.stdout.write(
        `catalog-search ${size} services: build ${formatMs(buildMs)} ms, heap +${heapMb.toFixed(0)} MB, ` +
          `search p50/p95/p99 ${formatMs(percentile(timings, 0.5))}/${formatMs(percentile(timings, 0.95))}/${formatMs(percentile(timings, 0.99))} ms ` +
          `(${queries.length} queries, ${Math.round(hits / queries.length)} hits avg), ` +
          `suggest p50/p95 ${formatMs(percentile(suggestTimings, 0.5))}/${formatMs(percentile(suggestTimings, 0.95))} ms, ` +
          `replace ${formatMs(updateMs)} ms\n`,
      );
    }
  },
};
