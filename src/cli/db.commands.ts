import { seedDemo, DEMO_PASSWORD } from '../../demo/seed.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';
import { loadCertificateSigner } from '../server/modules/certificates/certificate-signing.ts';
import { UsageError, type Command } from './command.ts';

export const migrateCommand: Command = {
  summary: 'Apply pending database migrations',
  usage: [
    'Usage: tongban migrate',
    '',
    'Applies every pending migration to the configured database (TONGBAN_DATABASE_URL, or the',
    'SQLite file in TONGBAN_DATA_DIR) and prints what it applied.',
  ].join('\n'),
  options: {},
  async run({ positionals, loadConfig }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const database = openDatabase(loadConfig());
    try {
      const applied = await migrateToLatest(database.db);
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Already up to date.\n');
      return 0;
    } finally {
      await database.close();
    }
  },
};

export const seedCommand: Command = {
  summary: 'Load the demo city (--demo); safe to run again',
  usage: [
    'Usage: tongban seed --demo',
    '',
    'Loads the demo city of Shanghai (districts, streets, departments, offices, an invented',
    'population register, demo enterprises and the demo accounts). Running it again changes nothing.',
  ].join('\n'),
  options: { demo: { type: 'boolean' } },
  async run({ values, positionals, loadConfig }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (!values.demo) throw new UsageError('say what to seed: --demo');
    const config = loadConfig();
    const database = openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const signer = await loadCertificateSigner(database.db, config);
      const report = await seedDemo(database.db, {
        signer,
        partnerRedirectUris: config.demoPartnerRedirectUris,
      });
      process.stdout.write(
        `${report.created ? 'Demo city loaded' : 'Demo city already present'}: ${report.offices} offices, ` +
          `${report.people} people in the population register, ${report.accounts} demo accounts.\n` +
          `Demo password for every demo account: ${DEMO_PASSWORD}\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
