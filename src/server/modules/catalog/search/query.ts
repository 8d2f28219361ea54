// Query → concepts. Each concept is one thing the user asked for (a jieba word, an English word,
// or several merged where a synonym or a correction spans them) with alternative ways to match
// it: its own terms, synonym expansions, typo corrections. A document scores the best
// alternative per concept, so expansions never double-count.
import { expansionsOf, findSynonyms, type CompiledSynonym, type LatinToken } from './synonyms.ts';
import {
  bigramKey,
  cutHan,
  cutHanForSearch,
  englishWords,
  hanBigrams,
  isDictionaryWord,
  normalizeText,
  splitRuns,
  unigramKey,
} from './tokenizer.ts';
import type { EnglishVocabulary, HanWordPatterns } from './typo.ts';
import { isEnglishStopWord, stemEnglish } from './english.ts';

export interface QueryTerm {
  key: string;
  weight: number;
}

export interface Alternative {
  label: string;
  weight: number;
  terms: QueryTerm[];
  /** Whole-word keys: a document holding one of them "matched" this alternative. */
  primaryKeys: string[];
}

export interface Concept {
  start: number;
  end: number;
  /** Share in the coverage score: 1 for a word, less for a lone character. */
  coverage: number;
  isHan: boolean;
  alternatives: Alternative[];
}

export interface Phrase {
  text: string;
  weight: number;
}

export interface ParsedQuery {
  normalized: string;
  concepts: Concept[];
  /** Texts whose presence in a name or alias earns the phrase/exact boost. */
  phrases: Phrase[];
}

export interface QueryContext {
  synonyms: readonly CompiledSynonym[];
  documentFrequency(term: string): number;
  english: EnglishVocabulary;
  han: HanWordPatterns;
}

const HAN_STOP_WORDS = new Set(
  '的 了 我 我的 我要 我想 想 要 怎么 怎么办 怎样 如何 在哪 在哪里 哪里 哪儿 吗 呢 啊 吧 什么 一下 可以 去 需要 请问 能 和 与 及'.split(
    ' ',
  ),
);

const WEIGHT = { synonym: 0.9, correction: 0.6, correctionSynonym: 0.5, completion: 0.7 };

function addTerm(terms: Map<string, number>, key: string, weight: number): void {
  terms.set(key, Math.max(terms.get(key) ?? 0, weight));
}

/** The terms of a text as a query alternative: words, sub-words and bigrams. */
export function textAlternative(label: string, text: string, weight: number): Alternative {
  const terms = new Map<string, number>();
  const primaryKeys: string[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (!run.isHan) {
      for (const stem of englishWords(run.text)) {
        addTerm(terms, stem, 1);
        primaryKeys.push(stem);
      }
      continue;
    }
    for (const word of cutHan(run.text)) {
      if (HAN_STOP_WORDS.has(word) && word !== run.text) continue;
      if (Array.from(word).length === 1) {
        addTerm(terms, unigramKey(word), 0.5);
        continue;
      }
      addTerm(terms, word, 1);
      primaryKeys.push(word);
      for (const sub of cutHanForSearch(word)) if (sub !== word && sub.length > 1) addTerm(terms, sub, 0.4);
      for (const pair of hanBigrams(word)) addTerm(terms, bigramKey(pair), 0.2);
    }
  }
  const list = [...terms].map(([key, termWeight]) => ({ key, weight: termWeight }));
  return {
    label,
    weight,
    terms: list,
    primaryKeys: primaryKeys.length ? primaryKeys : list.map((t) => t.key),
  };
}

function rawConcepts(normalized: string, latinTokens: LatinToken[]): Concept[] {
  const concepts: Concept[] = [];
  for (const run of splitRuns(normalized)) {
    if (!run.isHan) {
      if (isEnglishStopWord(run.text)) continue;
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
      if (HAN_STOP_WORDS.has(word)) continue;
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

/** Merges the concepts overlapping [start, end) into one; returns it. */
function mergeRange(concepts: Concept[], normalized: string, start: number, end: number): Concept {
  const inside = concepts.filter((c) => c.start < end && c.end > start);
  const merged: Concept = {
    start: Math.min(start, ...inside.map((c) => c.start)),
    end: Math.max(end, ...inside.map((c) => c.end)),
    coverage: inside.reduce((sum, c) => sum + c.coverage, 0) || 1,
    isHan: inside.some((c) => c.isHan) || inside.length === 0,
    alternatives: [],
  };
  const own = inside.map((c) => c.alternatives[0]).filter((alt): alt is Alternative => alt !== undefined);
  merged.alternatives.push({
    label: normalized.slice(merged.start, merged.end),
    weight: 1,
    terms: own.flatMap((alt) => alt.terms),
    primaryKeys: own.flatMap((alt) => alt.primaryKeys),
  });
  for (const c of inside) merged.alternatives.push(...c.alternatives.slice(1));
  const kept = concepts.filter((c) => !inside.includes(c));
  kept.push(merged);
  kept.sort((a, b) => a.start - b.start);
  concepts.splice(0, concepts.length, ...kept);
  return merged;
}

/** Windows of 1–3 adjacent Han concepts (2–5 characters) that are not words of the index. */
function unknownHanWindows(
  concepts: Concept[],
  normalized: string,
  context: QueryContext,
): [number, number][] {
  const windows: [number, number][] = [];
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
      windows.push([first.start, last.end]);
    }
  }
  return windows;
}

function correctHan(concepts: Concept[], normalized: string, context: QueryContext, phrases: Phrase[]): void {
  const corrected: [number, number][] = [];
  for (const [start, end] of unknownHanWindows(concepts, normalized, context)) {
    if (corrected.some(([s, e]) => s < end && e > start)) continue;
    const text = normalized.slice(start, end);
    const candidates = context.han
      .similar(text)
      .map((word) => ({ word, df: context.documentFrequency(word) }))
      .filter((candidate) => candidate.df > 0)
      .sort((a, b) => b.df - a.df)
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
      phrases.push({
        text: normalized.slice(0, start) + word + normalized.slice(end),
        weight: WEIGHT.correction,
      });
    }
  }
}

function correctEnglish(concepts: Concept[], context: QueryContext): void {
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

/** Parses a query into concepts with their alternatives, and the phrases for boosting. */
export function parseQuery(query: string, context: QueryContext): ParsedQuery {
  const normalized = normalizeText(query);
  const latinTokens: LatinToken[] = [];
  const concepts = rawConcepts(normalized, latinTokens);
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
