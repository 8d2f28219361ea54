// Synonyms: colloquial words and abbreviations → official terms. Applied at query time only, so
// an admin's edit takes effect at once without re-indexing a single document.
import type { SynonymEntry } from './search-types.ts';
import { englishWords, isHanText, normalizeText } from './tokenizer.ts';
import { SEED_SYNONYMS } from './synonym-seeds.ts';

export { SEED_SYNONYMS };

export interface CompiledSynonym {
  term: string;
  /** For a Han term: the normalized text to find in the query. */
  isHan: boolean;
  /** For an English term: its stems, matched as a run of query words. */
  stems: string[];
  expansions: string[];
}

export interface SynonymMatch {
  synonym: CompiledSynonym;
  /** Range in the normalized query. */
  start: number;
  end: number;
}

export interface LatinToken {
  stem: string;
  start: number;
  end: number;
}

/** Normalizes and merges entries with the same term; drops empty ones. */
export function compileSynonyms(entries: readonly SynonymEntry[]): CompiledSynonym[] {
  const byTerm = new Map<string, CompiledSynonym>();
  for (const entry of entries) {
    const term = normalizeText(entry.term);
    const expansions = entry.expandsTo.map(normalizeText).filter((text) => text && text !== term);
    if (!term || expansions.length === 0) continue;
    const existing = byTerm.get(term);
    if (existing) {
      for (const text of expansions) if (!existing.expansions.includes(text)) existing.expansions.push(text);
      continue;
    }
    const isHan = isHanText(term);
    byTerm.set(term, { term, isHan, stems: isHan ? [] : englishWords(term), expansions });
  }
  return [...byTerm.values()].filter((synonym) => synonym.isHan || synonym.stems.length > 0);
}

/**
 * Every synonym whose term occurs in the query: Han terms as substrings (查交通违章 contains
 * 交通违章), English terms as a run of whole words compared by stem (driving licences).
 */
export function findSynonyms(
  synonyms: readonly CompiledSynonym[],
  normalizedQuery: string,
  latinTokens: readonly LatinToken[],
): SynonymMatch[] {
  const matches: SynonymMatch[] = [];
  for (const synonym of synonyms) {
    if (synonym.isHan) {
      const start = normalizedQuery.indexOf(synonym.term);
      if (start >= 0) matches.push({ synonym, start, end: start + synonym.term.length });
      continue;
    }
    const { stems } = synonym;
    for (let i = 0; i + stems.length <= latinTokens.length; i += 1) {
      if (stems.every((stem, k) => latinTokens[i + k]?.stem === stem)) {
        const first = latinTokens[i];
        const last = latinTokens[i + stems.length - 1];
        if (first && last) matches.push({ synonym, start: first.start, end: last.end });
        break;
      }
    }
  }
  return matches;
}

/** The expansions of a corrected word (医宝 → 医保 → 医疗保障 …), if it is itself a term. */
export function expansionsOf(synonyms: readonly CompiledSynonym[], term: string): string[] {
  return synonyms.find((synonym) => synonym.isHan && synonym.term === term)?.expansions ?? [];
}
