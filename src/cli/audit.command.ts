import { verifyAuditChain } from '../server/platform/audit/audit.ts';
import { openDatabase } from '../server/platform/db/database.ts';
import { progress, progressDone, UsageError, type Command } from './command.ts';

export const auditCommand: Command = {
  summary: 'Verify the hash chain of the audit log (audit verify)',
  usage: [
    'Usage: tongban audit verify',
    '',
    'Walks the whole audit log and checks every record against its hash and its link to the',
    'previous record. Exits 0 when the log is intact; exits 1 naming the first bad record when a',
    'record was edited, deleted or reordered.',
  ].join('\n'),
  options: {},
  async run({ positionals, loadConfig }) {
    if (positionals[0] !== 'verify' || positionals.length !== 1) {
      throw new UsageError(
        positionals.length ? `unknown subcommand "${positionals.join(' ')}"` : 'missing subcommand: verify',
      );
    }
    const database = openDatabase(loadConfig());
    try {
      const result = await verifyAuditChain(database.db, (checked, total) =>
        progress(`Checked ${checked} of ${total} records`),
      );
      progressDone();
      if (result.ok) {
        process.stdout.write(`Audit log intact: ${result.checked} records verified.\n`);
        return 0;
      }
      const bad = result.firstBad!;
      process.stdout.write(
        `Audit log BROKEN at record #${bad.seq}: ${describe(bad.reason)}. ${result.checked} records before it are intact.\n`,
      );
      return 1;
    } finally {
      await database.close();
    }
  },
};

function describe(reason: string): string {
  switch (reason) {
    case 'edited':
      return 'its content does not match its hash (edited)';
    case 'deleted':
      return 'it is missing (deleted)';
    case 'reordered':
      return 'it is out of place in the chain (reordered)';
    case 'link-broken':
      return 'it does not link to the record before it (that record was rewritten, or this one moved)';
    default:
      return 'the chain ends before its recorded head (records deleted at the end)';
  }
}
