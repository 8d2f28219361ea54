import { BILLERS_ARGS, BILLERS_USAGE, BillersUsageError, billersOptions } from '../../demo/billers/main.ts';
import { startBillersServer } from '../../demo/billers/server.ts';
import {
  PAYMENT_PROVIDER_ARGS,
  PAYMENT_PROVIDER_USAGE,
  PaymentProviderUsageError,
  exitWithParent,
  paymentProviderOptions,
} from '../../demo/payment-provider/main.ts';
import { startPaymentProviderServer } from '../../demo/payment-provider/server.ts';
import { UsageError, type Command } from './command.ts';

/** Prints the listening line and waits for SIGINT/SIGTERM, then closes the server. */
async function serveUntilStopped(server: { url: string; close(): Promise<void> }): Promise<number> {
  process.stdout.write(`${JSON.stringify({ listening: server.url })}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

function usageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PaymentProviderUsageError || error instanceof BillersUsageError)
      throw new UsageError(error.message);
    throw error;
  }
}

export const paymentProviderCommand: Command = {
  summary: 'Run the demo payment provider (cashier, signed notifications, statements) on its own port',
  usage: PAYMENT_PROVIDER_USAGE,
  options: PAYMENT_PROVIDER_ARGS,
  async run({ values, positionals }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const options = usageErrors(() => paymentProviderOptions(values));
    const server = await startPaymentProviderServer(options);
    exitWithParent(values['parent-pid']);
    return serveUntilStopped(server);
  },
};

export const billersCommand: Command = {
  summary: 'Run the demo utility companies (water, electricity, gas billers) on their own port',
  usage: BILLERS_USAGE,
  options: BILLERS_ARGS,
  async run({ values, positionals }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    const options = usageErrors(() => billersOptions(values));
    const server = await startBillersServer(options);
    exitWithParent(values['parent-pid']);
    return serveUntilStopped(server);
  },
};
