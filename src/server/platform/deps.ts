import type { AppConfig } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { RealNameVerifier } from '../modules/identity/real-name-verifier.ts';
import type { Catalogue } from '../modules/catalog/catalogue.ts';
import type { CalendarHolder } from './calendar/official-calendar.ts';
import type { RegisterDirectory } from '../modules/registers/register-directory.ts';
import type { CertificateSigner } from '../modules/certificates/certificate-signing.ts';
import type { BillerGateway, PaymentProvider } from '../modules/payments/ports.ts';

/** What every module plugin receives; passed in, never hung on a global. */
export interface AppDeps {
  config: AppConfig;
  database: DatabaseHandle;
  jobs: JobRunner;
  verifier: RealNameVerifier;
  catalogue: Catalogue;
  /** The working-day calendar (Asia/Shanghai), from the calendar tables. */
  calendar: CalendarHolder;
  /** Every register (基础库) behind its adapter; read only through the sharing gateway. */
  registers: RegisterDirectory;
  /** Signs electronic certificates (电子证照) with the platform's Ed25519 key. */
  signer: CertificateSigner;
  /**
   * The time the modules act at (deadlines, timers). The real clock in production; tests replace
   * `now` to file on a chosen day (e.g. just before a holiday).
   */
  clock: Clock;
  /** The payment provider (支付机构) payments go through (demo: demo/payment-provider). */
  paymentProvider: PaymentProvider;
  /** The utility billers (水务 / 电力 / 燃气 companies) (demo: demo/billers). */
  billers: BillerGateway;
}

export interface Clock {
  now(): Date;
}
