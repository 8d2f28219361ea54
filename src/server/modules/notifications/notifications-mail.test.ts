// E-mail through a real SMTP conversation: a local catcher (smtp-server) on 127.0.0.1 receives
// what the job handler sends with nodemailer; then the catcher goes away and the mail is retried
// until it fails for good.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import type { Db } from '../../platform/db/database.ts';
import { EMAIL_MAX_ATTEMPTS, NOTIFICATION_EMAIL_QUEUE, notify, type NotifyInput } from './notify.ts';

const PUBLIC_URL = 'https://tongban.example.gov.cn';

async function startCatcher(received: ParsedMail[], port = 0): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

const addressOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

describeEachDialect('notification e-mail over SMTP', (dialect) => {
  let t: TestApp;
  let db: Db;
  let catcher: SMTPServer;
  let port: number;
  const received: ParsedMail[] = [];
  const userIds: Record<string, string> = {};

  /** Runs due mail jobs, pulling retries forward instead of waiting out the backoff. */
  async function drainWithRetries(): Promise<void> {
    for (let round = 0; round < EMAIL_MAX_ATTEMPTS + 2; round += 1) {
      await t.runtime.deps.jobs.drain();
      const waiting = await db
        .updateTable('jobs')
        .set({ runAt: new Date(Date.now() - 1000).toISOString() })
        .where('queue', '=', NOTIFICATION_EMAIL_QUEUE)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (Number(waiting.numUpdatedRows) === 0) return;
    }
  }

  async function confirmAddress(session: TestSession, email: string, language: 'zh-CN' | 'en') {
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      headers: session.headers,
      payload: { email, emailEnabled: true, language },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ emailConfirmed: false, mailConfigured: true });
    await t.runtime.deps.jobs.drain();
    const mail = received.pop()!;
    expect(addressOf(mail)).toBe(email);
    const link = /https:\/\/tongban\.example\.gov\.cn\/me\/notification-settings\?confirm=([\w-]+)/.exec(
      mail.text ?? '',
    );
    expect(link, mail.text).not.toBeNull();
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/notification-settings/confirm',
      headers: session.headers,
      payload: { token: decodeURIComponent(link![1]!) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ email, emailConfirmed: true, emailEnabled: true, language });
    return mail;
  }

  const notifyUsers = (input: Partial<NotifyInput> & { userIds: string[] }) =>
    db.transaction().execute((trx) =>
      notify(trx, t.runtime.deps.jobs, {
        recipients: { userIds: input.userIds },
        kind: input.kind ?? 'application.supplement_requested',
        title: input.title ?? { zh: '请补正材料', en: 'Please supplement your application' },
        body: input.body ?? {
          zh: '审查人员请您补正以下材料：\n\n营业执照副本。',
          en: 'The reviewer asks you for:\n\nA copy of the business licence.',
        },
        link: input.link ?? '/applications/01J0000000',
      }),
    );

  const statusOf = async (kind: string, userId: string) =>
    (
      await db
        .selectFrom('notifications')
        .select('emailStatus')
        .where('kind', '=', kind)
        .where('userId', '=', userId)
        .executeTakeFirstOrThrow()
    ).emailStatus;

  beforeAll(async () => {
    catcher = await startCatcher(received);
    port = (catcher.server.address() as AddressInfo).port;
    t = await buildTestApp(dialect, {
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: '通办（测试） <noreply@tongban.example.gov.cn>',
      publicUrl: PUBLIC_URL,
    });
    db = t.runtime.deps.database.db;
    for (const user of await db.selectFrom('users').select(['id', 'username']).execute()) {
      userIds[user.username] = user.id;
    }
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => catcher.close(() => resolve()));
    await t.close();
  });

  it('mails a confirmation link first, then each notification in the recipient’s language', async () => {
    const confirmation = await confirmAddress(await loginAs(t.app, 'demo-resident2'), 'li@example.org', 'en');
    expect(confirmation.subject).toBe('[Tongban] Please confirm your notification e-mail address');
    await confirmAddress(await loginAs(t.app, 'demo-resident'), 'zhang@example.org', 'zh-CN');

    const count = await notifyUsers({
      userIds: [userIds['demo-resident2']!, userIds['demo-resident']!],
      title: { zh: '请补正材料<script>alert(1)</script>', en: 'Please supplement <script>alert(1)</script>' },
    });
    expect(count).toBe(2);
    expect(await statusOf('application.supplement_requested', userIds['demo-resident2']!)).toBe('queued');
    await t.runtime.deps.jobs.drain();
    expect(received).toHaveLength(2);

    const english = received.find((mail) => addressOf(mail) === 'li@example.org')!;
    expect(english.subject).toBe('[Tongban] Please supplement <script>alert(1)</script>');
    expect(english.from?.value[0]?.address).toBe('noreply@tongban.example.gov.cn');
    expect(english.text).toContain(`${PUBLIC_URL}/applications/01J0000000`);
    expect(english.text).toContain('A copy of the business licence.');
    expect(english.html).toContain(`href="${PUBLIC_URL}/applications/01J0000000"`);
    expect(english.html).not.toContain('<script>');
    expect(english.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const chinese = received.find((mail) => addressOf(mail) === 'zhang@example.org')!;
    expect(chinese.subject).toBe('[通办] 请补正材料<script>alert(1)</script>');
    expect(chinese.text).toContain('营业执照副本。');
    expect(chinese.html).not.toContain('<script>');
    expect(await statusOf('application.supplement_requested', userIds['demo-resident2']!)).toBe('sent');
    expect(await statusOf('application.supplement_requested', userIds['demo-resident']!)).toBe('sent');
  });

  it('sends nothing to an address turned off after the mail was queued', async () => {
    received.length = 0;
    const session = await loginAs(t.app, 'demo-resident2');
    await notifyUsers({ userIds: [userIds['demo-resident2']!], kind: 'application.accepted' });
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      headers: session.headers,
      payload: { email: 'li@example.org', emailEnabled: false, language: 'en' },
    });
    expect(off.json()).toMatchObject({ emailConfirmed: true, emailEnabled: false });
    await t.runtime.deps.jobs.drain();
    expect(received).toHaveLength(0);
    expect(await statusOf('application.accepted', userIds['demo-resident2']!)).toBe('none');
  });

  it('retries while the SMTP server is down and ends as a failed job and a failed status', async () => {
    await new Promise<void>((resolve) => catcher.close(() => resolve()));
    await notifyUsers({ userIds: [userIds['demo-resident']!], kind: 'application.approved' });
    await drainWithRetries();
    expect(await statusOf('application.approved', userIds['demo-resident']!)).toBe('failed');
    const job = await db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'lastError'])
      .where('queue', '=', NOTIFICATION_EMAIL_QUEUE)
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', attempts: EMAIL_MAX_ATTEMPTS });
    expect(job.lastError).toMatch(/ECONNREFUSED|connect/i);
    // The relay is back: later notifications go out again.
    received.length = 0;
    catcher = await startCatcher(received, port);
    await notifyUsers({ userIds: [userIds['demo-resident']!], kind: 'application.completed' });
    await t.runtime.deps.jobs.drain();
    expect(received.map(addressOf)).toEqual(['zhang@example.org']);
  });
});
