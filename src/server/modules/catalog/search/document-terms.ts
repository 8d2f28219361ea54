// A document's index terms with BM25F field weighting: each field's term frequencies are scaled by
// the field's weight and normalized by the field's own length, then summed. So a word in a short
// name counts more than the same word in a long name, and a long guide cannot outweigh a name.
import type { SearchDocument } from './search-types.ts';
import { countWords, indexTerms } from './tokenizer.ts';

interface FieldRule {
  weight: number;
  /** Length normalization strength (BM25's b) and the typical length in words. */
  b: number;
  typicalLength: number;
  withBigrams?: boolean;
  withUnigrams?: boolean;
}

const NAME: FieldRule = { weight: 10, b: 0.5, typicalLength: 5, withBigrams: true, withUnigrams: true };
const ALIASES: FieldRule = { weight: 8, b: 0.2, typicalLength: 20, withBigrams: true, withUnigrams: true };
const MATERIALS: FieldRule = { weight: 3, b: 0.3, typicalLength: 30, withBigrams: true };
const DEPARTMENT: FieldRule = { weight: 3, b: 0, typicalLength: 5, withBigrams: true };
const KEYWORDS: FieldRule = { weight: 3, b: 0.3, typicalLength: 20, withBigrams: true };
const GUIDE: FieldRule = { weight: 1, b: 0.5, typicalLength: 80 };

/** Stored weights are integers (tenths), which keeps posting lists packed small-integer arrays. */
export const WEIGHT_SCALE = 10;

// Materials, aliases and department names repeat across services (居民身份证 is in most), so their
// terms are cached; guides and names are mostly unique and are not.
const termCache = new Map<string, string[]>();
const TERM_CACHE_LIMIT = 50_000;

function cachedTerms(items: readonly string[], rule: FieldRule): string[] {
  const terms: string[] = [];
  for (const item of items) {
    const key = `${rule.withBigrams ? 'b' : ''}${rule.withUnigrams ? 'u' : ''}:${item}`;
    let itemTerms = termCache.get(key);
    if (!itemTerms) {
      itemTerms = indexTerms(item, rule);
      if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
      termCache.set(key, itemTerms);
    }
    for (const term of itemTerms) terms.push(term);
  }
  return terms;
}

/** term → field-weighted, length-normalized frequency (in tenths). */
export function documentTerms(doc: SearchDocument): Map<string, number> {
  const weights = new Map<string, number>();
  const addField = (text: string | readonly string[], rule: FieldRule) => {
    if (text.length === 0) return;
    const terms = typeof text === 'string' ? indexTerms(text, rule) : cachedTerms(text, rule);
    const norm = 1 - rule.b + (rule.b * countWords(terms)) / rule.typicalLength;
    const each = (rule.weight * WEIGHT_SCALE) / Math.max(norm, 0.5);
    for (const term of terms) weights.set(term, (weights.get(term) ?? 0) + each);
  };
  addField(doc.nameZh, NAME);
  addField(doc.nameEn, NAME);
  addField(doc.aliases, ALIASES);
  addField(doc.materials, MATERIALS);
  addField([doc.departmentNameZh, doc.departmentNameEn ?? ''], DEPARTMENT);
  addField(doc.keywords ?? [], KEYWORDS);
  addField(`${doc.guideZh}\n${doc.guideEn}`, GUIDE);
  for (const [term, weight] of weights) weights.set(term, Math.max(1, Math.round(weight)));
  return weights;
}
