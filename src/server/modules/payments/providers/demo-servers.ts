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
  /** What was started, and what was found already running. */
  started: string[];
  reused: string[];
  stop(): Promise<void>;
}

export async function startDemoPaymentServers(config: AppConfig): Promise<DemoPaymentServers> {
  const started: string[] = [];
  const reused: string[] = [];
  const stops: (() => Promise<void>)[] = [];
  const parent = ['--parent-pid', String(process.pid)];
  if (config.paymentProviderUrl) {
    if (await answers(config.paymentProviderUrl)) reused.push(config.paymentProviderUrl);
    else {
      const provider = await spawnPaymentProvider({
        port: portOf(config.paymentProviderUrl),
        stateFile: path.join(config.dataDir, 'demo-payment-provider.json'),
        args: parent,
        merchantId: config.paymentMerchantId,
        merchantKey: config.paymentMerchantKey,
        merchantSecret: config.paymentMerchantSecret,
      });
      started.push(provider.url);
      stops.push(() => provider.stop());
    }
  }
  if (config.billersUrl) {
    if (await answers(config.billersUrl)) reused.push(config.billersUrl);
    else {
      const billers = await spawnBillers({
        port: portOf(config.billersUrl),
        stateFile: path.join(config.dataDir, 'demo-billers.json'),
        apiKey: config.billersApiKey,
        args: parent,
      });
      started.push(billers.url);
      stops.push(() => billers.stop());
    }
  }
  return { started, reused, stop: async () => void (await Promise.all(stops.map((stop) => stop()))) };
}
