import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading.tsx';
import { ServiceSearchBox } from '../components/catalog/ServiceSearchBox.tsx';
import { DistrictList } from '../components/DistrictList.tsx';
import { useSession } from '../session/session-context.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

const AUDIENCES = ['residents', 'enterprises', 'staff'] as const;
const POPULAR_SEARCHES = [
  'medicalInsurance',
  'housingFund',
  'restaurant',
  'birth',
  'businessLicence',
] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  useDocumentTitle('');
  const notice = (location.state as { notice?: string } | null)?.notice;

  return (
    <>
      {notice === 'signedOut' && (
        <p className="notice notice--success" role="status">
          {t('home.signedOutNotice')}
        </p>
      )}
      <section className="hero" aria-labelledby="home-title">
        <div className="hero__text">
          <p className="hero__kicker">{t('home.kicker')}</p>
          <PageHeading id="home-title">{t('home.title')}</PageHeading>
          <p className="hero__slogan">{t('home.slogan')}</p>
          <ServiceSearchBox id="home-search" label={t('home.search.label')} isLarge />
          <div className="popular-searches">
            <h2 className="popular-searches__title" id="popular-searches-title">
              {t('home.search.popular')}
            </h2>
            <ul className="popular-searches__list" aria-labelledby="popular-searches-title">
              {POPULAR_SEARCHES.map((key) => (
                <li key={key}>
                  <Link to={`/services?q=${encodeURIComponent(t(`home.search.terms.${key}`))}`}>
                    {t(`home.search.terms.${key}`)}
                  </Link>
                </li>
              ))}
              <li>
                <Link to="/topics">{t('home.search.browseTopics')}</Link>
              </li>
            </ul>
          </div>
          <p className="hero__lead">{t('home.lead')}</p>
          <div className="hero__actions">
            {state.status === 'signedIn' ? (
              <>
                <Link className="button button--primary button--large" to="/me">
                  {t('home.cta.goToMe')}
                </Link>
                <Link className="button button--secondary button--large" to="/data">
                  {t('data.hub.title')}
                </Link>
                <Link className="button button--secondary button--large" to="/payments">
                  {t('payments.hub.homeLink')}
                </Link>
              </>
            ) : (
              <>
                <Link className="button button--primary button--large" to="/login">
                  {t('home.cta.signIn')}
                </Link>
                <Link className="button button--secondary button--large" to="/register">
                  {t('home.cta.register')}
                </Link>
              </>
            )}
          </div>
        </div>
      </section>

      <section className="section" aria-labelledby="home-what">
        <h2 id="home-what">{t('home.what.title')}</h2>
        <div className="principles">
          <div className="principle">
            <h3>{t('home.what.oneDoor.title')}</h3>
            <p>{t('home.what.oneDoor.body')}</p>
          </div>
          <div className="principle">
            <h3>{t('home.what.submitOnce.title')}</h3>
            <p>{t('home.what.submitOnce.body')}</p>
          </div>
          <div className="principle">
            <h3>{t('home.what.transparent.title')}</h3>
            <p>{t('home.what.transparent.body')}</p>
          </div>
        </div>
      </section>

      <section className="section" aria-labelledby="home-who">
        <h2 id="home-who">{t('home.who.title')}</h2>
        <ul className="card-grid">
          {AUDIENCES.map((audience) => (
            <li className="card" key={audience}>
              <h3 className="card__title">{t(`home.who.${audience}.title`)}</h3>
              <p>{t(`home.who.${audience}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="home-districts">
        <h2 id="home-districts">{t('home.districts.title')}</h2>
        <DistrictList />
      </section>
    </>
  );
}
