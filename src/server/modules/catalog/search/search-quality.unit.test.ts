import { describe, expect, it } from 'vitest';
import { DEMO_BUNDLES, DEMO_SERVICES } from '../../../../../demo/catalog/index.ts';
import { DEMO_DEPARTMENTS } from '../../../../../demo/departments.ts';
import { catalogSearchDocuments } from './search-documents.ts';
import { CatalogSearchIndex } from './search-index.ts';
import { SEARCH_QUALITY_QUERIES } from './search-quality-queries.ts';

// Search quality on the demo catalogue: for each realistic query, where does the service the
// person meant come? recall@k = share of queries whose expected service is in the top k.

const docs = catalogSearchDocuments(DEMO_SERVICES, DEMO_BUNDLES, DEMO_DEPARTMENTS);
const index = CatalogSearchIndex.build(docs);
const nameById = new Map(docs.map((doc) => [doc.id, doc.nameZh]));

function rankOf(query: string, expected: string): number {
  const items = index.search(query, { limit: 10 }).items;
  return items.findIndex((item) => nameById.get(item.id) === expected) + 1;
}

describe('catalogue search quality', () => {
  it('expects only services and bundles that exist', () => {
    const names = new Set(nameById.values());
    expect(SEARCH_QUALITY_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(SEARCH_QUALITY_QUERIES.filter((entry) => !names.has(entry.expected))).toEqual([]);
  });

  it('keeps recall@5 at or above 0.95', () => {
    const ranks = SEARCH_QUALITY_QUERIES.map((entry) => ({
      ...entry,
      rank: rankOf(entry.query, entry.expected),
    }));
    const recallAt = (k: number) =>
      ranks.filter((entry) => entry.rank >= 1 && entry.rank <= k).length / ranks.length;
    const misses = ranks.filter((entry) => entry.rank === 0 || entry.rank > 5);
    console.log(
      `catalog search quality: ${ranks.length} queries, recall@1 ${recallAt(1).toFixed(3)}, recall@5 ${recallAt(5).toFixed(3)}` +
        (misses.length
          ? `; missed: ${misses.map((m) => `${m.query}→${m.expected} (${m.rank || '-'})`).join(', ')}`
          : ''),
    );
    expect(recallAt(5)).toBeGreaterThanOrEqual(0.95);
  });
});
