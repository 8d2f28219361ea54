import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterSlug } from '../api/data-endpoints.ts';
import { LazyServiceForm } from '../forms/LazyServiceForm.tsx';
import type { FormData, Prefill } from '../forms/form-ui.ts';
import { formatDate } from '../lib/format.ts';
import { RegisterView } from '../pages/data/register-views.tsx';
import type { KioskApi, KioskSession, TerminalInfo, TerminalService } from './kiosk-api.ts';
import { CardSignIn, QrSignIn } from './KioskSignIn.tsx';

export const KIOSK_QUERIES = ['medical-insurance', 'social-insurance', 'housing-fund'] as const;
type KioskQuery = (typeof KIOSK_QUERIES)[number];

export type Screen =
  | { name: 'home' }
  | { name: 'card' }
  | { name: 'qr' }
  | { name: 'services' }
  | { name: 'facility' }
  | { name: 'menu' }
  | { name: 'query'; slug: KioskQuery }
  | { name: 'applications' }
  | { name: 'apply'; serviceId: string };

interface Props {
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
export function KioskScreen(props: Props) {
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
              {screen.name === 'query' || screen.name === 'applications' || screen.name === 'apply'
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

function ScreenBody(props: Props) {
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

function Home({ go, info }: Props) {
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

function Menu({ go, session }: Props & { session: KioskSession }) {
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
      </ul>
      <section className="kiosk-note" aria-labelledby="kiosk-payments-title">
        <h2 id="kiosk-payments-title">{t('kiosk.menu.payments')}</h2>
        <p>{t('kiosk.menu.paymentsText')}</p>
      </section>
    </>
  );
}

/** Loads once per screen; a refused session ends the visit through onApiError. */
function useKioskLoad<T>(load: () => Promise<T>, onApiError: (error: unknown) => void) {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    let isCurrent = true;
    load()
      .then((data) => isCurrent && setState({ data }))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        onApiError(error);
        setState({ error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      isCurrent = false;
    };
  }, [load, onApiError]);
  return state;
}

function Loading({ state, children }: { state: { data?: unknown; error?: string }; children: ReactNode }) {
  const { t } = useTranslation();
  if (state.error)
    return (
      <p className="kiosk-notice kiosk-notice--error" role="alert">
        {state.error}
      </p>
    );
  if (state.data === undefined)
    return (
      <p className="kiosk-lead" role="status">
        {t('kiosk.loading')}
      </p>
    );
  return <>{children}</>;
}

function Query({ api, slug, onApiError }: Props & { slug: KioskQuery }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(
    () =>
      api.get<{ nameZh: string; nameEn: string; data: Record<string, unknown> }>(
        `/api/v1/kiosk/me/registers/${slug}`,
      ),
    [api, slug],
  );
  const state = useKioskLoad(load, onApiError);
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t(`kiosk.menu.${slug}`)}
      </h1>
      <Loading state={state}>
        {state.data && (
          <div className="kiosk-record">
            <RegisterView slug={slug as RegisterSlug} data={state.data.data} />
            <p className="kiosk-hint">
              {t('kiosk.query.source', {
                name: i18n.resolvedLanguage === 'en' ? state.data.nameEn : state.data.nameZh,
              })}{' '}
              {t('kiosk.query.recorded')}
            </p>
          </div>
        )}
      </Loading>
    </>
  );
}

interface ApplicationItem {
  id: string;
  receiptNo: string;
  status: string;
  entry: { nameZh: string; nameEn: string };
  submittedAt: string;
  promisedDate: string | null;
}

function Applications({ api, onApiError }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const load = useCallback(
    () => api.get<{ items: ApplicationItem[] }>('/api/v1/kiosk/me/applications'),
    [api],
  );
  const state = useKioskLoad(load, onApiError);
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kiosk.applications.title')}
      </h1>
      <Loading state={state}>
        {state.data?.items.length === 0 && <p className="kiosk-lead">{t('kiosk.applications.none')}</p>}
        <ul className="kiosk-list">
          {state.data?.items.map((item) => (
            <li key={item.id} className="kiosk-card">
              <h2>{language === 'en' ? item.entry.nameEn : item.entry.nameZh}</h2>
              <p className="kiosk-status">
                {t(`applications.status.${item.status}` as 'applications.status.in_progress')}
              </p>
              <p>{t('kiosk.applications.receipt', { number: item.receiptNo })}</p>
              <p>{t('kiosk.applications.submitted', { date: formatDate(item.submittedAt, language) })}</p>
              {item.promisedDate && (
                <p>{t('kiosk.applications.promised', { date: formatDate(item.promisedDate, language) })}</p>
              )}
            </li>
          ))}
        </ul>
      </Loading>
    </>
  );
}

