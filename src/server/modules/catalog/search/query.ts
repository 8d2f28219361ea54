// Query → concepts. Each concept is one thing the user asked for (a jieba word, an English word,
// or several merged where a synonym or a correction spans them) with alternative ways to match
// it: its own terms, synonym expansions, typo corrections. A document scores the best
// alternative per concept, so expansions never double-count.
import { isEnglishStopWord, stemEnglish } from './english.ts';
import { correctEnglish, correctHan } from './query-corrections.ts';
import {
  HAN_STOP_WORDS,
  mergeRange,
  textAlternative,
  WEIGHT,
  type Concept,
  type ParsedQuery,
  type Phrase,
  type QueryContext,
} from './query-concepts.ts';
import { findSynonyms, type LatinToken } from './synonyms.ts';
import { cutHan, normalizeText, splitRuns } from './tokenizer.ts';

export type { Alternative, Concept, ParsedQuery, Phrase, QueryContext, QueryTerm } from './query-concepts.ts';

function rawConcepts(normalized: string, latinTokens: LatinToken[], dropStopWords: boolean): Concept[] {
  const concepts: Concept[] = [];
  for (const run of splitRuns(normalized)) {
    if (!run.isHan) {
      if (dropStopWords && isEnglishStopWord(run.text)) continue;
      const stem = stemEnglish(run.text);
      const end = run.start + run.text.length;
      latinTokens.push({ stem, start: run.start, end });
      concepts.push({
        start: run.start,
        end,
        coverage: 1,
        isHan: false,
        alternatives: [
          { label: run.text, weight: 1, terms: [{ key: stem, weight: 1 }], primaryKeys: [stem] },
        ],
      });
      continue;
    }
    let offset = run.start;
    for (const word of cutHan(run.text)) {
      const start = offset;
      offset += word.length;
      if (dropStopWords && HAN_STOP_WORDS.has(word)) continue;
      const isSingle = Array.from(word).length === 1;
      concepts.push({
        start,
        end: offset,
        coverage: isSingle ? 0.25 : 1,
        isHan: true,
        alternatives: [textAlternative(word, word, 1)],
      });
    }
  }
  return concepts;
}

/** Parses a query into concepts with their alternatives, and the phrases for boosting. */
export function parseQuery(query: string, context: QueryContext): ParsedQuery {
  const normalized = normalizeText(query);
  let latinTokens: LatinToken[] = [];
  let concepts = rawConcepts(normalized, latinTokens, true);
  if (concepts.length === 0) {
    latinTokens = [];
    concepts = rawConcepts(normalized, latinTokens, false);
  }
  const phrases: Phrase[] = [{ text: normalized, weight: 1 }];
  for (const run of splitRuns(normalized)) {
    if (run.isHan && run.text.length >= 2 && run.text !== normalized)
      phrases.push({ text: run.text, weight: 0.8 });
  }
  const synonymMatches = findSynonyms(context.synonyms, normalized, latinTokens);
  const insideSynonym = (c: Concept) => synonymMatches.some((m) => m.start <= c.start && m.end >= c.end);
  const correctable = concepts.filter((c) => !insideSynonym(c));
  correctHan(correctable, normalized, context, phrases);
  correctEnglish(correctable, context);
  concepts.splice(0, concepts.length, ...correctable, ...concepts.filter(insideSynonym));
  concepts.sort((a, b) => a.start - b.start);
  // Longest terms first, so a longer synonym's merge swallows a shorter one inside it.
  synonymMatches.sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const match of synonymMatches) {
    const concept = mergeRange(concepts, normalized, match.start, match.end);
    for (const expansion of match.synonym.expansions) {
      concept.alternatives.push(textAlternative(expansion, expansion, WEIGHT.synonym));
      phrases.push({ text: expansion, weight: WEIGHT.synonym });
    }
  }
  return { normalized, concepts, phrases };
}
