// The inverted index: term → one flat array [df, doc, weight, doc, weight, …]. Doc numbers only
// grow, so every list is sorted; a removed document stays in its lists (the caller skips dead
// documents) until compact() drops it. One packed array of small integers per term keeps memory
// near 16 bytes a posting, far less than a Map per term.

export class PostingStore {
  private readonly lists = new Map<string, number[]>();

  get termCount(): number {
    return this.lists.size;
  }

  /** The term's list ([df, doc, weight, …]) or undefined. Read-only for callers. */
  list(term: string): readonly number[] | undefined {
    return this.lists.get(term);
  }

  /** Live documents holding the term. */
  documentFrequency(term: string): number {
    return this.lists.get(term)?.[0] ?? 0;
  }

  /** Adds one document's terms (term → field-weighted frequency); returns the terms new to the index. */
  add(doc: number, weights: ReadonlyMap<string, number>): string[] {
    const fresh: string[] = [];
    for (const [term, weight] of weights) {
      const list = this.lists.get(term);
      if (list) {
        list[0] = (list[0] ?? 0) + 1;
        list.push(doc, weight);
      } else {
        this.lists.set(term, [1, doc, weight]);
        fresh.push(term);
      }
    }
    return fresh;
  }

  /** Lowers the document frequencies of a removed document's terms. */
  remove(terms: Iterable<string>): void {
    for (const term of terms) {
      const list = this.lists.get(term);
      if (list) list[0] = Math.max(0, (list[0] ?? 0) - 1);
    }
  }

  /** Whether the term's list holds the document (binary search). */
  has(term: string, doc: number): boolean {
    const list = this.lists.get(term);
    if (!list) return false;
    let low = 0;
    let high = (list.length - 1) / 2;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const value = list[1 + middle * 2] ?? 0;
      if (value === doc) return true;
      if (value < doc) low = middle + 1;
      else high = middle;
    }
    return false;
  }

  /** Drops dead documents and renumbers the live ones (`renumber[old]`, -1 when dead). */
  compact(renumber: Int32Array): void {
    for (const [term, list] of this.lists) {
      const kept: number[] = [list[0] ?? 0];
      for (let i = 1; i < list.length; i += 2) {
        const doc = renumber[list[i] ?? 0] ?? -1;
        if (doc >= 0) kept.push(doc, list[i + 1] ?? 0);
      }
      if (kept.length === 1) this.lists.delete(term);
      else this.lists.set(term, kept);
    }
  }
}
