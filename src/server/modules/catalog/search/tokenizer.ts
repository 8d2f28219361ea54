// Text → index terms. Chinese runs are cut by jieba in search mode (医保信息查询 → 医保, 信息,
// 查询; 住房公积金 → 住房, 公积金, 住房公积金 …) and also yield character bigrams, so a 2-character
// query finds its characters inside any longer word. Latin runs are lower-cased, split, stemmed.
// The three kinds of term live in one key space, told apart by a prefix on bigrams and unigrams.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { isEnglishStopWord, stemEnglish } from './english.ts';

let jieba: Jieba | undefined;

/** The shared segmenter; loading jieba's dictionary takes ~0.5 s, so it happens once. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[\p{L}\p{N}]/u;

export const BIGRAM_PREFIX = '\u0001';
export const UNIGRAM_PREFIX = '\u0002';

export function bigramKey(pair: string): string {
  return BIGRAM_PREFIX + pair;
}

export function unigramKey(char: string): string {
  return UNIGRAM_PREFIX + char;
}

export function isHanText(text: string): boolean {
  return HAN.test(text);
}

/** Full-width to half-width, compatibility forms folded, lower case, spaces collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface TextRun {
  text: string;
  /** Offset in the normalized text. */
  start: number;
  isHan: boolean;
}

/** Splits normalized text into runs of Han characters and runs of letters/digits. */
export function splitRuns(normalized: string): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | undefined;
  let offset = 0;
  for (const char of normalized) {
    const isHan = HAN.test(char);
    const isWordChar = isHan || LATIN_OR_DIGIT.test(char);
    if (!isWordChar) {
      current = undefined;
    } else if (current && current.isHan === isHan) {
      current.text += char;
    } else {
      current = { text: char, start: offset, isHan };
      runs.push(current);
    }
    offset += char.length;
  }
  return runs;
}

/** jieba's search mode: every dictionary word inside the run, long and short. */
export function cutHanForSearch(run: string): string[] {
  return segmenter()
    .cutForSearch(run, true)
    .filter((word) => HAN.test(word));
}

/** jieba's accurate mode: the run cut once, left to right (the query's concepts). */
export function cutHan(run: string): string[] {
  return segmenter().cut(run, true);
}

/** Whether jieba's dictionary knows the text as one word (出生 yes; 医宝, 公基金 no). */
export function isDictionaryWord(text: string): boolean {
  return segmenter().cut(text, false).length === 1;
}

/** Lower-cased, stemmed English words without stop words. */
export function englishWords(run: string): string[] {
  return run
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !isEnglishStopWord(word))
    .map(stemEnglish);
}

export function hanBigrams(run: string): string[] {
  const chars = Array.from(run);
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) pairs.push(`${chars[i]}${chars[i + 1]}`);
  return pairs;
}

export interface TermOptions {
  /** Also emit character bigrams (not for long texts like guides: they would triple the index). */
  withBigrams?: boolean;
  /** Also emit single Han characters (only for names and aliases: cheap and short). */
  withUnigrams?: boolean;
}

/**
 * Every index term of a text: jieba words, English stems and, if asked, character bigrams and
 * single characters (both prefixed). Repeats are kept: they are term frequency.
 */
export function indexTerms(text: string, options: TermOptions = {}): string[] {
  const terms: string[] = [];
  for (const run of splitRuns(normalizeText(text))) {
    if (!run.isHan) {
      terms.push(...englishWords(run.text));
      continue;
    }
    terms.push(...cutHanForSearch(run.text));
    if (options.withBigrams) for (const pair of hanBigrams(run.text)) terms.push(bigramKey(pair));
    if (options.withUnigrams) for (const char of run.text) terms.push(unigramKey(char));
  }
  return terms;
}

/** Number of words (not bigrams) in a text, for length normalization. */
export function countWords(terms: string[]): number {
  let count = 0;
  for (const term of terms) if (term[0] !== BIGRAM_PREFIX && term[0] !== UNIGRAM_PREFIX) count += 1;
  return count;
}
