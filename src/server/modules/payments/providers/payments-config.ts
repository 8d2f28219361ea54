// The configuration of the outside systems money moves through: the payment provider and the
// utility billers. A demo city talks to the demo provider (demo/payment-provider) and the demo
// billers (demo/billers), which `tongban serve` starts itself unless their URLs are given.
import {
  DEMO_MERCHANT_ID,
  DEMO_MERCHANT_KEY,
  DEMO_MERCHANT_SECRET,
} from '../../../../../demo/payment-provider/demo-key.ts';
import { DEMO_BILLERS_API_KEY } from '../../../../../demo/billers/demo-key.ts';

export interface PaymentsConfig {
  /** The payment provider's merchant API (demo: demo/payment-provider); undefined = none. */
  paymentProviderUrl: string | undefined;
  paymentMerchantId: string | undefined;
  paymentMerchantKey: string | undefined;
  /** The secret the provider signs its notifications with. */
  paymentMerchantSecret: string | undefined;
  /** Per-attempt timeout and retries of payment provider calls. */
  paymentTimeoutMs: number;
  paymentRetries: number;
  /**
   * Where the provider reaches this server (notifyUrl) and sends payers back to (returnUrl); no
   * trailing slash. Default: TONGBAN_PUBLIC_URL.
   */
  paymentCallbackBaseUrl: string;
  /** The utility billers (demo: demo/billers); undefined = none. */
  billersUrl: string | undefined;
  billersApiKey: string | undefined;
  billersTimeoutMs: number;
  billersRetries: number;
  /** `tongban serve` starts the demo provider and billers as child processes (demo city, no URLs given). */
  demoPaymentServers: boolean;
  /** The hour (0-23, Asia/Shanghai) the daily reconciliation of the day before runs. */
  reconciliationHour: number;
}

type Env = Record<string, string | undefined>;

function httpUrl(name: string, raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return raw.replace(/\/+$/, '');
  } catch {
    problems.push(`${name} must be an http(s):// URL, got "${raw}"`);
    return undefined;
  }
}

/** TONGBAN_PAYMENT_* and TONGBAN_BILLERS_*, each bad value reported. */
export function readPaymentsConfig(
  env: Env,
  problems: string[],
  int: (name: string, fallback: number, min: number, max: number) => number,
  bool: (name: string, fallback: boolean) => boolean,
  publicUrl: string,
): PaymentsConfig {
  const demo = !['off', 'false', '0', 'no'].includes((env.TONGBAN_DEMO ?? '').toLowerCase());
  const paymentProviderUrl = httpUrl(
    'TONGBAN_PAYMENT_PROVIDER_URL',
    env.TONGBAN_PAYMENT_PROVIDER_URL || (demo ? 'http://127.0.0.1:4200' : undefined),
    problems,
  );
  // DEMO ONLY defaults (public, see demo/payment-provider/demo-key.ts); a real city sets its own.
  const paymentMerchantId = env.TONGBAN_PAYMENT_MERCHANT_ID || (demo ? DEMO_MERCHANT_ID : undefined);
  const paymentMerchantKey = env.TONGBAN_PAYMENT_MERCHANT_KEY || (demo ? DEMO_MERCHANT_KEY : undefined);
  const paymentMerchantSecret =
    env.TONGBAN_PAYMENT_MERCHANT_SECRET || (demo ? DEMO_MERCHANT_SECRET : undefined);
  if (paymentProviderUrl) {
    for (const [name, value] of [
      ['TONGBAN_PAYMENT_MERCHANT_ID', paymentMerchantId],
      ['TONGBAN_PAYMENT_MERCHANT_KEY', paymentMerchantKey],
      ['TONGBAN_PAYMENT_MERCHANT_SECRET', paymentMerchantSecret],
    ] as const) {
      if (!value) problems.push(`${name} must be set when TONGBAN_PAYMENT_PROVIDER_URL is`);
    }
    if (paymentMerchantSecret && paymentMerchantSecret.length < 16)
      problems.push('TONGBAN_PAYMENT_MERCHANT_SECRET must be at least 16 characters long');
  }
  const paymentCallbackBaseUrl =
    httpUrl(
      'TONGBAN_PAYMENT_CALLBACK_BASE_URL',
      env.TONGBAN_PAYMENT_CALLBACK_BASE_URL || undefined,
      problems,
    ) ?? publicUrl;
  const billersUrl = httpUrl(
    'TONGBAN_BILLERS_URL',
    env.TONGBAN_BILLERS_URL || (demo ? 'http://127.0.0.1:4300' : undefined),
    problems,
  );
  const billersApiKey = env.TONGBAN_BILLERS_API_KEY || (demo ? DEMO_BILLERS_API_KEY : undefined);
  if (billersUrl && !billersApiKey)
    problems.push('TONGBAN_BILLERS_API_KEY must be set when TONGBAN_BILLERS_URL is');
  const demoPaymentServers = bool(
    'TONGBAN_DEMO_PAYMENT_SERVERS',
    demo && !env.TONGBAN_PAYMENT_PROVIDER_URL && !env.TONGBAN_BILLERS_URL,
  );
  if (demoPaymentServers && !demo)
    problems.push('TONGBAN_DEMO_PAYMENT_SERVERS needs the demo (TONGBAN_DEMO=on)');
  return {
    paymentProviderUrl,
    paymentMerchantId,
    paymentMerchantKey,
    paymentMerchantSecret,
    paymentTimeoutMs: int('TONGBAN_PAYMENT_TIMEOUT_MS', 5000, 50, 60_000),
    paymentRetries: int('TONGBAN_PAYMENT_RETRIES', 2, 0, 5),
    paymentCallbackBaseUrl,
    billersUrl,
    billersApiKey,
    billersTimeoutMs: int('TONGBAN_BILLERS_TIMEOUT_MS', 3000, 50, 60_000),
    billersRetries: int('TONGBAN_BILLERS_RETRIES', 2, 0, 5),
    demoPaymentServers,
    reconciliationHour: int('TONGBAN_RECONCILIATION_HOUR', 6, 0, 23),
  };
}
