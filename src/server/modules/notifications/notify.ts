import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { nowIso } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { listRecipientUserIds } from '../identity/people.service.ts';
import { findMailableUserIds, insertNotifications } from './notifications.repository.ts';
import type { NotificationTable } from './notifications.tables.ts';

/** The queue of notification e-mails (one job per recipient's notification). */
export const NOTIFICATION_EMAIL_QUEUE = 'notifications.email';
/** Attempts per e-mail: with the runner's backoff (2 s, 4 s, … 128 s) about four minutes of retries. */
export const EMAIL_MAX_ATTEMPTS = 8;

export interface NotifyInput {
  /** Who: user accounts, people (their account), enterprises (their active legal rep and agents). */
  recipients: { userIds?: string[]; personIds?: string[]; enterpriseIds?: string[] };
  /** What happened, e.g. `application.submitted`, `application.supplement_requested`. */
  kind: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  /** An app path such as `/applications/<id>` (made absolute in e-mails). */
  link?: string;
  /** The object the notification is about, e.g. `{ type: 'application', id }`. */
  object?: { type: string; id: string };
}

const KIND = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
// An app path: one leading slash, never `//host` or a scheme, no spaces or backslashes.
const APP_PATH = /^\/(?![/\\])[^\s\\]*$/;

function assertInput(input: NotifyInput): void {
  const problems: string[] = [];
  if (!KIND.test(input.kind) || input.kind.length > 100) problems.push(`kind "${input.kind}"`);
  for (const [name, text, max] of [
    ['title.zh', input.title.zh, 200],
    ['title.en', input.title.en, 200],
    ['body.zh', input.body.zh, 4000],
    ['body.en', input.body.en, 4000],
  ] as const) {
    if (text.trim() === '' || text.length > max) problems.push(`${name} (1–${max} characters)`);
  }
  if (input.link !== undefined && (!APP_PATH.test(input.link) || input.link.length > 500)) {
    problems.push(`link "${input.link}" (an app path such as /applications/<id>)`);
  }
  // A programming mistake of the caller: failing rolls back the caller's change with it.
  if (problems.length > 0) throw new Error(`notify(): invalid ${problems.join(', ')}`);
}

/**
 * Puts a notification into the inbox of every recipient and queues one e-mail for each recipient
 * with a confirmed, enabled e-mail address, all inside the caller's transaction: a change that
 * rolls back leaves neither an inbox row nor a mail job. People resolve to their user account,
 * enterprises to the accounts of their active legal representative and agents (through
 * identity); disabled accounts are skipped; each user gets the notification once.
 *
 * @returns the number of users notified.
 */
export async function notify(
  trx: Transaction<Database>,
  jobs: JobRunner,
  input: NotifyInput,
): Promise<number> {
  assertInput(input);
  const userIds = await listRecipientUserIds(trx, input.recipients);
  if (userIds.length === 0) return 0;
  const mailable = await findMailableUserIds(trx, userIds);
  const createdAt = nowIso();
  const rows: NotificationTable[] = userIds.map((userId) => ({
    id: uuidv7(),
    userId,
    kind: input.kind,
    titleZh: input.title.zh,
    titleEn: input.title.en,
    bodyZh: input.body.zh,
    bodyEn: input.body.en,
    link: input.link ?? null,
    objectType: input.object?.type ?? null,
    objectId: input.object?.id ?? null,
    createdAt,
    readAt: null,
    emailStatus: mailable.has(userId) ? 'queued' : 'none',
    emailUpdatedAt: mailable.has(userId) ? createdAt : null,
  }));
  await insertNotifications(trx, rows);
  for (const row of rows) {
    if (row.emailStatus !== 'queued') continue;
    await jobs.enqueue(
      NOTIFICATION_EMAIL_QUEUE,
      { type: 'notification', notificationId: row.id },
      { maxAttempts: EMAIL_MAX_ATTEMPTS, dedupeKey: `notification-email:${row.id}` },
      trx,
    );
  }
  return rows.length;
}
