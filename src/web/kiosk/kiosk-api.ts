// The kiosk's only way to the server. Every call carries the terminal's own credentials (the
// facility device key and the terminal id from set-up); after sign-in also the session token,
// which lives only in memory. Cookies are never sent or stored (`credentials: 'omit'`).
import i18n from '../i18n/index.ts';

export const SETUP_STORAGE_KEY = 'tongban.kiosk.terminal';

export interface TerminalSetup {
  facilityCode: string;
  terminalId: string;
  key: string;
}

export function loadSetup(): TerminalSetup | null {
  try {
    const raw = window.localStorage.getItem(SETUP_STORAGE_KEY);
    const value = raw ? (JSON.parse(raw) as Partial<TerminalSetup>) : null;
    if (
      value &&
      typeof value.facilityCode === 'string' &&
      typeof value.terminalId === 'string' &&
      typeof value.key === 'string'
    )
      return value as TerminalSetup;
  } catch {
    // A damaged entry means the terminal has to be set up again.
  }
  return null;
}

export function saveSetup(setup: TerminalSetup): void {
  window.localStorage.setItem(SETUP_STORAGE_KEY, JSON.stringify(setup));
}

export class KioskApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KioskApiError';
  }
}

export interface KioskApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
}

/** An API bound to the terminal's credentials and (when signed in) the session token. */
export function kioskApi(setup: TerminalSetup, sessionToken: string | null): KioskApi {
  const send = async <T>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) => {
    const headers: Record<string, string> = {
      'x-facility-key': setup.key,
      'x-kiosk-terminal': setup.terminalId,
      'accept-language': i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN',
      ...extra,
    };
    if (sessionToken) headers['x-kiosk-session'] = sessionToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'omit',
        cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new KioskApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'));
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new KioskApiError(
        response.status,
        error?.code ?? 'UNEXPECTED_RESPONSE',
        error?.message ?? i18n.t('errors.unexpected'),
      );
    }
    return parsed as T;
  };
  return {
    get: (path) => send('GET', path),
    post: (path, body, headers) => send('POST', path, body, headers),
  };
}

export interface FacilityInfo {
  code: string;
  name: string;
  address: string;
  isOpenNow: boolean;
  services: { key: string; name: string }[];
  weeklyHours: { day: string; ranges: { from: string; to: string }[] }[];
  terminals: { id: string }[];
}

export interface TerminalInfo {
  terminalId: string;
  facility: FacilityInfo;
  settings: { idleSeconds: number; countdownSeconds: number; sessionIdleSeconds: number; demoSms: boolean };
}

export interface KioskSession {
  token: string;
  displayName: string;
}

export interface CardChallenge {
  challengeId: string;
  phoneMasked: string;
  expiresAt: string;
  demoSms?: { to: string; text: string };
}

export type Availability = 'apply' | 'query' | 'payment' | 'materials' | 'enterprise';

export interface TerminalService {
  id: string;
  code: string;
  name: string;
  departmentName: string | null;
  kind: string;
  promisedTimeLimitDays: number | null;
  availability: Availability;
}
