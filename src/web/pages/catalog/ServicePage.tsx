import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getService } from '../../api/catalog-endpoints.ts';
import { LoadingStatus } from '../../components/LoadingStatus.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { dataOf, useLatestResource } from '../../lib/use-latest-resource.ts';
import { canApplyOnline } from '../applications/apply-rules.ts';
import { ServiceView } from './service/ServiceView.tsx';
import '../../styles/applying.css';

/** `/services/:idOrCode`: a published service or bundle, in plain language. */
export function ServicePage() {
  const { t, i18n } = useTranslation();
  const { idOrCode = '' } = useParams();
  const state = useLatestResource(idOrCode, () => getService(idOrCode));
  const detail = dataOf(state);
  const isCurrent = detail !== null && (detail.id === idOrCode || detail.code === idOrCode);
  const name = detail && isCurrent ? (i18n.resolvedLanguage === 'en' ? detail.nameEn : detail.nameZh) : '';
  useDocumentTitle(state.status === 'failed' ? t('service.notFound.title') : name);

  // Arriving from a suggestion, the box that had focus is gone: start at the page's heading.
  const isShown = isCurrent || state.status === 'failed';
  useEffect(() => {
    if (isShown && (document.activeElement === null || document.activeElement === document.body)) {
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
  }, [isShown, idOrCode]);

  if (state.status === 'failed') {
    const isMissing = state.error.status === 404;
    return (
      <div className="narrow">
        <PageHeading>{isMissing ? t('service.notFound.title') : t('service.loadFailed')}</PageHeading>
        <p className="lead">{isMissing ? t('service.notFound.body') : state.error.message}</p>
        <ul className="link-list">
          <li>
            <Link to="/services">{t('service.notFound.search')}</Link>
          </li>
          <li>
            <Link to="/topics">{t('service.notFound.topics')}</Link>
          </li>
        </ul>
      </div>
    );
  }
  if (!detail || !isCurrent) return <LoadingStatus />;
  return (
    <>
      <nav className="breadcrumbs" aria-label={t('service.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/">{t('layout.nav.home')}</Link>
          </li>
          <li>
            <Link to="/services">{t('layout.nav.services')}</Link>
          </li>
        </ol>
      </nav>
      <ServiceView
        key={detail.id}
        actions={
          canApplyOnline(detail) ? (
            <div className="apply-bar">
              <Link className="button button--primary button--large" to={`/services/${detail.code}/apply`}>
                {t('applications.serviceButton.apply')}
              </Link>
              <p className="apply-bar__note">{t('applications.serviceButton.note')}</p>
            </div>
          ) : null
        }
        model={
          detail.type === 'service'
            ? { ...detail, type: 'service', isDraft: false }
            : { ...detail, type: 'bundle', isDraft: false }
        }
      />
    </>
  );
}
