import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { REGISTER_SLUGS } from '../../api/data-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './data.css';

/** 我的数据: the self-service queries, the access log and third-party consents. */
export function DataHubPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('data.hub.title'));
  return (
    <RequireSession>
      {() => (
        <>
          <PageHeading>{t('data.hub.title')}</PageHeading>
          <p className="lead">{t('data.hub.lead')}</p>
          <ul className="data-hub">
            {REGISTER_SLUGS.map((slug) => (
              <li className="data-hub__item" key={slug}>
                <h2>
                  <Link to={`/data/${slug}`}>{t(`data.registers.${slug}.title`)}</Link>
                </h2>
                <p>{t(`data.registers.${slug}.text`)}</p>
              </li>
            ))}
            <li className="data-hub__item">
              <h2>
                <Link to="/data/access">{t('data.hub.accessTitle')}</Link>
              </h2>
              <p>{t('data.hub.accessText')}</p>
            </li>
            <li className="data-hub__item">
              <h2>
                <Link to="/data/consents">{t('data.hub.consentsTitle')}</Link>
              </h2>
              <p>{t('data.hub.consentsText')}</p>
            </li>
          </ul>
        </>
      )}
    </RequireSession>
  );
}
