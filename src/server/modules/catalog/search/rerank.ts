// Second-stage boosts, computed for the best first-stage hits only: they compare strings, which
// is too slow to do for every hit of a broad query on a large catalogue.
import type { ParsedQuery, Phrase } from './query.ts';
import { isHanText } from './tokenizer.ts';

export interface NameFields {
  /** Normalized. */
  nameZh: string;
  nameEn: string;
  aliases: string[];
}

/** ×3 for an exact name, ×2.5 an exact alias, ×1.8 a name prefix, ×1.5 inside a name, ×1.3 inside an alias. */
export function phraseBoost(names: NameFields, phrases: readonly Phrase[]): number {
  let best = 1;
  for (const { text, weight } of phrases) {
    if (text.length < 2) continue;
    let boost = 1;
    if (names.nameZh === text || names.nameEn === text) boost = 3;
    else if (names.aliases.includes(text)) boost = 2.5;
    else if (names.nameZh.startsWith(text) || names.nameEn.startsWith(text)) boost = 1.8;
    else if (names.nameZh.includes(text) || names.nameEn.includes(text)) boost = 1.5;
    else if (names.aliases.some((alias) => alias.includes(text))) boost = 1.3;
    best = Math.max(best, 1 + (boost - 1) * weight);
  }
  return best;
}

export interface NameProbe {
  coverage: number;
  /** Han labels, found anywhere in a name; English stems, found at the start of a word. */
  han: string[];
  latin: string[];
}

/** What to look for in names, per concept: every way the concept can be written. */
export function nameProbes(parsed: ParsedQuery): { probes: NameProbe[]; total: number } {
  const probes = parsed.concepts.map((concept) => {
    const han: string[] = [];
    const latin: string[] = [];
    for (const alternative of concept.alternatives) {
      if (isHanText(alternative.label)) {
        if (alternative.label.length >= 2) han.push(alternative.label);
      } else {
        for (const key of alternative.primaryKeys) latin.push(` ${key}`);
      }
    }
    return { coverage: concept.coverage, han, latin };
  });
  return { probes, total: probes.reduce((sum, probe) => sum + probe.coverage, 0) };
}

/** Up to ×1.6 as the share of the query's concepts found in the name or an alias grows. */
export function nameCoverageBoost(names: NameFields, probes: { probes: NameProbe[]; total: number }): number {
  if (probes.total === 0) return 1;
  const texts = [names.nameZh, ` ${names.nameEn}`, ...names.aliases.map((alias) => ` ${alias}`)];
  let covered = 0;
  for (const probe of probes.probes) {
    const found =
      probe.han.some((label) => texts.some((text) => text.includes(label))) ||
      probe.latin.some((stem) => texts.some((text) => text.includes(stem)));
    if (found) covered += probe.coverage;
  }
  return 1 + (0.6 * covered) / probes.total;
}

/**
 * The k-th highest of the scores (-Infinity when there are k or fewer), by quickselect on a
 * copy: linear time, where sorting 100k scores per query would dominate the query.
 */
export function kthHighest(scores: Float64Array, k: number): number {
  if (scores.length <= k) return -Infinity;
  const values = scores.slice();
  // The k-th highest is the element that would sit at `target` in ascending order.
  const target = values.length - k;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] ?? 0;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i += 1;
      while ((values[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target] ?? -Infinity;
}
