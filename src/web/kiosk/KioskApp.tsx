import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import i18n from '../i18n/index.ts';
import {
  kioskApi,
  KioskApiError,
  loadSetup,
  SETUP_STORAGE_KEY,
  type KioskSession,
  type TerminalInfo,
  type TerminalSetup,
} from './kiosk-api.ts';
import { SpeakerIcon } from './icons.tsx';
import { KioskSetup } from './KioskSetup.tsx';
import { KioskScreen, type Screen } from './KioskScreens.tsx';
import { canReadAloud, readAloud, stopReading } from './read-aloud.ts';
import { useIdleCountdown } from './use-idle-countdown.ts';
import { ID_NUMBER, QR_TOKEN, useWedgeReader, type WedgeResult } from './use-wedge-reader.ts';
import './kiosk.css';

/** `/kiosk/:facilityCode`: set-up until the terminal holds a working key, then the kiosk itself. */
export function KioskApp() {
  const { facilityCode = '' } = useParams();
  const [setup, setSetup] = useState<TerminalSetup | null>(() => {
    const stored = loadSetup();
    return stored?.facilityCode === facilityCode ? stored : null;
  });
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    document.documentElement.classList.add('kiosk-mode');
    return () => document.documentElement.classList.remove('kiosk-mode');
  }, []);
  if (!setup)
    return (
      <div className="kiosk">
        <KioskSetup facilityCode={facilityCode} problem={problem} onDone={setSetup} />
      </div>
    );
  return (
    <KioskTerminal
      setup={setup}
      onCredentialsRefused={(message) => {
        setProblem(message);
        setSetup(null);
      }}
    />
  );
}

/** Everything of a resident's visit that must go when they leave (or walk away). */
function wipeBrowserTraces(): void {
  try {
    window.sessionStorage.clear();
    for (const key of Object.keys(window.localStorage))
      if (key !== SETUP_STORAGE_KEY) window.localStorage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept there either.
  }
  stopReading();
}

const WEDGE_SCREENS = new Set<Screen['name']>(['home', 'card', 'qr']);

