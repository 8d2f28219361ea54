import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="narrow">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="lead">{t('notFound.body')}</p>
      <ul className="link-list">
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/me">{t('notFound.me')}</Link>
        </li>
      </ul>
    </div>
  );
}
