// Search-as-you-type: names and aliases that start with what was typed (or have it at the start of
// a word, or anywhere for Chinese), most popular first. Built lazily from the live documents and
// dropped on any change, so publishing stays cheap and typing stays fast.
import type { SearchDocument, Suggestion } from './search-types.ts';
import { isHanText, normalizeText } from './tokenizer.ts';

interface Entry {
  text: string;
  normalized: string;
  id: string;
  kind: 'service' | 'bundle';
  popularity: number;
  isName: boolean;
}

/** Keys under which an entry is found: the first one or two characters at each start position. */
function keysOf(normalized: string): Set<string> {
  const keys = new Set<string>();
  const chars = Array.from(normalized);
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] ?? '';
    const isWordStart = i === 0 || isHanText(char) || chars[i - 1] === ' ';
    if (!isWordStart || char === ' ') continue;
    keys.add(char);
    const next = chars[i + 1];
    if (next !== undefined && next !== ' ') keys.add(char + next);
  }
  return keys;
}

function keyOf(prefix: string): string {
  return Array.from(prefix).slice(0, 2).join('');
}

export class SuggestIndex {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, number[]>();

  constructor(docs: Iterable<SearchDocument>) {
    for (const doc of docs) {
      const names = [doc.nameZh, doc.nameEn];
      for (const text of [...names, ...doc.aliases]) {
        const normalized = normalizeText(text);
        if (!normalized) continue;
        const index = this.entries.length;
        const isName = names.includes(text);
        this.entries.push({
          text,
          normalized,
          id: doc.id,
          kind: doc.kind,
          popularity: doc.popularity,
          isName,
        });
        for (const key of keysOf(normalized)) {
          const list = this.byKey.get(key);
          if (list) list.push(index);
          else this.byKey.set(key, [index]);
        }
      }
    }
  }

  /**
   * Completions, one per document (its name, or the alias that matches better): whole-text
   * prefix first, then word-start or inner matches; popular first within each.
   */
  suggest(prefix: string, limit: number): Suggestion[] {
    const typed = normalizeText(prefix);
    if (!typed) return [];
    const ranked: { entry: Entry; tier: number }[] = [];
    for (const index of this.byKey.get(keyOf(typed)) ?? []) {
      const entry = this.entries[index];
      if (!entry) continue;
      if (entry.normalized.startsWith(typed)) ranked.push({ entry, tier: 0 });
      else if (entry.normalized.includes(` ${typed}`)) ranked.push({ entry, tier: 1 });
      else if (isHanText(typed) && entry.normalized.includes(typed)) ranked.push({ entry, tier: 1 });
    }
    ranked.sort(
      (a, b) =>
        a.tier - b.tier ||
        b.entry.popularity - a.entry.popularity ||
        Number(b.entry.isName) - Number(a.entry.isName) ||
        a.entry.normalized.length - b.entry.normalized.length,
    );
    const seen = new Set<string>();
    const suggestions: Suggestion[] = [];
    for (const { entry } of ranked) {
      if (seen.has(entry.id) || seen.has(entry.normalized)) continue;
      seen.add(entry.id);
      seen.add(entry.normalized);
      suggestions.push({ text: entry.text, id: entry.id, kind: entry.kind });
      if (suggestions.length >= limit) break;
    }
    return suggestions;
  }
}
