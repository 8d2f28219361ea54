import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import QRCode from 'qrcode';
import { api, ApiError } from '../api/client.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

interface QrToken {
  token: string;
  expiresAt: string;
}

/** 我的 → 在自助终端登录: a one-time token as a QR code, for the terminal's scanner. */
export function KioskQrPage() {
  return <RequireSession>{() => <KioskQr />}</RequireSession>;
}

function KioskQr() {
  const { t } = useTranslation();
  useDocumentTitle(t('kioskQr.title'));
  const [token, setToken] = useState<(QrToken & { image: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const make = useCallback(async () => {
    setError(null);
    try {
      const answer = await api.post<QrToken>('/api/v1/me/kiosk-sign-in-tokens', {});
      const image = await QRCode.toDataURL(answer.token, {
        errorCorrectionLevel: 'M',
        margin: 2,
        width: 320,
      });
      setToken({ ...answer, image });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('errors.unexpected'));
    }
  }, [t]);

  useEffect(() => {
    void make();
  }, [make]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const secondsLeft = token ? Math.max(0, Math.round((Date.parse(token.expiresAt) - now) / 1000)) : 0;
  return (
    <>
      <p>
        <Link to="/me">{t('kioskQr.back')}</Link>
      </p>
      <PageHeading>{t('kioskQr.title')}</PageHeading>
      <p>{t('kioskQr.lead')}</p>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {token && secondsLeft > 0 && (
        <figure className="kiosk-qr">
          <img src={token.image} width={320} height={320} alt={t('kioskQr.alt')} />
          <figcaption role="timer" aria-live="off">
            {t('kioskQr.expires', { seconds: secondsLeft })}
          </figcaption>
        </figure>
      )}
      {token && secondsLeft === 0 && (
        <p className="notice" role="status">
          {t('kioskQr.expired')}
        </p>
      )}
      <p>
        <button type="button" className="button button--secondary" onClick={() => void make()}>
          {t('kioskQr.again')}
        </button>
      </p>
      <p className="field__hint">{t('kioskQr.safety')}</p>
    </>
  );
}
