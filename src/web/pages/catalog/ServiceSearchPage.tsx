import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { searchServices } from '../../api/catalog-endpoints.ts';
import type { FacetName } from '../../api/catalog-types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pagination } from '../../components/catalog/Pagination.tsx';
import { ResultItem } from '../../components/catalog/ResultItem.tsx';
import { ServiceSearchBox } from '../../components/catalog/ServiceSearchBox.tsx';
import { PAGE_SIZE, readSearchState, searchHref, toApiQuery, withFilter } from '../../lib/search-params.ts';
import type { SearchState } from '../../lib/search-params.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { dataOf, useLatestResource } from '../../lib/use-latest-resource.ts';
import { useMediaQuery } from '../../lib/use-media-query.ts';
import { SearchFacets, useFacetLabel } from './SearchFacets.tsx';

export function ServiceSearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const state = readSearchState(params);
  const href = searchHref(state);
  const search = useLatestResource(href, () => searchServices(toApiQuery(state)));
  const result = dataOf(search);
  const isWide = useMediaQuery('(min-width: 56rem)');
  const [areFiltersOpen, setAreFiltersOpen] = useState(isWide);
  const title = state.q ? t('search.titleFor', { q: state.q }) : t('search.title');
  useDocumentTitle(title);

  useEffect(() => setAreFiltersOpen(isWide), [isWide]);

  const pageCount = result ? Math.ceil(result.total / PAGE_SIZE) : 0;
  const hasFilters = Object.keys(state.filters).length > 0;

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ServiceSearchBox id="service-search" label={t('search.label')} initialQuery={state.q} />
      {hasFilters && <ActiveFilters state={state} />}
      {search.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {search.error.message}
        </p>
      )}
      <div className="search-layout">
        <aside className="search-layout__facets" aria-labelledby="facets-title">
          {result && (
            <details
              className="facets-panel"
              open={areFiltersOpen}
              onToggle={(event) => setAreFiltersOpen(event.currentTarget.open)}
            >
              <summary className="facets-panel__summary">
                <h2 className="facets-panel__title" id="facets-title">
                  {t('search.facets.title')}
                </h2>
              </summary>
              <SearchFacets state={state} result={result} />
            </details>
          )}
        </aside>
        <section
          className="search-layout__results"
          aria-labelledby="results-title"
          aria-busy={search.status === 'loading'}
        >
          <h2 className="visually-hidden" id="results-title">
            {t('search.resultsTitle')}
          </h2>
          <p className="result-count" role="status">
            {search.status === 'loading' && !result
              ? t('common.loading')
              : result
                ? state.q
                  ? t('search.countFor', { count: result.total, q: state.q })
                  : t('search.count', { count: result.total })
                : ''}
          </p>
          {result && result.items.length > 0 && (
            <ol className="result-list" start={(state.page - 1) * PAGE_SIZE + 1}>
              {result.items.map((item) => (
                <ResultItem key={item.id} item={item} />
              ))}
            </ol>
          )}
          {result && result.items.length === 0 && <EmptyResults state={state} />}
          {result && (
            <Pagination
              page={state.page}
              pageCount={pageCount}
              hrefFor={(page) => searchHref({ ...state, page })}
            />
          )}
        </section>
      </div>
    </>
  );
}

function ActiveFilters({ state }: { state: SearchState }) {
  const { t } = useTranslation();
  const label = useFacetLabel();
  const entries = Object.entries(state.filters) as [FacetName, string][];
  return (
    <div className="active-filters">
      <h2 className="visually-hidden">{t('search.activeFilters')}</h2>
      <ul className="active-filters__list">
        {entries.map(([facet, value]) => (
          <li key={facet}>
            <Link className="filter-chip" to={searchHref(withFilter(state, facet, null))}>
              {t('search.removeFilter', { facet: t(`search.facets.${facet}`), value: label(facet, value) })}
              <span className="filter-chip__x" aria-hidden="true">
                ×
              </span>
            </Link>
          </li>
        ))}
        {entries.length > 1 && (
          <li>
            <Link to={searchHref({ q: state.q, filters: {}, page: 1 })}>{t('search.clearFilters')}</Link>
          </li>
        )}
      </ul>
    </div>
  );
}

function EmptyResults({ state }: { state: SearchState }) {
  const { t } = useTranslation();
  const hasFilters = Object.keys(state.filters).length > 0;
  if (state.page > 1) {
    return (
      <div className="empty-state">
        <p>{t('search.empty.pastEnd')}</p>
        <Link to={searchHref({ ...state, page: 1 })}>{t('search.empty.firstPage')}</Link>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <h3 className="empty-state__title">
        {state.q ? t('search.empty.titleFor', { q: state.q }) : t('search.empty.title')}
      </h3>
      <p>{t('search.empty.tryIntro')}</p>
      <ul>
        <li>{t('search.empty.tipSpelling')}</li>
        <li>{t('search.empty.tipFewerWords')}</li>
        <li>{t('search.empty.tipEveryday')}</li>
        {hasFilters && (
          <li>
            <Link to={searchHref({ q: state.q, filters: {}, page: 1 })}>
              {t('search.empty.withoutFilters')}
            </Link>
          </li>
        )}
        <li>
          <Link to="/topics">{t('search.empty.browseTopics')}</Link>
        </li>
      </ul>
      <p>{t('search.empty.askCounter')}</p>
    </div>
  );
}
