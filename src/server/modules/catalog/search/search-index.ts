// The catalogue's search index: in memory, built from the published services and bundles at
// start and kept current with add/remove/replace on publish and retire (docs/decisions/0005).
import { CompiledFilters, FacetCounter } from './facets.ts';
import { PostingStore } from './postings.ts';
import { parseQuery, type ParsedQuery, type QueryContext } from './query.ts';
import { kthHighest, nameCoverageBoost, nameProbes, phraseBoost, type NameFields } from './rerank.ts';
import { Scorer } from './scorer.ts';
import type {
  SearchDocument,
  SearchHit,
  SearchOptions,
  SearchResult,
  Suggestion,
  SynonymEntry,
} from './search-types.ts';
import { SuggestIndex } from './suggest.ts';
import { compileSynonyms, SEED_SYNONYMS, type CompiledSynonym } from './synonyms.ts';
import { BIGRAM_PREFIX, isHanText, normalizeText, UNIGRAM_PREFIX } from './tokenizer.ts';
import { documentTerms, WEIGHT_SCALE } from './document-terms.ts';
import { EnglishVocabulary, HanWordPatterns } from './typo.ts';

/** Hits scoring under this share of the best hit are noise (a stray bigram, a far correction). */
const MIN_RELATIVE_SCORE = 0.1;
/** Hits matching under half the query are dropped, unless nothing matches more… */
const MIN_COVERAGE = 0.5;
/** …but under 40 % is always noise (电费缴纳 found only through its common 缴纳). */
const MIN_COVERAGE_EVER = 0.4;
const BUNDLE_BOOST = 1.1;
/** How many of the best first-stage hits get the name and phrase boosts. */
const RERANK_DEPTH = 200;
/**
 * Popularity scales a score by up to 25 %: it orders the many near-equal hits of a short query
 * (社保, 公积金) by demand, but cannot beat an exact name, a phrase or better coverage.
 */
const POPULARITY_WEIGHT = 0.25;

interface Candidates {
  numbers: number[];
  scores: number[];
}

interface DocRecord extends NameFields {
  doc: SearchDocument;
}

export interface SearchIndexOptions {
  /** The whole synonym list; defaults to the shipped seeds. */
  synonyms?: readonly SynonymEntry[];
}

export class CatalogSearchIndex {
  private postings = new PostingStore();
  private records: (DocRecord | undefined)[] = [];
  private readonly numberById = new Map<string, number>();
  private deadCount = 0;
  private readonly english = new EnglishVocabulary();
  private readonly han = new HanWordPatterns();
  private readonly scorer = new Scorer();
  private synonymEntries: SynonymEntry[] = [];
  private compiledSynonyms: CompiledSynonym[] = [];
  private suggestIndex: SuggestIndex | undefined;

  constructor(options: SearchIndexOptions = {}) {
    this.setSynonyms(options.synonyms ?? SEED_SYNONYMS);
  }

  static build(docs: Iterable<SearchDocument>, options: SearchIndexOptions = {}): CatalogSearchIndex {
    const index = new CatalogSearchIndex(options);
    for (const doc of docs) index.add(doc);
    return index;
  }

  get size(): number {
    return this.numberById.size;
  }

  has(id: string): boolean {
    return this.numberById.has(id);
  }

  /** Replaces the synonym list; takes effect on the next query, nothing is re-indexed. */
  setSynonyms(entries: readonly SynonymEntry[]): void {
    this.synonymEntries = entries.map((entry) => ({ term: entry.term, expandsTo: [...entry.expandsTo] }));
    this.compiledSynonyms = compileSynonyms(entries);
  }

  get synonyms(): SynonymEntry[] {
    return this.synonymEntries.map((entry) => ({ term: entry.term, expandsTo: [...entry.expandsTo] }));
  }

  /** Indexes a document; one with the same id is replaced. */
  add(doc: SearchDocument): void {
    if (this.numberById.has(doc.id)) this.remove(doc.id);
    const number = this.records.length;
    const weights = documentTerms(doc);
    for (const term of this.postings.add(number, weights)) {
      const first = term[0];
      if (first === BIGRAM_PREFIX) this.han.addBigram(term.slice(1));
      else if (first === UNIGRAM_PREFIX) continue;
      else if (isHanText(term)) this.han.add(term);
      else this.english.add(term);
    }
    this.records.push({
      doc,
      nameZh: normalizeText(doc.nameZh),
      nameEn: normalizeText(doc.nameEn),
      aliases: doc.aliases.map(normalizeText),
    });
    this.numberById.set(doc.id, number);
    this.suggestIndex = undefined;
  }

  replace(doc: SearchDocument): void {
    this.add(doc);
  }

  /** Drops a document (retired or withdrawn); false if it was not there. */
  remove(id: string): boolean {
    const number = this.numberById.get(id);
    const record = number === undefined ? undefined : this.records[number];
    if (number === undefined || !record) return false;
    this.postings.remove(documentTerms(record.doc).keys());
    this.records[number] = undefined;
    this.numberById.delete(id);
    this.deadCount += 1;
    this.suggestIndex = undefined;
    if (this.deadCount > 1000 && this.deadCount > this.size / 4) this.compact();
    return true;
  }

  private compact(): void {
    const renumber = new Int32Array(this.records.length).fill(-1);
    const kept: DocRecord[] = [];
    this.records.forEach((record, number) => {
      if (!record) return;
      renumber[number] = kept.length;
      this.numberById.set(record.doc.id, kept.length);
      kept.push(record);
    });
    this.postings.compact(renumber);
    this.records = kept;
    this.deadCount = 0;
  }

