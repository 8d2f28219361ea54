import fs from 'node:fs';
import path from 'node:path';
import { DEMO_DEPARTMENT_API_KEY } from '../../../demo/department-server/demo-key.ts';
import { readPaymentsConfig, type PaymentsConfig } from '../modules/payments/providers/payments-config.ts';

/** Validated runtime configuration, read once from the environment at start. */
export interface AppConfig extends PaymentsConfig {
  port: number;
  host: string;
  dataDir: string;
  /** postgres:// URL; undefined means the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  demo: boolean;
  adminPassword: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  secureCookies: boolean;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRateLimitPerMinute: number;
  jobsEnabled: boolean;
  trustProxy: boolean;
  webDir: string;
  /** PEM file of the Ed25519 key certificates are signed with; undefined = `signing-key.pem` in dataDir. */
  signingKeyFile: string | undefined;
  /** Public certificate checks (verify, QR) per minute per address. */
  verifyRateLimitPerMinute: number;
  /** Largest attachment accepted, in bytes. */
  uploadMaxBytes: number;
  /** Uploads one user may hold that are not yet part of an application. */
  uploadMaxUnbound: number;
  /** Uploads per minute per user. */
  uploadRateLimitPerMinute: number;
  /** smtp:// or smtps:// URL of the mail relay; undefined means mail is only logged (the demo). */
  smtpUrl: string | undefined;
  /** The From address of outgoing mail, e.g. `通办 <noreply@example.gov.cn>`; set with smtpUrl. */
  mailFrom: string | undefined;
  /** Where people reach the web app (no trailing slash); links in e-mails are made absolute with it. */
  publicUrl: string;
  /** The department system that serves social insurance (demo: demo/department-server). */
  departmentServerUrl: string | undefined;
  departmentApiKey: string | undefined;
  /** Per-attempt timeout, retries, and circuit breaker of department system calls. */
  departmentTimeoutMs: number;
  departmentRetries: number;
  departmentBreakerFailures: number;
  departmentHalfOpenMs: number;
  /** Kiosk (self-service terminal): seconds without a touch before the sign-out countdown, and its length. */
  kioskIdleSeconds: number;
  kioskCountdownSeconds: number;
  /** Write requests (POST/PUT/PATCH/DELETE under /api/) worked on at once; 0 = no limit. */
  writeConcurrency: number;
  /** Write requests that may wait for a free place; more are refused at once (503 SERVER_BUSY). */
  writeQueue: number;
  /** Longest a write request waits in that queue before it is refused, in ms. */
  writeQueueTimeoutMs: number;
  /** Every request but the health checks is refused while the event loop lags more; 0 = off. */
  maxEventLoopDelayMs: number;
  /** A kiosk session ends on the server after this many idle seconds, and after this many minutes in all. */
  kioskSessionIdleSeconds: number;
  kioskSessionMaxMinutes: number;
  /** Kiosk sign-in: how long a phone code and a QR token last; codes per person per 15 minutes. */
  kioskCodeTtlSeconds: number;
  kioskQrTtlSeconds: number;
  kioskCodesPerPerson: number;
  /** http(s) URL of the SMS gateway (POST JSON {to, text}); undefined means codes are only logged. */
  smsUrl: string | undefined;
  /** DEMO ONLY: the kiosk shows the text of the SMS it sent on a panel labelled demo. */
  kioskDemoSms: boolean;
  /** Open platform API calls per minute per app, and per resident (over all apps). */
  openApiRateLimitPerApp: number;
  openApiRateLimitPerResident: number;
  /**
   * Keys the OpenID Connect provider signs its cookies with (newest first); undefined = random keys
   * kept in the database (open_platform_keys), made on first start and shared by every process.
   */
  oidcCookieKeys: string[] | undefined;
  /** Redirect URIs of the demo partner app (demo data only). */
  demoPartnerRedirectUris: string[];
  /** Open platform webhooks: per-attempt timeout, attempts before a delivery fails, retry backoff. */
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  webhookBackoffBaseMs: number;
  webhookBackoffMaxMs: number;
  /** Webhook URLs may be plain http:// and reach local/private addresses (the demo; never in production). */
  webhookAllowLocalTargets: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads the configuration from environment variables and fails fast with one message per
 * bad value, so an operator sees every mistake at once instead of one per restart.
 */
export function loadConfig(env: Env = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['on', 'true', '1', 'yes'].includes(raw)) return true;
    if (['off', 'false', '0', 'no'].includes(raw)) return false;
    problems.push(`${name} must be on or off, got "${env[name]}"`);
    return fallback;
  };

  const databaseUrl = env.TONGBAN_DATABASE_URL || undefined;
  if (databaseUrl !== undefined) {
    let ok = false;
    try {
      const url = new URL(databaseUrl);
      ok = url.protocol === 'postgres:' || url.protocol === 'postgresql:';
    } catch {
      ok = false;
    }
    if (!ok) problems.push('TONGBAN_DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const logLevelRaw = env.TONGBAN_LOG_LEVEL || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevelRaw)) {
    problems.push(`TONGBAN_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevelRaw}"`);
  }

  const adminPassword = env.TONGBAN_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 12) {
    problems.push('TONGBAN_ADMIN_PASSWORD must be at least 12 characters long');
  }

  const port = int('PORT', 3000, 0, 65535);
  const mail = readMailConfig(env, port, problems);

  const config: AppConfig = {
    port,
    host: env.TONGBAN_HOST || '0.0.0.0',
    dataDir: path.resolve(env.TONGBAN_DATA_DIR || './data'),
    databaseUrl,
    demo: bool('TONGBAN_DEMO', true),
    adminPassword,
    logLevel: (LOG_LEVELS as readonly string[]).includes(logLevelRaw)
      ? (logLevelRaw as AppConfig['logLevel'])
      : 'info',
    sessionTtlHours: int('TONGBAN_SESSION_TTL_HOURS', 12, 1, 24 * 30),
    secureCookies: bool('TONGBAN_SECURE_COOKIES', false),
    loginMaxFailures: int('TONGBAN_LOGIN_MAX_FAILURES', 5, 1, 100),
    lockoutMinutes: int('TONGBAN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginRateLimitPerMinute: int('TONGBAN_LOGIN_RATE_LIMIT', 20, 1, 10000),
    jobsEnabled: bool('TONGBAN_JOBS', true),
    trustProxy: bool('TONGBAN_TRUST_PROXY', false),
    webDir: path.resolve(env.TONGBAN_WEB_DIR || 'dist/web'),
    signingKeyFile: signingKeyFile(env, problems),
    verifyRateLimitPerMinute: int('TONGBAN_VERIFY_RATE_LIMIT', 60, 1, 100000),
    uploadMaxBytes: int('TONGBAN_UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    uploadMaxUnbound: int('TONGBAN_UPLOAD_MAX_UNBOUND', 30, 1, 1000),
    uploadRateLimitPerMinute: int('TONGBAN_UPLOAD_RATE_LIMIT', 60, 1, 10000),
    ...mail,
    ...departmentConfig(env, problems, int),
    writeConcurrency: int('TONGBAN_WRITE_CONCURRENCY', 16, 0, 10_000),
    writeQueue: int('TONGBAN_WRITE_QUEUE', 16, 0, 100_000),
    writeQueueTimeoutMs: int('TONGBAN_WRITE_QUEUE_TIMEOUT_MS', 1000, 1, 600_000),
    maxEventLoopDelayMs: int('TONGBAN_MAX_EVENT_LOOP_DELAY_MS', 0, 0, 600_000),
    ...kioskConfig(env, problems, int, bool),
    ...readPaymentsConfig(env, problems, int, bool, mail.publicUrl),
    ...openPlatformConfig(env, problems, int),
    webhookTimeoutMs: int('TONGBAN_WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    webhookMaxAttempts: int('TONGBAN_WEBHOOK_MAX_ATTEMPTS', 8, 1, 20),
    webhookBackoffBaseMs: int('TONGBAN_WEBHOOK_BACKOFF_BASE_MS', 30_000, 1, 3_600_000),
    webhookBackoffMaxMs: int('TONGBAN_WEBHOOK_BACKOFF_MAX_MS', 6 * 3_600_000, 1, 24 * 3_600_000),
    webhookAllowLocalTargets: bool(
      'TONGBAN_WEBHOOK_ALLOW_LOCAL_TARGETS',
      !['off', 'false', '0', 'no'].includes((env.TONGBAN_DEMO ?? '').toLowerCase()),
    ),
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

// A bare address or `Display Name <address>`; the address part without spaces or angle brackets.
const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/** TONGBAN_SMTP_URL, TONGBAN_MAIL_FROM and TONGBAN_PUBLIC_URL, each bad value reported. */
function readMailConfig(
  env: Env,
  port: number,
  problems: string[],
): Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'publicUrl'> {
  const smtpUrl = env.TONGBAN_SMTP_URL || undefined;
  if (smtpUrl !== undefined) {
    let ok = false;
    try {
      const url = new URL(smtpUrl);
      ok = (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      ok = false;
    }
    if (!ok) problems.push('TONGBAN_SMTP_URL must be an smtp:// or smtps:// URL with a host');
  }
  const mailFrom = env.TONGBAN_MAIL_FROM?.trim() || undefined;
  if (mailFrom !== undefined && !MAIL_FROM.test(mailFrom)) {
    problems.push(`TONGBAN_MAIL_FROM must be an address or "Name <address>", got "${mailFrom}"`);
  }
  if (smtpUrl !== undefined && mailFrom === undefined) {
    problems.push('TONGBAN_MAIL_FROM is required when TONGBAN_SMTP_URL is set');
  }
  const publicUrlRaw = env.TONGBAN_PUBLIC_URL || `http://localhost:${port}`;
  let publicUrl = publicUrlRaw;
  try {
    const url = new URL(publicUrlRaw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    publicUrl = url.toString().replace(/\/+$/, '');
  } catch {
    problems.push(`TONGBAN_PUBLIC_URL must be an http:// or https:// URL, got "${publicUrlRaw}"`);
  }
  return { smtpUrl, mailFrom, publicUrl };
}

/** TONGBAN_SIGNING_KEY_FILE: an existing, readable file (its content is checked when loaded). */
function signingKeyFile(env: Env, problems: string[]): string | undefined {
  const raw = env.TONGBAN_SIGNING_KEY_FILE || undefined;
  if (raw === undefined) return undefined;
  const file = path.resolve(raw);
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    problems.push(`TONGBAN_SIGNING_KEY_FILE must name a readable PEM file, got "${raw}"`);
  }
  return file;
}

/** The department system settings; a demo city talks to the demo department server by default. */
function departmentConfig(
  env: Env,
  problems: string[],
  int: (name: string, fallback: number, min: number, max: number) => number,
) {
  const demo = !['off', 'false', '0', 'no'].includes((env.TONGBAN_DEMO ?? '').toLowerCase());
  const rawUrl = env.TONGBAN_DEPARTMENT_SERVER_URL || (demo ? 'http://127.0.0.1:4100' : undefined);
  let departmentServerUrl: string | undefined;
  if (rawUrl !== undefined) {
    try {
      const url = new URL(rawUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      departmentServerUrl = rawUrl.replace(/\/$/, '');
    } catch {
      problems.push(`TONGBAN_DEPARTMENT_SERVER_URL must be an http(s):// URL, got "${rawUrl}"`);
    }
  }
  // DEMO ONLY default (public, see demo/department-server/demo-key.ts); a real city sets its key.
  const departmentApiKey = env.TONGBAN_DEPARTMENT_API_KEY || (demo ? DEMO_DEPARTMENT_API_KEY : undefined);
  if (departmentServerUrl && !departmentApiKey) {
    problems.push('TONGBAN_DEPARTMENT_API_KEY must be set when TONGBAN_DEPARTMENT_SERVER_URL is');
  }
  return {
    departmentServerUrl,
    departmentApiKey,
    departmentTimeoutMs: int('TONGBAN_DEPARTMENT_TIMEOUT_MS', 2000, 50, 60_000),
    departmentRetries: int('TONGBAN_DEPARTMENT_RETRIES', 2, 0, 5),
    departmentBreakerFailures: int('TONGBAN_DEPARTMENT_BREAKER_FAILURES', 5, 1, 100),
    departmentHalfOpenMs: int('TONGBAN_DEPARTMENT_BREAKER_HALF_OPEN_MS', 15_000, 100, 600_000),
  };
}

/** The kiosk's timings and sign-in limits, and the SMS gateway its phone codes go through. */
function kioskConfig(
  env: Env,
  problems: string[],
  int: (name: string, fallback: number, min: number, max: number) => number,
  bool: (name: string, fallback: boolean) => boolean,
) {
  const smsUrl = env.TONGBAN_SMS_URL || undefined;
  if (smsUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(smsUrl)) {
    problems.push(`TONGBAN_SMS_URL must be an http(s):// URL, got "${smsUrl}"`);
  }
  const demo = !['off', 'false', '0', 'no'].includes((env.TONGBAN_DEMO ?? '').toLowerCase());
  const kioskDemoSms = bool('TONGBAN_KIOSK_DEMO_SMS', demo && smsUrl === undefined);
  if (kioskDemoSms && smsUrl !== undefined) {
    problems.push(
      'TONGBAN_KIOSK_DEMO_SMS must be off when TONGBAN_SMS_URL is set (real codes are never shown)',
    );
  }
  const idle = int('TONGBAN_KIOSK_IDLE_SECONDS', 60, 1, 3600);
  const countdown = int('TONGBAN_KIOSK_COUNTDOWN_SECONDS', 15, 1, 300);
  const sessionIdle = int('TONGBAN_KIOSK_SESSION_IDLE_SECONDS', 300, 2, 3600);
  if (sessionIdle < idle + countdown) {
    problems.push(
      'TONGBAN_KIOSK_SESSION_IDLE_SECONDS must be at least TONGBAN_KIOSK_IDLE_SECONDS + TONGBAN_KIOSK_COUNTDOWN_SECONDS',
    );
  }
  return {
    kioskIdleSeconds: idle,
    kioskCountdownSeconds: countdown,
    kioskSessionIdleSeconds: sessionIdle,
    kioskSessionMaxMinutes: int('TONGBAN_KIOSK_SESSION_MAX_MINUTES', 30, 1, 240),
    kioskCodeTtlSeconds: int('TONGBAN_KIOSK_CODE_TTL_SECONDS', 300, 10, 1800),
    kioskQrTtlSeconds: int('TONGBAN_KIOSK_QR_TTL_SECONDS', 120, 10, 900),
    kioskCodesPerPerson: int('TONGBAN_KIOSK_CODE_LIMIT', 3, 1, 100),
    smsUrl,
    kioskDemoSms,
  };
}

/** TONGBAN_OPEN_API_RATE_LIMIT_*, TONGBAN_OIDC_COOKIE_KEYS, TONGBAN_DEMO_PARTNER_REDIRECT_URIS. */
function openPlatformConfig(
  env: Env,
  problems: string[],
  int: (name: string, fallback: number, min: number, max: number) => number,
): Pick<
  AppConfig,
  'openApiRateLimitPerApp' | 'openApiRateLimitPerResident' | 'oidcCookieKeys' | 'demoPartnerRedirectUris'
> {
  const cookieKeysRaw = env.TONGBAN_OIDC_COOKIE_KEYS?.trim();
  const oidcCookieKeys = cookieKeysRaw ? cookieKeysRaw.split(',').map((k) => k.trim()) : undefined;
  if (oidcCookieKeys?.some((k) => k.length < 32)) {
    problems.push('TONGBAN_OIDC_COOKIE_KEYS must be comma-separated keys of at least 32 characters each');
  }
  const redirectRaw = env.TONGBAN_DEMO_PARTNER_REDIRECT_URIS?.trim() || 'http://localhost:4000/callback';
  const demoPartnerRedirectUris = redirectRaw.split(',').map((u) => u.trim());
  for (const uri of demoPartnerRedirectUris) {
    let ok = false;
    try {
      const url = new URL(uri);
      ok = (url.protocol === 'https:' || url.protocol === 'http:') && !url.hash;
    } catch {
      ok = false;
    }
    if (!ok)
      problems.push(
        `TONGBAN_DEMO_PARTNER_REDIRECT_URIS must be http(s) URLs without a fragment, got "${uri}"`,
      );
  }
  return {
    openApiRateLimitPerApp: int('TONGBAN_OPEN_API_RATE_LIMIT_APP', 1200, 1, 1_000_000),
    openApiRateLimitPerResident: int('TONGBAN_OPEN_API_RATE_LIMIT_RESIDENT', 120, 1, 1_000_000),
    oidcCookieKeys,
    demoPartnerRedirectUris,
  };
}
