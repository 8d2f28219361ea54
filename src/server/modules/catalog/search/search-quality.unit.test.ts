import { describe, expect, it } from 'vitest';
import { DEMO_BUNDLES, DEMO_SERVICES } from '../../../../../demo/catalog/index.ts';
import { DEMO_DEPARTMENTS } from '../../../../../demo/departments.ts';
import { catalogSearchDocuments } from './search-documents.ts';
import { CatalogSearchIndex } from './search-index.ts';
import { SEARCH_QUALITY_QUERIES } from './search-quality-queries.ts';

// Search quality on the demo catalogue: for each realistic query, where does the service the
// person meant come? recall@k = share of queries whose expected service is in the top k.

const docs = catalogSearchDocuments(DEMO_SERVICES, DEMO_BUNDLES, DEMO_DEPARTMENTS);
const nameById = new Map(docs.map((doc) => [doc.id, doc.nameZh]));

function recall(index: CatalogSearchIndex) {
  const ranks = SEARCH_QUALITY_QUERIES.map((entry) => {
    const items = index.search(entry.query, { limit: 10 }).items;
    return { ...entry, rank: items.findIndex((item) => nameById.get(item.id) === entry.expected) + 1 };
  });
  const at = (k: number) => ranks.filter((entry) => entry.rank >= 1 && entry.rank <= k).length / ranks.length;
  const misses = ranks.filter((entry) => entry.rank === 0 || entry.rank > 5);
  return { at1: at(1), at5: at(5), misses: misses.map((m) => `${m.query}→${m.expected} (${m.rank || '-'})`) };
}

describe('catalogue search quality', () => {
  it('expects only services and bundles that exist', () => {
    const names = new Set(nameById.values());
    expect(SEARCH_QUALITY_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(SEARCH_QUALITY_QUERIES.filter((entry) => !names.has(entry.expected))).toEqual([]);
  });

  it('keeps recall@5 at or above 0.95', () => {
    const { at1, at5, misses } = recall(CatalogSearchIndex.build(docs));
    console.log(
      `catalog search quality: ${SEARCH_QUALITY_QUERIES.length} queries, recall@1 ${at1.toFixed(3)}, recall@5 ${at5.toFixed(3)}` +
        (misses.length ? `; missed: ${misses.join(', ')}` : ''),
    );
    expect(at5).toBeGreaterThanOrEqual(0.95);
  });

  it('still finds most services when the catalogue has no aliases (seed synonyms alone)', () => {
    const withoutAliases = docs.map((doc) => ({ ...doc, aliases: [] }));
    const { at5 } = recall(CatalogSearchIndex.build(withoutAliases));
    expect(at5).toBeGreaterThanOrEqual(0.9);
  });
});
