import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ServiceListItem } from '../../api/catalog-types.ts';
import { ServiceFacts } from './ServiceFacts.tsx';

/** One search result: name (linked), department, kind, and the facts people compare by. */
export function ResultItem({
  item,
  headingLevel = 3,
  isBundleNoteShown = true,
}: {
  item: ServiceListItem;
  headingLevel?: 2 | 3;
  /** Among other results a bundle says what it is; in a list of bundles that goes without saying. */
  isBundleNoteShown?: boolean;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const isBundle = item.type === 'bundle';
  return (
    <li className={isBundle ? 'result result--bundle' : 'result'}>
      <Heading className="result__title">
        <Link to={`/services/${encodeURIComponent(item.code)}`}>{item.name}</Link>
        {isBundle && <span className="badge badge--bundle">{t('catalog.bundleBadge')}</span>}
      </Heading>
      <p className="result__meta">
        <span>{item.departmentName ?? t('catalog.multiDepartment')}</span>
        <span aria-hidden="true"> · </span>
        {!isBundle && (
          <>
            <span>{t(`catalog.kinds.${item.kind}`)}</span>
            <span aria-hidden="true"> · </span>
          </>
        )}
        <span>{t(`catalog.subjects.${item.subject}`)}</span>
      </p>
      <ServiceFacts
        promisedTimeLimitDays={item.promisedTimeLimitDays}
        feeFen={item.feeFen}
        tripsNeeded={item.tripsNeeded}
      />
      {isBundle && isBundleNoteShown && <p className="result__note">{t('catalog.bundleNote')}</p>}
    </li>
  );
}
