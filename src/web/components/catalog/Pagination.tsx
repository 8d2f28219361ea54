import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface Props {
  page: number;
  pageCount: number;
  hrefFor(page: number): string;
}

/** Page numbers around the current one, always with the first and the last. */
function visiblePages(page: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, index) => {
    const previous = sorted[index - 1];
    return previous !== undefined && p - previous > 1 ? ['gap' as const, p] : [p];
  });
}

export function Pagination({ page, pageCount, hrefFor }: Props) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('search.pagination.label')}>
      <ul className="pagination__list">
        {page > 1 && (
          <li>
            <Link className="pagination__link" to={hrefFor(page - 1)} rel="prev">
              {t('search.pagination.previous')}
            </Link>
          </li>
        )}
        {visiblePages(page, pageCount).map((p, index) =>
          p === 'gap' ? (
            <li key={`gap-${index}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span className="pagination__link pagination__link--current" aria-current="page">
                  <span className="visually-hidden">{t('search.pagination.pagePrefix')}</span>
                  {p}
                </span>
              ) : (
                <Link
                  className="pagination__link"
                  to={hrefFor(p)}
                  aria-label={t('search.pagination.page', { page: p })}
                >
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link className="pagination__link" to={hrefFor(page + 1)} rel="next">
              {t('search.pagination.next')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