function Services({ api, go, session, onApiError }: Props) {
  const { t } = useTranslation();
  const load = useCallback(() => api.get<{ items: TerminalService[] }>('/api/v1/kiosk/services'), [api]);
  const state = useKioskLoad(load, onApiError);
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kiosk.services.title')}
      </h1>
      <p className="kiosk-lead">{t('kiosk.services.lead')}</p>
      <Loading state={state}>
        <ul className="kiosk-list">
          {state.data?.items.map((service) => (
            <li key={service.id} className="kiosk-card">
              <h2>{service.name}</h2>
              {service.departmentName && <p className="kiosk-hint">{service.departmentName}</p>}
              {service.promisedTimeLimitDays !== null && service.availability === 'apply' && (
                <p>{t('kiosk.services.days', { days: service.promisedTimeLimitDays })}</p>
              )}
              {service.availability === 'apply' && session ? (
                <button
                  type="button"
                  className="kiosk-button kiosk-button--primary"
                  onClick={() => go({ name: 'apply', serviceId: service.id })}
                >
                  {t('kiosk.services.apply')}
                </button>
              ) : (
                <p className={service.availability === 'apply' ? 'kiosk-status' : 'kiosk-hint'}>
                  {service.availability === 'apply'
                    ? t('kiosk.services.signInToApply')
                    : t(`kiosk.services.availability.${service.availability}`)}
                </p>
              )}
            </li>
          ))}
        </ul>
      </Loading>
    </>
  );
}

interface ApplyForm {
  id: string;
  nameZh: string;
  nameEn: string;
  form: { schema: Record<string, unknown>; ui: unknown };
  prefill: Record<string, { value: unknown; source: { nameZh: string; nameEn: string }; locked: boolean }>;
}

interface Receipt {
  receiptNo: string;
  promisedDate: string;
}

function Apply({ api, serviceId, onApiError }: Props & { serviceId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const load = useCallback(
    () => api.get<ApplyForm>(`/api/v1/kiosk/services/${encodeURIComponent(serviceId)}/form`),
    [api, serviceId],
  );
  const state = useKioskLoad(load, onApiError);
  const [formData, setFormData] = useState<FormData>({});
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [idempotencyKey] = useState(() => `kiosk-${crypto.randomUUID()}`);

  const prefill: Prefill | undefined = state.data
    ? Object.fromEntries(
        Object.entries(state.data.prefill).map(([name, fill]) => [
          name,
          {
            value: fill.value,
            sourceZh: fill.source.nameZh,
            sourceEn: fill.source.nameEn,
            locked: fill.locked,
          },
        ]),
      )
    : undefined;

  async function submit(answers: FormData) {
    setIsBusy(true);
    setError(null);
    try {
      const kept = Object.keys(prefill ?? {}).filter(
        (name) => JSON.stringify(answers[name]) === JSON.stringify(prefill?.[name]?.value),
      );
      setReceipt(
        await api.post<Receipt>(
          '/api/v1/kiosk/applications',
          { serviceId, data: answers, prefilledFields: kept },
          { 'idempotency-key': idempotencyKey },
        ),
      );
    } catch (caught) {
      onApiError(caught);
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const name = state.data ? (language === 'en' ? state.data.nameEn : state.data.nameZh) : '';
  if (receipt)
    return (
      <>
        <h1 className="kiosk-title" tabIndex={-1}>
          {t('kiosk.apply.done')}
        </h1>
        <p className="kiosk-receipt" role="status">
          {t('kiosk.apply.receipt', { number: receipt.receiptNo })}
        </p>
        <p className="kiosk-lead">
          {t('kiosk.apply.promised', { date: formatDate(receipt.promisedDate, language) })}
        </p>
      </>
    );
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {state.data ? t('kiosk.apply.title', { name }) : t('kiosk.menu.apply')}
      </h1>
      <Loading state={state}>
        <p className="kiosk-lead">{t('kiosk.apply.lead')}</p>
        {error && (
          <p className="kiosk-notice kiosk-notice--error" role="alert">
            {error}
          </p>
        )}
        {state.data && (
          <div className="kiosk-apply">
            <LazyServiceForm
              form={state.data.form}
              language={language}
              formData={formData}
              onChange={setFormData}
              onSubmit={(answers) => void submit(answers)}
              prefill={prefill}
              idPrefix="kiosk-apply"
              submitLabel={isBusy ? t('kiosk.apply.submitting') : t('kiosk.apply.submit')}
            />
          </div>
        )}
      </Loading>
    </>
  );
}

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
