// In a demo city, `tongban serve` starts the demo payment provider and the demo billers as child
// processes on the ports of their configured URLs (4200 and 4300 by default), so that paying works
// out of the box. One already listening there (say, `npx tongban payment-provider` in another
// terminal) is used as it is. The children exit with the server (they watch its process id).
import path from 'node:path';
import { spawnBillers } from '../../../../../demo/billers/spawn.ts';
import { spawnPaymentProvider } from '../../../../../demo/payment-provider/spawn.ts';
import type { AppConfig } from '../../../platform/config.ts';

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

const portOf = (url: string) => Number(new URL(url).port || 80);

export interface DemoPaymentServers {
  /** What was started, what was found already running, and what could not be started (why). */
  started: string[];
  reused: string[];
  failed: string[];
  stop(): Promise<void>;
}

/**
 * Starts (or finds) both; never throws: one that cannot be started (say, its port is taken by
 * something else) is listed in `failed`, and payments then report the provider or biller as
 * unavailable.
 */
export async function startDemoPaymentServers(config: AppConfig): Promise<DemoPaymentServers> {
  const started: string[] = [];
  const reused: string[] = [];
  const failed: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  const parent = ['--parent-pid', String(process.pid)];
  const ensure = async (
    url: string | undefined,
    start: () => Promise<{ url: string; stop(): Promise<void> }>,
  ) => {
    if (!url) return;
    if (await answers(url)) return void reused.push(url);
    try {
      const server = await start();
      started.push(server.url);
      stops.push(() => server.stop());
    } catch (error) {
      // Another process may have started it at the same moment.
      if (await answers(url)) reused.push(url);
      else failed.push(`${url}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
  await Promise.all([
    ensure(config.paymentProviderUrl, () =>
      spawnPaymentProvider({
        port: portOf(config.paymentProviderUrl!),
        stateFile: path.join(config.dataDir, 'demo-payment-provider.json'),
        args: parent,
        merchantId: config.paymentMerchantId,
        merchantKey: config.paymentMerchantKey,
        merchantSecret: config.paymentMerchantSecret,
      }),
    ),
    ensure(config.billersUrl, () =>
      spawnBillers({
        port: portOf(config.billersUrl!),
        stateFile: path.join(config.dataDir, 'demo-billers.json'),
        apiKey: config.billersApiKey,
        args: parent,
      }),
    ),
  ]);
  return { started, reused, failed, stop: async () => void (await Promise.all(stops.map((stop) => stop()))) };
}
