// Typo corrections, added to a parsed query as alternatives of the concepts they mend.
import {
  mergeRange,
  textAlternative,
  WEIGHT,
  type Concept,
  type Phrase,
  type QueryContext,
} from './query-concepts.ts';
import { expansionsOf } from './synonyms.ts';
import { bigramKey, hanBigrams, isDictionaryWord } from './tokenizer.ts';

interface HanWindow {
  start: number;
  end: number;
  /** How many concepts it spans. */
  size: number;
}

/** Windows of 1–3 adjacent Han concepts (2–5 characters) that are not words of the index. */
function unknownHanWindows(concepts: Concept[], normalized: string, context: QueryContext): HanWindow[] {
  const windows: HanWindow[] = [];
  for (let size = 3; size >= 1; size -= 1) {
    for (let i = 0; i + size <= concepts.length; i += 1) {
      const group = concepts.slice(i, i + size);
      const first = group[0];
      const last = group.at(-1);
      if (!first || !last || !group.every((c) => c.isHan)) continue;
      if (group.some((c, k) => k > 0 && c.start !== group[k - 1]?.end)) continue;
      const text = normalized.slice(first.start, last.end);
      const length = Array.from(text).length;
      if (length < 2 || length > 5 || context.documentFrequency(text) > 0) continue;
      if (length === 2 && context.documentFrequency(bigramKey(text)) > 0) continue;
      // A real word the catalogue lacks (出生 in a catalogue without births) is no typo.
      if (isDictionaryWord(text)) continue;
      windows.push({ start: first.start, end: last.end, size });
    }
  }
  return windows;
}

/** Known words one character away; else, for a single unknown token, inner replacements. */
function hanCandidates(text: string, window: HanWindow, pass: 1 | 2, context: QueryContext) {
  if (pass === 1) {
    return context.han
      .similar(text)
      .map((word) => ({ word, df: context.documentFrequency(word) }))
      .filter((candidate) => candidate.df > 0);
  }
  // Only inside one token jieba could not place (燃汽费): across tokens, attested bigrams
  // alone make up words nobody meant (医宝查询 → 医备查询).
  if (window.size !== 1) return [];
  const bigramsDf = (word: string) =>
    Math.min(...hanBigrams(word).map((pair) => context.documentFrequency(bigramKey(pair))));
  return context.han
    .innerReplacements(text)
    .map((word) => ({ word, df: bigramsDf(word) }))
    .filter((candidate) => candidate.df > 0);
}

export function correctHan(
  concepts: Concept[],
  normalized: string,
  context: QueryContext,
  phrases: Phrase[],
): void {
  const corrected: [number, number][] = [];
  // A word people are known to type (a synonym term: 医保) beats a merely frequent one (医疗).
  const isTypedWord = (word: string) => expansionsOf(context.synonyms, word).length > 0;
  const windows = unknownHanWindows(concepts, normalized, context);
  for (const pass of [1, 2] as const) {
    for (const window of windows) {
      const { start, end } = window;
      if (corrected.some(([s, e]) => s < end && e > start)) continue;
      const text = normalized.slice(start, end);
      const candidates = hanCandidates(text, window, pass, context)
        .sort((a, b) => Number(isTypedWord(b.word)) - Number(isTypedWord(a.word)) || b.df - a.df)
        .slice(0, 3);
      if (candidates.length === 0) continue;
      corrected.push([start, end]);
      const concept = mergeRange(concepts, normalized, start, end);
      for (const { word } of candidates) {
        concept.alternatives.push(textAlternative(word, word, WEIGHT.correction));
        for (const expansion of expansionsOf(context.synonyms, word)) {
          concept.alternatives.push(textAlternative(expansion, expansion, WEIGHT.correctionSynonym));
          phrases.push({ text: expansion, weight: WEIGHT.correctionSynonym });
        }
        const fixed = normalized.slice(0, start) + word + normalized.slice(end);
        phrases.push({ text: fixed, weight: WEIGHT.correction });
      }
    }
  }
}

export function correctEnglish(concepts: Concept[], context: QueryContext): void {
  for (const concept of concepts) {
    const own = concept.alternatives[0];
    const stem = own?.primaryKeys[0];
    if (concept.isHan || !stem || context.documentFrequency(stem) > 0 || /\d/.test(stem)) continue;
    const live = (word: string) => context.documentFrequency(word) > 0;
    for (const { word, distance } of context.english
      .corrections(stem)
      .filter((c) => live(c.word))
      .slice(0, 3)) {
      const weight = distance === 1 ? 0.75 : WEIGHT.correction;
      concept.alternatives.push({
        label: word,
        weight,
        terms: [{ key: word, weight: 1 }],
        primaryKeys: [word],
      });
    }
    if (stem.length < 4) continue;
    const completions = context.english
      .completions(stem, 3)
      .filter(live)
      .sort((a, b) => context.documentFrequency(b) - context.documentFrequency(a))
      .slice(0, 3);
    for (const word of completions) {
      concept.alternatives.push({
        label: word,
        weight: WEIGHT.completion,
        terms: [{ key: word, weight: 1 }],
        primaryKeys: [word],
      });
    }
  }
}
