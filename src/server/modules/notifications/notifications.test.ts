import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { notify, NOTIFICATION_EMAIL_QUEUE, type NotifyInput } from './notify.ts';

interface Item {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
  emailStatus: string;
}

const message = (kind: string, recipients: NotifyInput['recipients']): NotifyInput => ({
  recipients,
  kind,
  title: { zh: '您的办件已受理', en: 'Your application was accepted' },
  body: { zh: '受理编号 HK-0001。', en: 'Receipt number HK-0001.' },
  link: '/applications/0001',
  object: { type: 'application', id: '0001' },
});

describeEachDialect('notifications: inbox, notify and settings', (dialect) => {
  let t: TestApp;
  let db: Db;
  let resident: TestSession;
  let resident2: TestSession;
  const ids: Record<string, { userId: string; personId: string | null }> = {};

  const send = (kind: string, recipients: NotifyInput['recipients']) =>
    db.transaction().execute((trx) => notify(trx, t.runtime.deps.jobs, message(kind, recipients)));
  const recipientsOf = async (kind: string) =>
    (
      await db
        .selectFrom('notifications')
        .innerJoin('users', 'users.id', 'notifications.userId')
        .select('users.username')
        .where('notifications.kind', '=', kind)
        .orderBy('users.username')
        .execute()
    ).map((row) => row.username);
  const countJobs = async () =>
    Number(
      (
        await db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('queue', '=', NOTIFICATION_EMAIL_QUEUE)
          .executeTakeFirstOrThrow()
      ).count,
    );
  const inbox = async (session: TestSession, query = '') =>
    t.app.inject({ url: `/api/v1/me/notifications${query}`, headers: session.headers });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    db = t.runtime.deps.database.db;
    for (const user of await db.selectFrom('users').select(['id', 'username', 'personId']).execute()) {
      ids[user.username] = { userId: user.id, personId: user.personId };
    }
    resident = await loginAs(t.app, 'demo-resident');
    resident2 = await loginAs(t.app, 'demo-resident2');
  });
  afterAll(() => t.close());

  it('shows the demo resident three unread messages, newest first, with paging and the unread filter', async () => {
    const all = await inbox(resident);
    expect(all.statusCode).toBe(200);
    const page = all.json() as { items: Item[]; total: number; unreadCount: number };
    expect(page.total).toBe(3);
    expect(page.unreadCount).toBe(3);
    const times = page.items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(page.items[0]!.title).toContain('市民驿站');

    const english = await t.app.inject({
      url: '/api/v1/me/notifications?limit=2&offset=2',
      headers: { ...resident.headers, 'accept-language': 'en' },
    });
    expect(english.json().items).toHaveLength(1);
    expect(english.json().items[0].title).toBe('Welcome to Tongban (demo)');
    expect(english.json().total).toBe(3);

    const count = await t.app.inject({
      url: '/api/v1/me/notifications/unread-count',
      headers: resident.headers,
    });
    expect(count.json()).toEqual({ unreadCount: 3 });
    expect((await inbox(resident2)).json()).toEqual({ items: [], total: 0, unreadCount: 0 });
  });

  it('notifies a person through their account and each user once', async () => {
    const person = ids['demo-resident2']!;
    expect(await send('test.person', { personIds: [person.personId!], userIds: [person.userId] })).toBe(1);
    expect(await recipientsOf('test.person')).toEqual(['demo-resident2']);
    const page = (await inbox(resident2, '?unread=true')).json() as { items: Item[]; unreadCount: number };
    expect(page.unreadCount).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: 'test.person',
      title: '您的办件已受理',
      link: '/applications/0001',
      object: { type: 'application', id: '0001' },
      readAt: null,
      emailStatus: 'none',
    });
    expect(await send('test.nobody', { userIds: ['no-such-user'], personIds: [], enterpriseIds: [] })).toBe(
      0,
    );
  });

  it("notifies an enterprise's legal rep and active agents, not expired or revoked ones", async () => {
    const enterprise = await db
      .selectFrom('enterprises')
      .select('id')
      .where('name', 'like', '上海虹通示范餐饮%')
      .executeTakeFirstOrThrow();
    const legalRep = await loginAs(t.app, 'demo-legal-rep');
    const people = await db.selectFrom('people').select(['id', 'name', 'idNumber']).execute();
    const personOf = (username: string) => people.find((p) => p.id === ids[username]!.personId)!;
    const grant = async (username: string) => {
      const person = personOf(username);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/enterprises/${enterprise.id}/agents`,
        headers: legalRep.headers,
        payload: {
          idNumber: person.idNumber,
          name: person.name,
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { linkId: string }).linkId;
    };
    // demo-resident's authorisation has run out; demo-resident2's was withdrawn.
    const expired = await grant('demo-resident');
    await db
      .updateTable('enterpriseLinks')
      .set({ expiresAt: new Date(Date.now() - 60_000).toISOString() })
      .where('id', '=', expired)
      .execute();
    const revoked = await grant('demo-resident2');
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/enterprises/${enterprise.id}/agents/${revoked}`,
      headers: legalRep.headers,
    });
    expect(revoke.statusCode).toBe(204);

    expect(await send('test.enterprise', { enterpriseIds: [enterprise.id, enterprise.id] })).toBe(2);
    expect(await recipientsOf('test.enterprise')).toEqual(['demo-enterprise', 'demo-legal-rep']);
  });

  it('leaves no inbox row and no mail job when the caller rolls back', async () => {
    const settings = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      headers: resident2.headers,
      payload: { email: 'resident2@example.org', emailEnabled: true, language: 'en' },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    // SMTP is not configured here, so confirm the address as the mailed link would.
    await t.runtime.deps.jobs.drain();
    await db
      .updateTable('notificationSettings')
      .set({ emailConfirmedAt: nowIso() })
      .where('userId', '=', ids['demo-resident2']!.userId)
      .execute();
    const jobsBefore = await countJobs();
    await expect(
      db.transaction().execute(async (trx) => {
        expect(
          await notify(
            trx,
            t.runtime.deps.jobs,
            message('test.rollback', { userIds: [ids['demo-resident2']!.userId] }),
          ),
        ).toBe(1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await recipientsOf('test.rollback')).toEqual([]);
    expect(await countJobs()).toBe(jobsBefore);
  });

  it('queues mail for a confirmed address and, without SMTP, only logs it as not_configured', async () => {
    const user = ids['demo-resident2']!.userId;
    expect(await send('test.mail', { userIds: [user, ids['demo-resident']!.userId] })).toBe(2);
    const rows = await db
      .selectFrom('notifications')
      .select(['userId', 'emailStatus'])
      .where('kind', '=', 'test.mail')
      .execute();
    expect(rows.find((row) => row.userId === user)!.emailStatus).toBe('queued');
    expect(rows.find((row) => row.userId !== user)!.emailStatus).toBe('none');
    expect(await t.runtime.deps.jobs.drain()).toBe(1);
    const after = await db
      .selectFrom('notifications')
      .select('emailStatus')
      .where('kind', '=', 'test.mail')
      .where('userId', '=', user)
      .executeTakeFirstOrThrow();
    expect(after.emailStatus).toBe('not_configured');
  });

  it('refuses a malformed notification, so the caller’s change rolls back', async () => {
    await expect(
      db.transaction().execute((trx) =>
        notify(trx, t.runtime.deps.jobs, {
          ...message('test.bad', { userIds: [] }),
          link: '//evil.example/x',
        }),
      ),
    ).rejects.toThrow(/link/);
  });

  it('marks only your own notifications read', async () => {
    const before = (await inbox(resident)).json() as { items: Item[]; total: number; unreadCount: number };
    const items = before.items;
    expect(before.unreadCount).toBe(before.total);
    const first = items[0]!;
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${first.id}/read`,
      headers: { ...resident2.headers, 'accept-language': 'en' },
    });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error).toMatchObject({
      code: 'NOTIFICATION_NOT_FOUND',
      message: 'Notification not found.',
    });
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/read-all',
      headers: resident2.headers,
    });
    expect(other.statusCode).toBe(200);
    expect(((await inbox(resident)).json() as { unreadCount: number }).unreadCount).toBe(before.total);

    const own = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${first.id}/read`,
      headers: resident.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().readAt).not.toBeNull();
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${first.id}/read`,
      headers: resident.headers,
    });
    expect(again.json().readAt).toBe(own.json().readAt);
    const left = before.total - 1;
    expect((await inbox(resident, '?unread=true')).json()).toMatchObject({ total: left, unreadCount: left });

    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/read-all',
      headers: resident.headers,
    });
    expect(all.json()).toEqual({ marked: left });
    expect((await inbox(resident)).json()).toMatchObject({ total: before.total, unreadCount: 0 });
  });

  it('refuses callers who are not signed in, and writes without the CSRF token', async () => {
    for (const url of [
      '/api/v1/me/notifications',
      '/api/v1/me/notifications/unread-count',
      '/api/v1/me/notification-settings',
    ]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(401);
    }
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/read-all',
      headers: { cookie: resident.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    // Staff and admins have an inbox too.
    for (const username of ['demo-clerk', 'demo-admin']) {
      const session = await loginAs(t.app, username);
      expect((await inbox(session)).statusCode, username).toBe(200);
    }
  });

  it('validates the e-mail settings in the caller’s language and audits a change', async () => {
    const staff = await loginAs(t.app, 'demo-clerk');
    const initial = await t.app.inject({ url: '/api/v1/me/notification-settings', headers: staff.headers });
    expect(initial.json()).toEqual({
      email: null,
      emailConfirmed: false,
      emailEnabled: false,
      language: 'zh-CN',
      mailConfigured: false,
    });
    const put = (payload: unknown, language: string) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/notification-settings',
        headers: { ...staff.headers, 'accept-language': language },
        payload: payload as Record<string, unknown>,
      });
    const badZh = await put({ email: 'not an address', emailEnabled: true, language: 'zh-CN' }, 'zh-CN');
    expect(badZh.statusCode).toBe(400);
    expect(badZh.json().error.details).toHaveLength(1);
    expect(badZh.json().error.details[0]).toMatchObject({
      path: '/email',
      message: expect.stringMatching(/邮箱/),
    });
    const badEn = await put({ email: 'a@b', emailEnabled: true, language: 'zh-CN' }, 'en');
    expect(badEn.statusCode).toBe(400);
    expect(badEn.json().error.details[0]).toMatchObject({
      path: '/email',
      message: expect.stringMatching(/email/i),
    });
    const missingZh = await put({ emailEnabled: true, language: 'en' }, 'zh-CN');
    expect(missingZh.statusCode).toBe(400);
    expect(missingZh.json().error.details).toEqual([
      { path: '/email', message: '开启邮件通知前请填写邮箱地址' },
    ]);
    const missingEn = await put({ emailEnabled: true, language: 'en' }, 'en');
    expect(missingEn.json().error.details[0].message).toBe(
      'Enter an e-mail address to turn e-mail notifications on',
    );
    const badLanguage = await put({ emailEnabled: false, language: 'fr' }, 'en');
    expect(badLanguage.statusCode).toBe(400);
    expect(badLanguage.json().error.details[0].path).toBe('/language');

    const saved = await put({ email: 'clerk@example.org', emailEnabled: true, language: 'en' }, 'en');
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      email: 'clerk@example.org',
      emailConfirmed: false,
      emailEnabled: true,
    });
    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('actorUserId', '=', ids['demo-clerk']!.userId)
      .where('action', '=', 'notifications.settings.update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).not.toContain('clerk@example.org');

    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/notification-settings/confirm',
      headers: { ...staff.headers, 'accept-language': 'en' },
      payload: { token: 'not-the-token' },
    });
    expect(wrongToken.statusCode).toBe(400);
    expect(wrongToken.json().error.code).toBe('NOTIFICATION_CONFIRMATION_INVALID');
    // An unconfirmed address gets no notification e-mail.
    expect(await send('test.unconfirmed', { userIds: [ids['demo-clerk']!.userId] })).toBe(1);
    const row = await db
      .selectFrom('notifications')
      .select('emailStatus')
      .where('kind', '=', 'test.unconfirmed')
      .executeTakeFirstOrThrow();
    expect(row.emailStatus).toBe('none');
  });
});
