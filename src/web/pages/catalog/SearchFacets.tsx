import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FacetName, ServiceSearchResult } from '../../api/catalog-types.ts';
import { itemsOf, useDepartments, useTopics } from '../../lib/catalog-reference.ts';
import { localName } from '../../lib/local-name.ts';
import { FACETS, searchHref, withFilter } from '../../lib/search-params.ts';
import type { SearchState } from '../../lib/search-params.ts';

/** Fixed orders where people expect one; other facets list the biggest first. */
const FIXED_ORDER: Partial<Record<FacetName, string[]>> = {
  subject: ['resident', 'enterprise', 'both'],
  channel: ['online', 'counter', 'terminal', 'open_api'],
};

/** The name of a facet value in the UI language. */
export function useFacetLabel(): (facet: FacetName, value: string) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const departments = itemsOf(useDepartments());
  const topics = itemsOf(useTopics());
  return (facet, value) => {
    switch (facet) {
      case 'department': {
        const department = departments.find((d) => d.code === value);
        return department ? localName(department, language) : value;
      }
      case 'topic': {
        const topic = topics.find((d) => d.code === value);
        return topic ? localName(topic, language) : value;
      }
      case 'subject':
        return t(`catalog.subjects.${value as 'resident'}`, { defaultValue: value });
      case 'kind':
        return t(`catalog.kinds.${value as 'bundle'}`, { defaultValue: value });
      case 'channel':
        return t(`catalog.channels.${value as 'online'}`, { defaultValue: value });
    }
  };
}

function ordered(facet: FacetName, counts: Record<string, number>, topicOrder: string[]): [string, number][] {
  const entries = Object.entries(counts).filter(([, count]) => count > 0);
  const order = FIXED_ORDER[facet] ?? (facet === 'topic' ? topicOrder : null);
  if (order) {
    const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
    return entries.sort(([a], [b]) => rank(a) - rank(b));
  }
  return entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/** Filters with the number of results each would leave; each is a link, so the address keeps it. */
export function SearchFacets({ state, result }: { state: SearchState; result: ServiceSearchResult }) {
  const { t } = useTranslation();
  const label = useFacetLabel();
  const topicOrder = itemsOf(useTopics()).map((topic) => topic.code);

  return (
    <div className="facets">
      {FACETS.map((facet) => {
        const selected = state.filters[facet];
        const values = ordered(facet, result.facets[facet] ?? {}, topicOrder);
        if (values.length === 0 && !selected) return null;
        const headingId = `facet-${facet}`;
        return (
          <section className="facet" key={facet} aria-labelledby={headingId}>
            <h3 className="facet__title" id={headingId}>
              {t(`search.facets.${facet}`)}
            </h3>
            <ul className="facet__list">
              {selected && (
                <li>
                  <Link className="facet__link" to={searchHref(withFilter(state, facet, null))}>
                    {t('search.facets.all')}
                  </Link>
                </li>
              )}
              {values.map(([value, count]) => (
                <li key={value}>
                  {value === selected ? (
                    <span className="facet__link facet__link--selected" aria-current="true">
                      {label(facet, value)} <span className="facet__count">{count}</span>
                      <span className="visually-hidden">{t('search.facets.selected')}</span>
                    </span>
                  ) : (
                    <Link className="facet__link" to={searchHref(withFilter(state, facet, value))}>
                      {label(facet, value)}{' '}
                      <span className="facet__count">
                        {count}
                        <span className="visually-hidden">{t('search.facets.resultsSuffix')}</span>
                      </span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
