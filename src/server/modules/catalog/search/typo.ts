// Typo tolerance. English: edit distance 1 (2 for long words) against the index vocabulary.
// Chinese typos are mostly a wrong character of the same sound (公基金 for 公积金, 医宝 for 医保),
// so a word with one character replaced is looked up through "one character unknown" patterns
// (公?金 → 公积金). Vocabularies only grow; a word whose documents all left has df 0 and the
// caller skips it.

/** Optimal string alignment distance (adjacent swaps count 1), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let previous2 = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[b.length] ?? max + 1;
}

/** Allowed distance for a query word: none under 4 letters, 1 up to 6, 2 from 7. */
export function allowedDistance(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 7 ? 1 : 2;
}

/** The English words of the index, by length, plus a sorted list for prefix completion. */
export class EnglishVocabulary {
  private readonly byLength = new Map<number, string[]>();
  private sorted: string[] = [];
  private isSortedStale = false;

  add(word: string): void {
    if (!/^[a-z]+$/.test(word)) return;
    const bucket = this.byLength.get(word.length);
    if (bucket) bucket.push(word);
    else this.byLength.set(word.length, [word]);
    this.isSortedStale = true;
  }

  /** Words within the allowed distance, nearest first. */
  corrections(word: string): { word: string; distance: number }[] {
    const max = allowedDistance(word);
    if (max === 0) return [];
    const found: { word: string; distance: number }[] = [];
    for (let length = word.length - max; length <= word.length + max; length += 1) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const distance = editDistance(word, candidate, max);
        if (distance <= max && candidate !== word) found.push({ word: candidate, distance });
      }
    }
    return found.sort((x, y) => x.distance - y.distance);
  }

  /** Words that start with the prefix (withdraw → withdrawal), the prefix itself excluded. */
  completions(prefix: string, limit: number): string[] {
    if (this.isSortedStale) {
      this.sorted = [...this.byLength.values()].flat().sort();
      this.isSortedStale = false;
    }
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sorted[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < this.sorted.length && found.length < limit * 4; i += 1) {
      const word = this.sorted[i] ?? '';
      if (!word.startsWith(prefix)) break;
      if (word !== prefix) found.push(word);
    }
    return found;
  }
}

const WILDCARD = '?';

/**
 * Han words of 2–5 characters, reachable from any of their one-character-unknown patterns; and
 * the index's character bigrams, to mend a wrong character inside a longer text (燃汽费: 燃? and
 * ?费 are both attested with 气 → 燃气费) when no word of that length exists.
 */
export class HanWordPatterns {
  private readonly byPattern = new Map<string, string[]>();
  private readonly bigramChars = new Map<string, Set<string>>();

  addBigram(pair: string): void {
    const [first, second] = Array.from(pair);
    if (first === undefined || second === undefined) return;
    for (const [pattern, char] of [
      [`${first}${WILDCARD}`, second],
      [`${WILDCARD}${second}`, first],
    ] as const) {
      const chars = this.bigramChars.get(pattern);
      if (chars) chars.add(char);
      else this.bigramChars.set(pattern, new Set([char]));
    }
  }

  /** Texts with one inner character replaced so that both its bigrams are in the index. */
  innerReplacements(text: string): string[] {
    const chars = Array.from(text);
    const found: string[] = [];
    for (let i = 1; i + 1 < chars.length; i += 1) {
      const left = this.bigramChars.get(`${chars[i - 1]}${WILDCARD}`);
      const right = this.bigramChars.get(`${WILDCARD}${chars[i + 1]}`);
      if (!left || !right) continue;
      for (const char of left) {
        if (char !== chars[i] && right.has(char))
          found.push(chars.map((c, k) => (k === i ? char : c)).join(''));
      }
    }
    return found;
  }

  private static patterns(word: string): string[] {
    const chars = Array.from(word);
    return chars.map((_, i) => chars.map((char, k) => (k === i ? WILDCARD : char)).join(''));
  }

  add(word: string): void {
    const length = Array.from(word).length;
    if (length < 2 || length > 5) return;
    for (const pattern of HanWordPatterns.patterns(word)) {
      const words = this.byPattern.get(pattern);
      if (!words) this.byPattern.set(pattern, [word]);
      else words.push(word);
    }
  }

  /** Known words that differ from `text` in exactly one character. */
  similar(text: string): string[] {
    const found = new Set<string>();
    for (const pattern of HanWordPatterns.patterns(text)) {
      for (const word of this.byPattern.get(pattern) ?? []) if (word !== text) found.add(word);
    }
    return [...found];
  }
}
