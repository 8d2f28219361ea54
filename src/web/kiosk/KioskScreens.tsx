import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, KioskSession, TerminalInfo } from './kiosk-api.ts';
import { CardSignIn, QrSignIn } from './KioskSignIn.tsx';
import { Applications, Apply, Query, Services } from './KioskTaskScreens.tsx';
import { KioskPayment, KioskPayments } from './KioskPaymentScreens.tsx';

export const KIOSK_QUERIES = ['medical-insurance', 'social-insurance', 'housing-fund'] as const;
export type KioskQuery = (typeof KIOSK_QUERIES)[number];

export type Screen =
  | { name: 'home' }
  | { name: 'card' }
  | { name: 'qr' }
  | { name: 'services' }
  | { name: 'facility' }
  | { name: 'menu' }
  | { name: 'query'; slug: KioskQuery }
  | { name: 'applications' }
  | { name: 'apply'; serviceId: string }
  | { name: 'payments' }
  | { name: 'payment'; orderId: string; qrContent: string };

export interface KioskScreenProps {
  screen: Screen;
  go(screen: Screen): void;
  api: KioskApi;
  info: TerminalInfo;
  session: KioskSession | null;
  onSignedIn(session: KioskSession): void;
  onSignOut(): void;
  onApiError(error: unknown): void;
  wedgeRead: { text: string; at: number } | null;
  wedgeTyped: number;
}

/** The screen on show, in the kiosk's main region, with the way back and sign-out below it. */
export function KioskScreen(props: KioskScreenProps) {
  const { t } = useTranslation();
  const { screen, go, session } = props;
  const home: Screen = session ? { name: 'menu' } : { name: 'home' };
  const isStart = screen.name === home.name;
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('#kiosk-main h1');
    if (heading && !['home', 'card', 'qr'].includes(screen.name)) heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [screen]);
  return (
    <>
      <main className="kiosk-main" id="kiosk-main">
        <ScreenBody {...props} />
      </main>
      {(!isStart || session) && (
        <nav className="kiosk-footer" aria-label={t('kiosk.title')}>
          {!isStart && (
            <button type="button" className="kiosk-button" onClick={() => go(home)}>
              {screen.name === 'query' ||
              screen.name === 'applications' ||
              screen.name === 'apply' ||
              screen.name === 'payments' ||
              screen.name === 'payment'
                ? t('kiosk.back')
                : t('kiosk.home')}
            </button>
          )}
          {session && (
            <button type="button" className="kiosk-button kiosk-button--danger" onClick={props.onSignOut}>
              {t('kiosk.menu.signOut')}
            </button>
          )}
        </nav>
      )}
    </>
  );
}

function ScreenBody(props: KioskScreenProps) {
  const { screen, info, session, api } = props;
  const signIn = {
    api,
    demoSms: info.settings.demoSms,
    wedgeRead: props.wedgeRead,
    wedgeTyped: props.wedgeTyped,
    onSignedIn: props.onSignedIn,
  };
  switch (screen.name) {
    case 'home':
      return <Home {...props} />;
    case 'card':
      return <CardSignIn {...signIn} />;
    case 'qr':
      return <QrSignIn {...signIn} />;
    case 'services':
      return <Services {...props} />;
    case 'facility':
      return <Facility info={info} />;
    case 'menu':
      return session ? <Menu {...props} session={session} /> : <Home {...props} />;
    case 'query':
      return <Query {...props} slug={screen.slug} />;
    case 'applications':
      return <Applications {...props} />;
    case 'apply':
      return <Apply {...props} serviceId={screen.serviceId} />;
    case 'payments':
      return <KioskPayments {...props} />;
    case 'payment':
      return <KioskPayment {...props} orderId={screen.orderId} qrContent={screen.qrContent} />;
  }
}

function Tile({ title, text, onClick }: { title: string; text: string; onClick(): void }) {
  return (
    <li>
      <button type="button" className="kiosk-tile" onClick={onClick}>
        <span className="kiosk-tile__title">{title}</span>
        <span className="kiosk-tile__text">{text}</span>
      </button>
    </li>
  );
}

function Home({ go, info }: KioskScreenProps) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kiosk.homeScreen.welcome')}
      </h1>
      <p className="kiosk-lead">{t('kiosk.homeScreen.lead')}</p>
      <p className={info.facility.isOpenNow ? 'kiosk-open' : 'kiosk-closed'}>
        {info.facility.isOpenNow ? t('kiosk.homeScreen.open') : t('kiosk.homeScreen.closed')}
      </p>
      <ul className="kiosk-tiles">
        <Tile
          title={t('kiosk.homeScreen.card')}
          text={t('kiosk.homeScreen.cardText')}
          onClick={() => go({ name: 'card' })}
        />
        <Tile
          title={t('kiosk.homeScreen.qr')}
          text={t('kiosk.homeScreen.qrText')}
          onClick={() => go({ name: 'qr' })}
        />
        <Tile
          title={t('kiosk.homeScreen.services')}
          text={t('kiosk.homeScreen.servicesText')}
          onClick={() => go({ name: 'services' })}
        />
        <Tile
          title={t('kiosk.homeScreen.facility')}
          text={t('kiosk.homeScreen.facilityText')}
          onClick={() => go({ name: 'facility' })}
        />
      </ul>
    </>
  );
}

function Menu({ go, session }: KioskScreenProps & { session: KioskSession }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kiosk.menu.title', { name: session.displayName })}
      </h1>
      <p className="kiosk-lead">{t('kiosk.menu.lead')}</p>
      <ul className="kiosk-tiles">
        {KIOSK_QUERIES.map((slug) => (
          <Tile
            key={slug}
            title={t(`kiosk.menu.${slug}`)}
            text={t(`kiosk.menu.${slug}Text`)}
            onClick={() => go({ name: 'query', slug })}
          />
        ))}
        <Tile
          title={t('kiosk.menu.applications')}
          text={t('kiosk.menu.applicationsText')}
          onClick={() => go({ name: 'applications' })}
        />
        <Tile
          title={t('kiosk.menu.apply')}
          text={t('kiosk.menu.applyText')}
          onClick={() => go({ name: 'services' })}
        />
        <Tile
          title={t('kiosk.menu.payments')}
          text={t('kioskPayments.tileText')}
          onClick={() => go({ name: 'payments' })}
        />
      </ul>
    </>
  );
}

/** Loads once per screen; a refused session ends the visit through onApiError. */
function Facility({ info }: { info: TerminalInfo }) {
  const { t } = useTranslation();
  const { facility } = info;
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {facility.name}
      </h1>
      <dl className="kiosk-facts">
        <dt>{t('kiosk.facility.address')}</dt>
        <dd>{facility.address}</dd>
        <dt>{t('kiosk.facility.hours')}</dt>
        <dd>
          <ul className="kiosk-hours">
            {facility.weeklyHours.map((day) => (
              <li key={day.day}>
                <span>{t(`kiosk.facility.days.${day.day}` as 'kiosk.facility.days.Mo')}</span>
                <span>
                  {day.ranges.length === 0
                    ? t('kiosk.facility.closedDay')
                    : day.ranges.map((range) => `${range.from}–${range.to}`).join('，')}
                </span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('kiosk.facility.services')}</dt>
        <dd>{facility.services.map((service) => service.name).join('、')}</dd>
      </dl>
    </>
  );
}
