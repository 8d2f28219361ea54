import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kioskApi, KioskApiError, saveSetup, type TerminalInfo, type TerminalSetup } from './kiosk-api.ts';

interface Props {
  facilityCode: string;
  /** Why set-up is shown again (a key that stopped working), if so. */
  problem?: string;
  onDone(setup: TerminalSetup): void;
}

/**
 * One-time set-up by facility staff: the terminal's number and the facility's device key. The key is
 * checked with the server before it is stored; only then does the kiosk start.
 */
export function KioskSetup({ facilityCode, problem, onDone }: Props) {
  const { t } = useTranslation();
  const [terminals, setTerminals] = useState<string[] | null>(null);
  const [terminalId, setTerminalId] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(problem ?? null);
  const [isChecking, setIsChecking] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    void fetch(`/api/v1/facilities/${encodeURIComponent(facilityCode)}`, { credentials: 'omit' })
      .then(async (response) => {
        if (!isCurrent) return;
        if (!response.ok) {
          setError(t('kiosk.setup.unknownFacility', { code: facilityCode }));
          setTerminals([]);
          return;
        }
        const page = (await response.json()) as { terminals: { id: string }[] };
        setTerminals(page.terminals.map((terminal) => terminal.id));
        setTerminalId(page.terminals[0]?.id ?? '');
      })
      .catch(() => isCurrent && setError(t('errors.network')));
    return () => {
      isCurrent = false;
    };
  }, [facilityCode, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const setup = { facilityCode, terminalId, key: key.trim() };
    setIsChecking(true);
    setError(null);
    try {
      const info = await kioskApi(setup, null).get<TerminalInfo>('/api/v1/kiosk/terminal');
      if (info.facility.code !== facilityCode) throw new KioskApiError(401, 'FACILITY_KEY_INVALID', '');
      saveSetup(setup);
      onDone(setup);
    } catch (caught) {
      setError(
        caught instanceof KioskApiError && caught.status !== 401 ? caught.message : t('kiosk.setup.invalid'),
      );
    } finally {
      setIsChecking(false);
    }
  }

  return (
    <main className="kiosk-main" id="kiosk-main">
      <h1 className="kiosk-title">{t('kiosk.setup.title')}</h1>
      <p className="kiosk-lead">{t('kiosk.setup.lead')}</p>
      <p className="kiosk-lead">{t('kiosk.setup.facility', { code: facilityCode })}</p>
      {error && (
        <p className="kiosk-notice kiosk-notice--error" role="alert">
          {error}
        </p>
      )}
      {terminals === null && (
        <p className="kiosk-lead" role="status">
          {t('kiosk.loading')}
        </p>
      )}
      {terminals?.length === 0 && !error && <p className="kiosk-notice">{t('kiosk.setup.noTerminals')}</p>}
      {terminals && terminals.length > 0 && (
        <form className="kiosk-form" onSubmit={(event) => void submit(event)}>
          <label className="kiosk-field">
            <span>{t('kiosk.setup.terminal')}</span>
            <select value={terminalId} onChange={(event) => setTerminalId(event.target.value)}>
              {terminals.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <label className="kiosk-field">
            <span>{t('kiosk.setup.key')}</span>
            <input
              type="password"
              autoComplete="off"
              value={key}
              required
              aria-describedby="kiosk-key-hint"
              onChange={(event) => setKey(event.target.value)}
            />
            <span className="kiosk-hint" id="kiosk-key-hint">
              {t('kiosk.setup.keyHint')}
            </span>
          </label>
          <button type="submit" className="kiosk-button kiosk-button--primary" disabled={isChecking}>
            {isChecking ? t('kiosk.setup.checking') : t('kiosk.setup.submit')}
          </button>
        </form>
      )}
    </main>
  );
}