  private queryContext(): QueryContext {
    return {
      synonyms: this.compiledSynonyms,
      documentFrequency: (term) => this.postings.documentFrequency(term),
      english: this.english,
      han: this.han,
    };
  }

  /** Parses a query as the index would (for tests and debugging). */
  parse(query: string): ParsedQuery {
    return parseQuery(query, this.queryContext());
  }

  /**
   * Hits ranked by relevance (popularity breaking near-ties), filtered, with facet counts; an
   * empty query lists everything by popularity.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 20;
    const offset = options.offset ?? 0;
    const filters = new CompiledFilters(options.filters);
    const facets = new FacetCounter();
    const parsed = normalizeText(query) ? this.parse(query) : undefined;
    const candidates = parsed && parsed.concepts.length > 0 ? this.rank(parsed) : this.byPopularity();
    const hitNumbers: number[] = [];
    const hitScores: number[] = [];
    candidates.numbers.forEach((number, i) => {
      const record = this.records[number];
      if (!record) return;
      const failure = filters.failures(record.doc);
      if (failure === 0) {
        hitNumbers.push(number);
        hitScores.push(candidates.scores[i] ?? 0);
        facets.count(record.doc);
      } else if (failure > 0) {
        facets.count(record.doc, filters.dimensionAt(failure));
      }
    });
    // Only the requested page needs sorting: everything under the page's last score is cut first.
    const floor = kthHighest(Float64Array.from(hitScores), offset + limit);
    const page: number[] = [];
    hitScores.forEach((score, i) => {
      if (score >= floor) page.push(i);
    });
    page.sort(
      (a, b) =>
        (hitScores[b] ?? 0) - (hitScores[a] ?? 0) || this.tieBreak(hitNumbers[a] ?? 0, hitNumbers[b] ?? 0),
    );
    const items: SearchHit[] = page.slice(offset, offset + limit).map((i) => {
      const number = hitNumbers[i] ?? 0;
      return {
        id: this.records[number]?.doc.id ?? '',
        score: Math.round((hitScores[i] ?? 0) * 1000) / 1000,
        matched: parsed ? this.matchedLabels(parsed, number) : [],
      };
    });
    return { items, total: hitNumbers.length, facets: facets.facets };
  }

  private tieBreak(a: number, b: number): number {
    const docA = this.records[a]?.doc;
    const docB = this.records[b]?.doc;
    if (!docA || !docB) return 0;
    return docB.popularity - docA.popularity || (docA.code < docB.code ? -1 : 1);
  }

  private byPopularity(): Candidates {
    const numbers: number[] = [];
    const scores: number[] = [];
    this.records.forEach((record, number) => {
      if (!record) return;
      numbers.push(number);
      scores.push(record.doc.popularity / 100);
    });
    return { numbers, scores };
  }

  private rank(parsed: ParsedQuery): Candidates {
    const base = this.scorer.score(parsed, {
      postings: this.postings,
      weightScale: WEIGHT_SCALE,
      liveCount: this.size,
      capacity: this.records.length,
    });
    const numbers: number[] = [];
    const coverages: number[] = [];
    const scores = new Float64Array(base.docs.length);
    let bestCoverage = 0;
    for (const number of base.docs) {
      // Most documents a broad query touches match too little of it: drop them before anything
      // else. Removed documents stay in posting lists until compaction; they go here too.
      const coverage = base.coverage(number);
      if (coverage < MIN_COVERAGE_EVER) continue;
      const record = this.records[number];
      if (!record) continue;
      let score = base.relevance(number) * coverage * coverage;
      if (record.doc.kind === 'bundle') score *= BUNDLE_BOOST;
      scores[numbers.length] = score * (1 + (POPULARITY_WEIGHT * record.doc.popularity) / 100);
      numbers.push(number);
      coverages.push(coverage);
      if (coverage > bestCoverage) bestCoverage = coverage;
    }
    base.release();
    const threshold = kthHighest(scores.subarray(0, numbers.length), RERANK_DEPTH);
    const probes = nameProbes(parsed);
    let best = 0;
    numbers.forEach((number, i) => {
      const record = this.records[number];
      let score = scores[i] ?? 0;
      if (record && score >= threshold) {
        score *= phraseBoost(record, parsed.phrases) * nameCoverageBoost(record, probes);
        scores[i] = score;
      }
      if (score > best) best = score;
    });
    const minCoverage = Math.max(MIN_COVERAGE_EVER, Math.min(MIN_COVERAGE, bestCoverage));
    const kept: Candidates = { numbers: [], scores: [] };
    numbers.forEach((number, i) => {
      const score = scores[i] ?? 0;
      if (score < best * MIN_RELATIVE_SCORE || (coverages[i] ?? 0) < minCoverage) return;
      kept.numbers.push(number);
      kept.scores.push(score);
    });
    return kept;
  }

  private matchedLabels(parsed: ParsedQuery, number: number): string[] {
    const labels = new Set<string>();
    for (const concept of parsed.concepts) {
      for (const alternative of concept.alternatives) {
        if (alternative.primaryKeys.some((key) => this.postings.has(key, number)))
          labels.add(alternative.label);
      }
    }
    return [...labels];
  }

  /** Search-as-you-type completions from names and aliases. */
  suggest(prefix: string, limit = 10): Suggestion[] {
    this.suggestIndex ??= new SuggestIndex(this.liveDocuments());
    return this.suggestIndex.suggest(prefix, limit);
  }

  private *liveDocuments(): Iterable<SearchDocument> {
    for (const record of this.records) if (record) yield record.doc;
  }
}