function KioskTerminal({
  setup,
  onCredentialsRefused,
}: {
  setup: TerminalSetup;
  onCredentialsRefused(message: string): void;
}) {
  const { t, i18n: translation } = useTranslation();
  const language = translation.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const [info, setInfo] = useState<TerminalInfo | null>(null);
  const [session, setSession] = useState<KioskSession | null>(null);
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  // A new visit remounts every screen, so nothing typed or loaded survives a sign-out.
  const [visit, setVisit] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [wedgeRead, setWedgeRead] = useState<{ text: string; at: number } | null>(null);
  const [wedgeTyped, setWedgeTyped] = useState(0);
  const [isReadingAloud, setIsReadingAloud] = useState(false);
  const wedgeInput = useRef<HTMLInputElement>(null);
  const sessionRef = useRef<KioskSession | null>(null);
  sessionRef.current = session;

  const api = useMemo(() => kioskApi(setup, session?.token ?? null), [setup, session]);

  useEffect(() => {
    let isCurrent = true;
    kioskApi(setup, null)
      .get<TerminalInfo>('/api/v1/kiosk/terminal')
      .then((answer) => isCurrent && setInfo(answer))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof KioskApiError && error.status === 401) onCredentialsRefused(error.message);
        else setNotice(error instanceof Error ? error.message : t('errors.unexpected'));
      });
    return () => {
      isCurrent = false;
    };
  }, [setup, onCredentialsRefused, t, language]);

  /** Ends the visit: the server session, then every trace in the page and the browser. */
  const endVisit = useCallback(
    async (reason: 'sign_out' | 'idle' | 'ended') => {
      const token = sessionRef.current?.token ?? null;
      sessionRef.current = null;
      setSession(null);
      setScreen({ name: 'home' });
      setWedgeRead(null);
      setVisit((n) => n + 1);
      setIsReadingAloud(false);
      wipeBrowserTraces();
      if (i18n.resolvedLanguage !== 'zh-CN') await i18n.changeLanguage('zh-CN');
      document.title = t('kiosk.title');
      if (token && reason !== 'ended')
        await kioskApi(setup, token)
          .post('/api/v1/kiosk/sign-out', { reason })
          .catch(() => undefined);
      if (token) setNotice(reason === 'ended' ? t('kiosk.sessionEnded') : t('kiosk.signedOut'));
      else setNotice(null);
    },
    [setup, t],
  );

  const onApiError = useCallback(
    (error: unknown) => {
      if (error instanceof KioskApiError && error.code === 'KIOSK_SESSION_INVALID') void endVisit('ended');
    },
    [endVisit],
  );

  const isIdleWatched = session !== null || screen.name !== 'home';
  const { secondsLeft, stay } = useIdleCountdown(
    isIdleWatched,
    info?.settings.idleSeconds ?? 60,
    info?.settings.countdownSeconds ?? 15,
    () => void endVisit('idle'),
  );

  const onWedge = useCallback((result: WedgeResult) => {
    if (result.kind === 'typed') {
      setScreen({ name: 'card' });
      setWedgeTyped((n) => n + 1);
      return;
    }
    const text = result.text.trim();
    if (ID_NUMBER.test(text)) setScreen({ name: 'card' });
    else if (QR_TOKEN.test(text)) setScreen({ name: 'qr' });
    else setScreen({ name: 'card' });
    setWedgeRead({ text, at: Date.now() });
  }, []);
  const wedge = useWedgeReader(onWedge);
  const acceptsReader = session === null && WEDGE_SCREENS.has(screen.name) && secondsLeft === null;

  // The reader's input keeps the focus on the sign-in screens, unless the person is using a field.
  useEffect(() => {
    if (!acceptsReader) return;
    const refocus = () => {
      const active = document.activeElement;
      if (active instanceof HTMLInputElement && active !== wedgeInput.current) return;
      wedgeInput.current?.focus({ preventScroll: true });
    };
    refocus();
    document.addEventListener('click', refocus);
    return () => document.removeEventListener('click', refocus);
  }, [acceptsReader, screen, visit]);

  useEffect(() => {
    if (!isReadingAloud) return;
    const timer = window.setTimeout(() => {
      const main = document.getElementById('kiosk-main');
      if (main) readAloud(main.innerText, language);
    }, 600);
    return () => window.clearTimeout(timer);
  }, [isReadingAloud, screen, visit, info, language]);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 8000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const go = useCallback((next: Screen) => {
    setNotice(null);
    setScreen(next);
  }, []);

  return (
    <div className="kiosk" lang={language}>
      <header className="kiosk-header">
        <p className="kiosk-brand">
          <span>{t('kiosk.title')}</span>
          {info && <span className="kiosk-brand__facility">{info.facility.name}</span>}
        </p>
        <div className="kiosk-header__controls">
          {canReadAloud() && (
            <button
              type="button"
              className="kiosk-toggle"
              aria-pressed={isReadingAloud}
              aria-label={t('kiosk.readAloudLabel')}
              onClick={() => {
                if (isReadingAloud) stopReading();
                setIsReadingAloud(!isReadingAloud);
              }}
            >
              <SpeakerIcon />
              {isReadingAloud ? t('kiosk.readAloudOn') : t('kiosk.readAloudOff')}
            </button>
          )}
          <button
            type="button"
            className="kiosk-toggle"
            lang={language === 'en' ? 'zh-CN' : 'en'}
            aria-label={t('kiosk.languageSwitchLabel')}
            onClick={() => void i18n.changeLanguage(language === 'en' ? 'zh-CN' : 'en')}
          >
            {t('kiosk.languageSwitch')}
          </button>
        </div>
      </header>
      {acceptsReader && (
        <input
          ref={wedgeInput}
          className="visually-hidden"
          aria-label={t('kiosk.readerLabel')}
          autoComplete="off"
          inputMode="none"
          onKeyDown={wedge.onKeyDown}
          onBlur={wedge.reset}
        />
      )}
      {notice && (
        <p className="kiosk-notice kiosk-banner" role="status">
          {notice}
        </p>
      )}
      {info ? (
        <KioskScreen
          key={visit}
          screen={screen}
          go={go}
          api={api}
          info={info}
          session={session}
          onSignedIn={(signedIn) => {
            setSession(signedIn);
            setWedgeRead(null);
            setScreen({ name: 'menu' });
          }}
          onSignOut={() => void endVisit('sign_out')}
          onApiError={onApiError}
          wedgeRead={wedgeRead}
          wedgeTyped={wedgeTyped}
        />
      ) : (
        <main className="kiosk-main" id="kiosk-main">
          <h1 className="kiosk-title">{t('kiosk.title')}</h1>
          <p className="kiosk-lead" role="status">
            {t('kiosk.loading')}
          </p>
        </main>
      )}
      {secondsLeft !== null && (
        <div className="kiosk-overlay">
          <div
            className="kiosk-dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="kiosk-idle-title"
            aria-describedby="kiosk-idle-text"
          >
            <h2 id="kiosk-idle-title">{t('kiosk.idle.title')}</h2>
            <p id="kiosk-idle-text" aria-live="assertive">
              {session
                ? t('kiosk.idle.text', { seconds: secondsLeft })
                : t('kiosk.idle.textHome', { seconds: secondsLeft })}
            </p>
            <p className="kiosk-countdown" aria-hidden="true">
              {secondsLeft}
            </p>
            <button type="button" className="kiosk-button kiosk-button--primary" autoFocus onClick={stay}>
              {t('kiosk.idle.stay')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
