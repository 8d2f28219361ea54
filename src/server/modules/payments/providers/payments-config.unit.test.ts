import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../../platform/config.ts';
import { loadConfig } from '../../../platform/config.ts';
import { DEMO_MERCHANT_ID } from '../../../../../demo/payment-provider/demo-key.ts';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('payments configuration', () => {
  it('points a demo city at the demo provider and billers, which serve starts itself', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      paymentProviderUrl: 'http://127.0.0.1:4200',
      paymentMerchantId: DEMO_MERCHANT_ID,
      billersUrl: 'http://127.0.0.1:4300',
      demoPaymentServers: true,
      paymentCallbackBaseUrl: config.publicUrl,
      reconciliationHour: 6,
    });
    expect(loadConfig({ TONGBAN_PAYMENT_PROVIDER_URL: 'https://pay.example.cn/' })).toMatchObject({
      paymentProviderUrl: 'https://pay.example.cn',
      demoPaymentServers: false,
    });
  });

  it('has no provider or billers in a real city until they are configured, with every credential', () => {
    expect(loadConfig({ TONGBAN_DEMO: 'off' })).toMatchObject({
      paymentProviderUrl: undefined,
      billersUrl: undefined,
      demoPaymentServers: false,
    });
    expect(problems({ TONGBAN_DEMO: 'off', TONGBAN_PAYMENT_PROVIDER_URL: 'https://pay.example.cn' })).toEqual(
      [
        'TONGBAN_PAYMENT_MERCHANT_ID must be set when TONGBAN_PAYMENT_PROVIDER_URL is',
        'TONGBAN_PAYMENT_MERCHANT_KEY must be set when TONGBAN_PAYMENT_PROVIDER_URL is',
        'TONGBAN_PAYMENT_MERCHANT_SECRET must be set when TONGBAN_PAYMENT_PROVIDER_URL is',
      ],
    );
  });

  it('reports every bad value at once', () => {
    expect(
      problems({
        TONGBAN_PAYMENT_PROVIDER_URL: 'ftp://pay',
        TONGBAN_PAYMENT_MERCHANT_SECRET: 'short',
        TONGBAN_PAYMENT_CALLBACK_BASE_URL: 'nowhere',
        TONGBAN_BILLERS_URL: 'billers',
        TONGBAN_PAYMENT_TIMEOUT_MS: '5',
        TONGBAN_RECONCILIATION_HOUR: '24',
      }),
    ).toEqual(
      expect.arrayContaining([
        'TONGBAN_PAYMENT_PROVIDER_URL must be an http(s):// URL, got "ftp://pay"',
        'TONGBAN_PAYMENT_CALLBACK_BASE_URL must be an http(s):// URL, got "nowhere"',
        'TONGBAN_BILLERS_URL must be an http(s):// URL, got "billers"',
        'TONGBAN_PAYMENT_TIMEOUT_MS must be a whole number from 50 to 60000, got "5"',
        'TONGBAN_RECONCILIATION_HOUR must be a whole number from 0 to 23, got "24"',
      ]),
    );
    expect(problems({ TONGBAN_DEMO: 'off', TONGBAN_DEMO_PAYMENT_SERVERS: 'on' })).toContain(
      'TONGBAN_DEMO_PAYMENT_SERVERS needs the demo (TONGBAN_DEMO=on)',
    );
    expect(
      problems({
        TONGBAN_PAYMENT_PROVIDER_URL: 'https://pay.example.cn',
        TONGBAN_PAYMENT_MERCHANT_SECRET: 'short',
      }),
    ).toContain('TONGBAN_PAYMENT_MERCHANT_SECRET must be at least 16 characters long');
  });
});
