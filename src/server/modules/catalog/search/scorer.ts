// First-stage relevance: BM25 over field-weighted term frequencies (BM25F, see document-terms.ts),
// the best alternative per concept summed over concepts, and the share of concepts matched.
import type { PostingStore } from './postings.ts';
import type { ParsedQuery } from './query.ts';

/** Saturation, in units of a guide mention: a name mention (10) scores ~3× one in the guide. */
const K1 = 5;

export interface ScoringSource {
  postings: PostingStore;
  /** Stored weights are this many times the field-weighted frequency. */
  weightScale: number;
  liveCount: number;
  capacity: number;
}

/** A dense score array with the list of documents it touched, cleared after use. */
class Accumulator {
  values = new Float64Array(0);
  touched: number[] = [];

  ensure(capacity: number): void {
    if (this.values.length < capacity)
      this.values = new Float64Array(Math.max(capacity, this.values.length * 2));
  }

  add(doc: number, value: number): void {
    if (this.values[doc] === 0) this.touched.push(doc);
    this.values[doc] = (this.values[doc] ?? 0) + value;
  }

  max(doc: number, value: number): void {
    const current = this.values[doc] ?? 0;
    if (current === 0) this.touched.push(doc);
    if (value > current) this.values[doc] = value;
  }

  clear(): void {
    for (const doc of this.touched) this.values[doc] = 0;
    this.touched = [];
  }
}

export interface BaseScores {
  docs: number[];
  /** Sum over concepts of the best alternative's BM25. */
  relevance(doc: number): number;
  /** Share (0..1) of the query's concepts the document matched. */
  coverage(doc: number): number;
  release(): void;
}

export class Scorer {
  private readonly alternative = new Accumulator();
  private readonly concept = new Accumulator();
  private readonly total = new Accumulator();
  private readonly covered = new Accumulator();
  private readonly alternativeShare = new Accumulator();
  private readonly conceptShare = new Accumulator();

  score(parsed: ParsedQuery, source: ScoringSource): BaseScores {
    const accumulators = [this.alternative, this.concept, this.total, this.covered];
    for (const accumulator of [...accumulators, this.alternativeShare, this.conceptShare]) {
      accumulator.ensure(source.capacity);
    }
    const { postings, liveCount, weightScale } = source;
    let coverageTotal = 0;
    const idfOf = (df: number) => Math.log(1 + (liveCount - df + 0.5) / (df + 0.5));
    for (const concept of parsed.concepts) {
      // Every way of writing a concept is worth the same: a synonym or a correction scores with
      // the concept's idf (the highest of its alternatives'), not with its own, or an abbreviation
      // like 社保 would lose to the common 社会 of every 人力资源和社会保障局 document.
      const weighted = concept.alternatives.map((alternative) =>
        alternative.terms.map((term) => ({ ...term, df: postings.documentFrequency(term.key) })),
      );
      let conceptIdf = 0;
      for (const terms of weighted) {
        const known = terms.filter((term) => term.df > 0);
        const weight = known.reduce((sum, term) => sum + term.weight, 0);
        if (weight > 0) {
          const mean = known.reduce((sum, term) => sum + term.weight * idfOf(term.df), 0) / weight;
          conceptIdf = Math.max(conceptIdf, mean);
        }
      }
      // Coverage weighs concepts by idf too: in 我想在上海办理营业执照需要什么材料 the rare 营业执照
      // matters, the 办理 and 材料 of every guide hardly. A concept found nowhere keeps the
      // highest idf, so 护照办理 does not fall back to everything that says 办理.
      const unknownIdf = concept.coverage >= 1 ? idfOf(0) : 0;
      const coverageWeight = concept.coverage * (conceptIdf > 0 ? conceptIdf : unknownIdf);
      coverageTotal += coverageWeight;
      if (conceptIdf === 0) continue;
      concept.alternatives.forEach((alternative, a) => {
        const terms = weighted[a] ?? [];
        // Each term's share is its weight × idf; the shares sum to 1, so an alternative scores
        // at most conceptIdf × its weight, however many words it has.
        const shares = terms.map((term) => term.weight * idfOf(term.df));
        const shareTotal = shares.reduce((sum, share) => sum + share, 0) || 1;
        terms.forEach((term, t) => {
          const list = term.df > 0 ? postings.list(term.key) : undefined;
          if (!list) return;
          const share = (shares[t] ?? 0) / shareTotal;
          const factor = conceptIdf * alternative.weight * (K1 + 1) * share;
          for (let i = 1; i < list.length; i += 2) {
            const doc = list[i] ?? 0;
            const tf = (list[i + 1] ?? 0) / weightScale;
            this.alternative.add(doc, (factor * tf) / (tf + K1));
            this.alternativeShare.add(doc, share);
          }
        });
        for (const doc of this.alternative.touched) {
          this.concept.max(doc, this.alternative.values[doc] ?? 0);
          this.conceptShare.max(doc, this.alternativeShare.values[doc] ?? 0);
        }
        this.alternative.clear();
        this.alternativeShare.clear();
      });
      // A concept counts as covered in proportion to how much of its best-written form the
      // document holds: 户口登记 matched only by the common 登记 covers little of 户口.
      for (const doc of this.concept.touched) {
        this.total.add(doc, this.concept.values[doc] ?? 0);
        this.covered.add(doc, coverageWeight * Math.min(1, this.conceptShare.values[doc] ?? 0));
      }
      this.concept.clear();
      this.conceptShare.clear();
    }
    const { total, covered } = this;
    return {
      // Valid until release(): the accumulator's own list, not a copy (100k entries at 100k docs).
      docs: total.touched,
      relevance: (doc) => total.values[doc] ?? 0,
      coverage: (doc) => (coverageTotal > 0 ? Math.min(1, (covered.values[doc] ?? 0) / coverageTotal) : 0),
      release: () => {
        total.clear();
        covered.clear();
      },
    };
  }
}
