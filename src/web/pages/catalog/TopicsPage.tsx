import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { searchServices } from '../../api/catalog-endpoints.ts';
import type { TopicItem } from '../../api/catalog-types.ts';
import { LoadingStatus } from '../../components/LoadingStatus.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResultItem } from '../../components/catalog/ResultItem.tsx';
import { useTopics } from '../../lib/catalog-reference.ts';
import { localName } from '../../lib/local-name.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { dataOf, useLatestResource } from '../../lib/use-latest-resource.ts';

const FEATURED_BUNDLES = 6;

/** `/topics`: life events for residents and the stages of an enterprise, and the 一件事 bundles. */
export function TopicsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('topics.title'));
  const topics = useTopics();
  // One search with no words gives the number of services per topic (its facet).
  const overview = dataOf(useLatestResource('overview', () => searchServices({ limit: 1 })));
  const bundles = dataOf(
    useLatestResource('bundles', () => searchServices({ kind: 'bundle', limit: FEATURED_BUNDLES })),
  );
  const counts = overview?.facets.topic ?? {};

  return (
    <>
      <PageHeading>{t('topics.title')}</PageHeading>
      <p className="lead">{t('topics.lead')}</p>

      {bundles && bundles.items.length > 0 && (
        <section className="section featured-bundles" aria-labelledby="bundles-title">
          <h2 id="bundles-title">{t('topics.bundles.title')}</h2>
          <p>{t('topics.bundles.intro')}</p>
          <ul className="result-list result-list--grid">
            {bundles.items.map((item) => (
              <ResultItem key={item.id} item={item} isBundleNoteShown={false} />
            ))}
          </ul>
          {bundles.total > bundles.items.length && (
            <p>
              <Link to="/services?kind=bundle">{t('topics.bundles.all', { count: bundles.total })}</Link>
            </p>
          )}
        </section>
      )}

      {topics.status === 'loading' && <LoadingStatus />}
      {topics.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {topics.error.message}
        </p>
      )}
      {topics.status === 'ready' && (
        <>
          <TopicGroup
            id="resident-topics"
            title={t('topics.residents.title')}
            intro={t('topics.residents.intro')}
            topics={topics.items.filter((topic) => topic.audience === 'resident')}
            counts={counts}
          />
          <TopicGroup
            id="enterprise-topics"
            title={t('topics.enterprises.title')}
            intro={t('topics.enterprises.intro')}
            topics={topics.items.filter((topic) => topic.audience === 'enterprise')}
            counts={counts}
          />
        </>
      )}
    </>
  );
}

interface GroupProps {
  id: string;
  title: string;
  intro: string;
  topics: TopicItem[];
  counts: Record<string, number>;
}

function TopicGroup({ id, title, intro, topics, counts }: GroupProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{intro}</p>
      <ul className="topic-grid">
        {topics.map((topic) => {
          const count = counts[topic.code] ?? 0;
          return (
            <li key={topic.code} className="topic-card">
              <Link className="topic-card__link" to={`/services?topic=${encodeURIComponent(topic.code)}`}>
                <span className="topic-card__name">{localName(topic, language)}</span>
                <span className="topic-card__count">{t('topics.count', { count })}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
