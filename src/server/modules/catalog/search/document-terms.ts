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

/** term → field-weighted, length-normalized frequency (in tenths). */
export function documentTerms(doc: SearchDocument): Map<string, number> {
  const weights = new Map<string, number>();
  const addField = (text: string, rule: FieldRule) => {
    if (!text) return;
    const terms = indexTerms(text, rule);
    const norm = 1 - rule.b + (rule.b * countWords(terms)) / rule.typicalLength;
    const each = (rule.weight * WEIGHT_SCALE) / Math.max(norm, 0.5);
    for (const term of terms) weights.set(term, (weights.get(term) ?? 0) + each);
  };
  addField(doc.nameZh, NAME);
  addField(doc.nameEn, NAME);
  addField(doc.aliases.join('；'), ALIASES);
  addField(doc.materials.join('；'), MATERIALS);
  addField(`${doc.departmentNameZh}；${doc.departmentNameEn ?? ''}`, DEPARTMENT);
  addField((doc.keywords ?? []).join('；'), KEYWORDS);
  addField(`${doc.guideZh}\n${doc.guideEn}`, GUIDE);
  for (const [term, weight] of weights) weights.set(term, Math.max(1, Math.round(weight)));
  return weights;
}
