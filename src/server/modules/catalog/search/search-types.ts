import type { Channel, ServiceKind, ServiceSubject, Topic } from '../../../../contracts/catalog.ts';

/** What the search index knows about one published service (事项) or bundle (一件事). */
export interface SearchDocument {
  id: string;
  code: string;
  kind: 'service' | 'bundle';
  nameZh: string;
  nameEn: string;
  aliases: string[];
  guideZh: string;
  guideEn: string;
  /** Material names, both languages. */
  materials: string[];
  /** Null for bundles, which span departments. */
  departmentCode: string | null;
  departmentNameZh: string;
  departmentNameEn?: string;
  /** Extra words weighted like materials, e.g. a bundle's member service names. */
  keywords?: string[];
  subject: ServiceSubject;
  topics: Topic[];
  /** 'bundle' for bundles. */
  serviceKind: ServiceKind | 'bundle';
  channels: Channel[];
  /** District codes with a competent office, or 'all'. */
  districts: string[] | 'all';
  /** 1..100. */
  popularity: number;
}

/** A colloquial or abbreviated term and the official terms it stands for (admins edit these). */
export interface SynonymEntry {
  term: string;
  expandsTo: string[];
}

type OneOrMany<T> = T | T[];

/** Each filter accepts one value or several (any of them). */
export interface SearchFilters {
  departmentCode?: OneOrMany<string>;
  /** A service with districts 'all' matches every district. */
  district?: OneOrMany<string>;
  /** 'resident' also matches 'both' services; so does 'enterprise'. */
  subject?: OneOrMany<ServiceSubject>;
  topic?: OneOrMany<Topic>;
  kind?: OneOrMany<ServiceKind | 'bundle'>;
  channel?: OneOrMany<Channel>;
}

export interface SearchOptions {
  filters?: SearchFilters;
  /** Default 20. */
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  score: number;
  /** The query words, synonyms or corrections that matched this document. */
  matched: string[];
}

/** Counts per value, each computed over the result filtered by every other facet's filter. */
export interface SearchFacets {
  department: Record<string, number>;
  subject: Record<string, number>;
  topic: Record<string, number>;
  kind: Record<string, number>;
  channel: Record<string, number>;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  facets: SearchFacets;
}

export interface Suggestion {
  /** The completed name or alias. */
  text: string;
  /** The document it leads to. */
  id: string;
  kind: 'service' | 'bundle';
}
