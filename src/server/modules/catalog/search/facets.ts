// Filters and facet counts. Facets are "disjunctive": the count for a department is taken over the
// result filtered by every filter except the department one, so picking one department still
// shows how many hits the others would give.
import type { SearchDocument, SearchFacets, SearchFilters } from './search-types.ts';

const DIMENSIONS = ['department', 'district', 'subject', 'topic', 'kind', 'channel'] as const;
type Dimension = (typeof DIMENSIONS)[number];
type FacetDimension = keyof SearchFacets;

function asSet(value: string | string[] | undefined): Set<string> | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.length ? new Set(values) : undefined;
}

function valuesOf(doc: SearchDocument, dimension: FacetDimension): readonly string[] {
  switch (dimension) {
    case 'department':
      return doc.departmentCode === null ? [] : [doc.departmentCode];
    case 'subject':
      return doc.subject === 'both' ? ['resident', 'enterprise'] : [doc.subject];
    case 'topic':
      return doc.topics;
    case 'kind':
      return [doc.serviceKind];
    case 'channel':
      return doc.channels;
  }
}

export class CompiledFilters {
  private readonly sets: [Dimension, Set<string>][];

  constructor(filters: SearchFilters = {}) {
    const raw: Record<Dimension, string | string[] | undefined> = {
      department: filters.departmentCode,
      district: filters.district,
      subject: filters.subject,
      topic: filters.topic,
      kind: filters.kind,
      channel: filters.channel,
    };
    this.sets = [];
    for (const dimension of DIMENSIONS) {
      const set = asSet(raw[dimension]);
      if (set) this.sets.push([dimension, set]);
    }
  }

  private static passes(doc: SearchDocument, dimension: Dimension, allowed: Set<string>): boolean {
    if (dimension === 'district') {
      return doc.districts === 'all' || doc.districts.some((code) => allowed.has(code));
    }
    if (dimension === 'subject' && doc.subject === 'both') return true;
    return valuesOf(doc, dimension).some((value) => allowed.has(value));
  }

  /**
   * Which filters the document fails: 0 when it passes all, the index of the one it fails
   * + 1, or -1 when it fails two or more (then it counts in no facet).
   */
  failures(doc: SearchDocument): number {
    let failed = 0;
    for (let i = 0; i < this.sets.length; i += 1) {
      const [dimension, allowed] = this.sets[i] ?? ['department', new Set<string>()];
      if (CompiledFilters.passes(doc, dimension, allowed)) continue;
      if (failed !== 0) return -1;
      failed = i + 1;
    }
    return failed;
  }

  dimensionAt(failure: number): Dimension | undefined {
    return this.sets[failure - 1]?.[0];
  }
}

export class FacetCounter {
  readonly facets: SearchFacets = { department: {}, subject: {}, topic: {}, kind: {}, channel: {} };

  private static bump(counts: Record<string, number>, value: string): void {
    counts[value] = (counts[value] ?? 0) + 1;
  }

  /** Counts a document in every facet, or only in `only`'s (the one filter it fails). */
  count(doc: SearchDocument, only?: Dimension): void {
    const { facets } = this;
    if ((only === undefined || only === 'department') && doc.departmentCode !== null) {
      FacetCounter.bump(facets.department, doc.departmentCode);
    }
    if (only === undefined || only === 'subject') {
      if (doc.subject !== 'enterprise') FacetCounter.bump(facets.subject, 'resident');
      if (doc.subject !== 'resident') FacetCounter.bump(facets.subject, 'enterprise');
    }
    if (only === undefined || only === 'topic')
      for (const topic of doc.topics) FacetCounter.bump(facets.topic, topic);
    if (only === undefined || only === 'kind') FacetCounter.bump(facets.kind, doc.serviceKind);
    if (only === undefined || only === 'channel') {
      for (const channel of doc.channels) FacetCounter.bump(facets.channel, channel);
    }
  }
}
