import type { AppConfig } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { RealNameVerifier } from '../modules/identity/real-name-verifier.ts';
import type { Catalogue } from '../modules/catalog/catalogue.ts';
import type { CalendarHolder } from './calendar/official-calendar.ts';

/** What every module plugin receives; passed in, never hung on a global. */
export interface AppDeps {
  config: AppConfig;
  database: DatabaseHandle;
  jobs: JobRunner;
  verifier: RealNameVerifier;
  catalogue: Catalogue;
  /** The working-day calendar (Asia/Shanghai), from the calendar tables. */
  calendar: CalendarHolder;
}
