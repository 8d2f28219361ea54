import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskApiError, type CardChallenge, type KioskApi, type KioskSession } from './kiosk-api.ts';
import { CardIcon, PhoneQrIcon } from './icons.tsx';
import { ID_NUMBER, QR_TOKEN } from './use-wedge-reader.ts';

interface SignInProps {
  api: KioskApi;
  demoSms: boolean;
  wedgeRead: { text: string; at: number } | null;
  wedgeTyped: number;
  onSignedIn(session: KioskSession): void;
}

const messageOf = (error: unknown, fallback: string) =>
  error instanceof KioskApiError ? error.message : fallback;

/** ID card read by the reader, then the code from the phone on an on-screen keypad. */
export function CardSignIn({ api, demoSms, wedgeRead, wedgeTyped, onSignedIn }: SignInProps) {
  const { t } = useTranslation();
  const [challenge, setChallenge] = useState<CardChallenge | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (wedgeTyped > 0) setError(t('kiosk.card.typed'));
  }, [wedgeTyped, t]);

  useEffect(() => {
    if (!wedgeRead) return;
    if (!ID_NUMBER.test(wedgeRead.text)) {
      if (!QR_TOKEN.test(wedgeRead.text)) setError(t('kiosk.card.notIdCard'));
      return;
    }
    let isCurrent = true;
    setIsBusy(true);
    setError(null);
    setChallenge(null);
    setCode('');
    api
      .post<CardChallenge>('/api/v1/kiosk/sign-in/card', { idNumber: wedgeRead.text.toUpperCase() })
      .then((answer) => isCurrent && setChallenge(answer))
      .catch((caught: unknown) => isCurrent && setError(messageOf(caught, t('errors.unexpected'))))
      .finally(() => isCurrent && setIsBusy(false));
    return () => {
      isCurrent = false;
    };
  }, [wedgeRead, api, t]);

  useEffect(() => {
    if (challenge) codeInput.current?.focus();
  }, [challenge]);

  async function confirm() {
    if (!challenge || code.length !== 6) return;
    setIsBusy(true);
    setError(null);
    try {
      onSignedIn(
        await api.post<KioskSession>('/api/v1/kiosk/sign-in/code', {
          challengeId: challenge.challengeId,
          code,
        }),
      );
    } catch (caught) {
      setError(messageOf(caught, t('errors.unexpected')));
      setCode('');
      if (caught instanceof KioskApiError && caught.code === 'KIOSK_CODE_EXPIRED') setChallenge(null);
    } finally {
      setIsBusy(false);
    }
  }

  const minutes = challenge
    ? Math.max(1, Math.round((Date.parse(challenge.expiresAt) - Date.now()) / 60_000))
    : 0;
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kiosk.card.title')}
      </h1>
      {error && (
        <p className="kiosk-notice kiosk-notice--error" role="alert">
          {error}
        </p>
      )}
      {!challenge && (
        <div className="kiosk-reader" aria-live="polite">
          <CardIcon />
          <p className="kiosk-lead">{isBusy ? t('kiosk.card.reading') : t('kiosk.card.place')}</p>
        </div>
      )}
      {challenge && (
        <form
          className="kiosk-form"
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <p className="kiosk-lead" role="status">
            {t('kiosk.card.sent', { phone: challenge.phoneMasked, minutes })}
          </p>
          {demoSms && challenge.demoSms && (
            <aside className="kiosk-demo-sms" aria-labelledby="kiosk-demo-sms-title">
              <h2 id="kiosk-demo-sms-title">{t('kiosk.card.demoTitle')}</h2>
              <p>{t('kiosk.card.demoTo', { to: challenge.demoSms.to })}</p>
              <p className="kiosk-demo-sms__text">{challenge.demoSms.text}</p>
            </aside>
          )}
          <label className="kiosk-field">
            <span>{t('kiosk.card.code')}</span>
            <input
              ref={codeInput}
              className="kiosk-code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
            />
          </label>
          <div className="kiosk-keypad">
            {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
              <button
                key={digit}
                type="button"
                className="kiosk-key"
                aria-label={t('kiosk.card.digit', { digit })}
                onClick={() => setCode((current) => (current + digit).slice(0, 6))}
              >
                {digit}
              </button>
            ))}
            <button type="button" className="kiosk-key kiosk-key--small" onClick={() => setCode('')}>
              {t('kiosk.card.clear')}
            </button>
            <button
              type="button"
              className="kiosk-key"
              aria-label={t('kiosk.card.digit', { digit: '0' })}
              onClick={() => setCode((current) => (current + '0').slice(0, 6))}
            >
              0
            </button>
            <button
              type="button"
              className="kiosk-key kiosk-key--small"
              aria-label={t('kiosk.card.delete')}
              onClick={() => setCode((current) => current.slice(0, -1))}
            >
              ⌫
            </button>
          </div>
          <button
            type="submit"
            className="kiosk-button kiosk-button--primary"
            disabled={isBusy || code.length !== 6}
          >
            {t('kiosk.card.confirm')}
          </button>
        </form>
      )}
    </>
  );
}

/** A QR token scanned from the resident's phone signs in at once. */
export function QrSignIn({ api, wedgeRead, onSignedIn }: SignInProps) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const signedIn = useRef(onSignedIn);
  signedIn.current = onSignedIn;

  useEffect(() => {
    if (!wedgeRead || !QR_TOKEN.test(wedgeRead.text)) return;
    let isCurrent = true;
    setIsBusy(true);
    setError(null);
    api
      .post<KioskSession>('/api/v1/kiosk/sign-in/qr', { token: wedgeRead.text })
      .then((session) => isCurrent && signedIn.current(session))
      .catch((caught: unknown) => isCurrent && setError(messageOf(caught, t('errors.unexpected'))))
      .finally(() => isCurrent && setIsBusy(false));
    return () => {
      isCurrent = false;
    };
  }, [wedgeRead, api, t]);

  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kiosk.qr.title')}
      </h1>
      {error && (
        <p className="kiosk-notice kiosk-notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="kiosk-reader" aria-live="polite">
        <PhoneQrIcon />
        <p className="kiosk-lead">{isBusy ? t('kiosk.qr.signingIn') : t('kiosk.qr.steps')}</p>
        <p className="kiosk-lead">{t('kiosk.qr.note')}</p>
      </div>
    </>
  );
}
