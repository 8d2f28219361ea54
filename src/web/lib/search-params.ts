// The search page's state lives in the address (shareable, and the back button works).
import type { FacetName, ServiceSearchQuery } from '../api/catalog-types.ts';

export const FACETS: readonly FacetName[] = ['subject', 'topic', 'department', 'kind', 'channel'];
export const PAGE_SIZE = 10;

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetName, string>>;
  page: number;
}

export function readSearchState(params: URLSearchParams): SearchState {
  const filters: Partial<Record<FacetName, string>> = {};
  for (const facet of FACETS) {
    const value = params.get(facet);
    if (value) filters[facet] = value;
  }
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** The query string of a state ("" when it is all defaults); page 1 is left out. */
export function searchHref(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) {
    const value = state.filters[facet];
    if (value) params.set(facet, value);
  }
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return `/services${text ? `?${text}` : ''}`;
}

/** The same search with one filter set (or cleared with null), back on page 1. */
export function withFilter(state: SearchState, facet: FacetName, value: string | null): SearchState {
  const filters = { ...state.filters };
  if (value === null) delete filters[facet];
  else filters[facet] = value;
  return { ...state, filters, page: 1 };
}

export function toApiQuery(state: SearchState): ServiceSearchQuery {
  return {
    ...(state.q ? { q: state.q.slice(0, 100) } : {}),
    ...state.filters,
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
  };
}
