import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { seedDemo } from '../../demo/seed.ts';
import { hashPassword } from './platform/auth/passwords.ts';
import { appendAudit } from './platform/audit/audit.ts';
import type { AppConfig } from './platform/config.ts';
import { nowIso, openDatabase, type DatabaseHandle, type Db } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import type { AppDeps } from './platform/deps.ts';
import { JobRunner } from './platform/jobs/job-runner.ts';
import { buildApp } from './app.ts';
import { buildRegisterDirectory } from './modules/registers/register-directory.ts';
import { PopulationRegisterVerifier } from './modules/identity/real-name-verifier.ts';
import { Catalogue } from './modules/catalog/catalogue.ts';
import { CalendarHolder, ensureOfficialCalendar } from './platform/calendar/official-calendar.ts';
import { uuidv7 } from 'uuidv7';
import { loadCertificateSigner, type CertificateSigner } from './modules/certificates/certificate-signing.ts';
import { buildBillerGateway, buildPaymentProvider } from './modules/payments/providers/payment-systems.ts';

export interface Runtime {
  app: FastifyInstance;
  deps: AppDeps;
  /** Stops jobs, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations, loads the demo city on first start (or creates the
 * admin account of an empty city), and builds the app with its job runner.
 */
export async function startRuntime(
  config: AppConfig,
  options: { startJobs?: boolean } = {},
): Promise<Runtime> {
  const logger = pino({ level: config.logLevel });
  const database = openDatabase(config);
  let signer: CertificateSigner;
  try {
    signer = await prepareDatabase(database, config, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
  const jobs = new JobRunner(database.db, { logger });
  const catalogue = new Catalogue(database.db);
  await catalogue.load();
  const calendar = new CalendarHolder(database.db);
  await calendar.reload();
  const deps: AppDeps = {
    config,
    database,
    jobs,
    verifier: new PopulationRegisterVerifier(database.db),
    catalogue,
    calendar,
    registers: buildRegisterDirectory(database.db, config),
    signer,
    clock: { now: () => new Date() },
    paymentProvider: buildPaymentProvider(config),
    billers: buildBillerGateway(config),
  };
  const app = await buildApp(deps);
  app.addHook('onClose', async () => {
    await jobs.stop();
    await database.close();
  });
  if (options.startJobs ?? config.jobsEnabled) jobs.start();
  return { app, deps, close: () => app.close() };
}

async function prepareDatabase(
  database: DatabaseHandle,
  config: AppConfig,
  logger: pino.Logger,
): Promise<CertificateSigner> {
  const applied = await migrateToLatest(database.db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const signer = await loadCertificateSigner(database.db, config);
  logger.info({ keyId: signer.keyId }, 'certificate signing key loaded');
  // The State Council's published years, in every city (not only the demo).
  const calendarYears = await ensureOfficialCalendar(database.db);
  if (calendarYears.length) logger.info({ years: calendarYears }, 'official holiday calendar loaded');
  if (config.demo) {
    const report = await seedDemo(database.db, {
      signer,
      partnerRedirectUris: config.demoPartnerRedirectUris,
    });
    if (report.created) logger.info(report, 'demo city loaded');
  }
  if (config.adminPassword) await ensureAdmin(database.db, config.adminPassword);
  const admin = await database.db
    .selectFrom('users')
    .select('id')
    .where('kind', '=', 'admin')
    .executeTakeFirst();
  if (!admin) {
    logger.warn(
      'No platform admin account exists: set TONGBAN_ADMIN_PASSWORD (12+ characters) to create "admin".',
    );
  }
  return signer;
}

/** Creates the `admin` account of an empty city from TONGBAN_ADMIN_PASSWORD, once. */
export async function ensureAdmin(db: Db, password: string): Promise<boolean> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const id = uuidv7();
    await trx
      .insertInto('users')
      .values({
        id,
        username: 'admin',
        passwordHash,
        kind: 'admin',
        personId: null,
        displayName: '平台管理员',
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: null,
        disabledAt: null,
        createdAt: nowIso(),
      })
      .execute();
    await appendAudit(trx, { actor: null, action: 'admin.bootstrap', objectType: 'user', objectId: id });
  });
  return true;
}
