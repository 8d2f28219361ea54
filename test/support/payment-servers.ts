// The demo payment provider and demo billers, in the test process on free ports, for test files
// that move money (opt-in: `buildTestApp(dialect, {}, { payments: true })`). The app then listens on
// a free port of its own so that the provider's signed notifications reach it over real HTTP.
import net from 'node:net';
import {
  startBillersServer,
  type BillersServer,
  type BillersServerOptions,
} from '../../demo/billers/server.ts';
import {
  startPaymentProviderServer,
  type PaymentProviderServer,
  type PaymentProviderServerOptions,
} from '../../demo/payment-provider/server.ts';
import type { AppConfig } from '../../src/server/platform/config.ts';

export interface TestPaymentServers {
  provider: PaymentProviderServer;
  billers: BillersServer;
  /** The payer confirms the order at the provider (as at the cashier); `outcome` forces it. */
  pay(merchantOrderNo: string, outcome?: 'paid' | 'failed'): string;
  close(): Promise<void>;
}

export interface PaymentServersOptions {
  provider?: PaymentProviderServerOptions;
  billers?: BillersServerOptions;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startTestPaymentServers(
  options: PaymentServersOptions = {},
): Promise<TestPaymentServers> {
  const provider = await startPaymentProviderServer({
    port: 0,
    refundDelayMs: 50,
    retryBaseMs: 100,
    ...options.provider,
  });
  const billers = await startBillersServer({ port: 0, ...options.billers });
  return {
    provider,
    billers,
    pay: (merchantOrderNo, outcome) => {
      const order = provider.provider.store.orders.get(merchantOrderNo);
      if (!order) throw new Error(`the provider has no order ${merchantOrderNo}`);
      return provider.provider.pay(order, outcome).state;
    },
    close: async () => {
      await provider.close();
      await billers.close();
    },
  };
}

/** The configuration that points the app at these servers, calling back to `appPort`. */
export function paymentServersConfig(servers: TestPaymentServers, appPort: number): Partial<AppConfig> {
  return {
    paymentProviderUrl: servers.provider.url,
    billersUrl: servers.billers.url,
    paymentCallbackBaseUrl: `http://127.0.0.1:${appPort}`,
    paymentTimeoutMs: 2000,
    paymentRetries: 1,
    billersTimeoutMs: 2000,
    billersRetries: 1,
    demoPaymentServers: false,
  };
}
