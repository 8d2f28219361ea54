// The shapes a parsed query is made of, and the two operations both the parser and the typo
// corrections need: the terms of a text as an alternative, and merging concepts into one.
import type { CompiledSynonym } from './synonyms.ts';
import {
  bigramKey,
  cutHan,
  cutHanForSearch,
  englishWords,
  hanBigrams,
  normalizeText,
  splitRuns,
  unigramKey,
} from './tokenizer.ts';
import type { EnglishVocabulary, HanWordPatterns } from './typo.ts';

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

// Function words and the words of every question about a service (上海, 办理, 材料, 流程 …): a
// query like 我想在上海办理营业执照需要什么材料 is about 营业执照. Kept when nothing else is left.
export const HAN_STOP_WORDS = new Set(
  [
    '的 了 在 是 我 我的 我要 我想 想 要 去 能 和 与 及 吗 呢 啊 吧 请问 一下 可以',
    '怎么 怎么办 怎样 如何 在哪 在哪里 哪里 哪儿 什么 多久 多少 多少钱',
    '上海 上海市 办理 需要 材料 流程 手续 条件 网上 线上',
  ]
    .join(' ')
    .split(' '),
);

export const WEIGHT = { synonym: 0.9, correction: 0.6, correctionSynonym: 0.5, completion: 0.7 };

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
      // A 2-character word's one bigram finds it inside longer words jieba cut otherwise.
      const bigramWeight = Array.from(word).length === 2 ? 0.5 : 0.2;
      for (const pair of hanBigrams(word)) addTerm(terms, bigramKey(pair), bigramWeight);
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

/** Merges the concepts overlapping [start, end) into one; returns it. */
export function mergeRange(concepts: Concept[], normalized: string, start: number, end: number): Concept {
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
