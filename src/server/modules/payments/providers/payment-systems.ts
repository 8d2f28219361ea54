// Builds the payment provider and the biller gateway from the configuration, once per process.
// When a city has not configured one, a stand-in answers every call with "unavailable", so that
// the rest of the platform works and payments say plainly that they cannot be made.
import type { AppConfig } from '../../../platform/config.ts';
import { HttpBillerGateway } from '../billers/http-biller-gateway.ts';
import {
  BillerUnavailableError,
  ProviderSignatureError,
  ProviderUnavailableError,
  type BillerGateway,
  type PaymentProvider,
} from '../ports.ts';
import { DemoPayProvider } from './demo-pay-provider.ts';

type PaymentSystemsConfig = Pick<
  AppConfig,
  | 'paymentProviderUrl'
  | 'paymentMerchantId'
  | 'paymentMerchantKey'
  | 'paymentMerchantSecret'
  | 'paymentTimeoutMs'
  | 'paymentRetries'
  | 'billersUrl'
  | 'billersApiKey'
  | 'billersTimeoutMs'
  | 'billersRetries'
>;

export function buildPaymentProvider(config: PaymentSystemsConfig): PaymentProvider {
  if (
    config.paymentProviderUrl &&
    config.paymentMerchantId &&
    config.paymentMerchantKey &&
    config.paymentMerchantSecret
  ) {
    return new DemoPayProvider({
      baseUrl: config.paymentProviderUrl,
      merchantId: config.paymentMerchantId,
      merchantKey: config.paymentMerchantKey,
      merchantSecret: config.paymentMerchantSecret,
      timeoutMs: config.paymentTimeoutMs,
      retries: config.paymentRetries,
    });
  }
  const unavailable = () => Promise.reject(new ProviderUnavailableError('no payment provider is configured'));
  return {
    id: 'none',
    createOrder: unavailable,
    queryOrder: unavailable,
    refund: unavailable,
    downloadStatement: unavailable,
    verifyNotification: () => {
      throw new ProviderSignatureError('no payment provider is configured');
    },
  };
}

export function buildBillerGateway(config: PaymentSystemsConfig): BillerGateway {
  if (config.billersUrl && config.billersApiKey) {
    return new HttpBillerGateway({
      baseUrl: config.billersUrl,
      apiKey: config.billersApiKey,
      timeoutMs: config.billersTimeoutMs,
      retries: config.billersRetries,
    });
  }
  const unavailable = () => Promise.reject(new BillerUnavailableError('no utility billers are configured'));
  return {
    checkAccount: unavailable,
    fetchBills: unavailable,
    pushPayment: unavailable,
    confirmations: unavailable,
  };
}
