import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { buildTestApp, loginAs, sessionCookie, type TestApp } from '../../../../test/support/app.ts';
import { makeIdNumber } from '../../../contracts/id-number.ts';

describeEachDialect('sign-in, sessions and registration', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { loginMaxFailures: 3, lockoutMinutes: 15 });
  });
  afterAll(() => t.close());

  it('signs in with the demo password, sets an HttpOnly SameSite cookie and returns the person', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo-resident', password: 'Demo#2026' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = response.json();
    expect(me.person.name).toBe('张三');
    expect(me.person.districtName).toBe('虹口区');
    expect(me.person.streetName).toBe('嘉兴路街道');
    expect(me.person.idNumberMasked).toMatch(/^310109\*{8}\d{3}[\dX]$/);
    expect(me.csrfToken).toHaveLength(32);
  });

  it('answers a wrong password in the caller language and does not say whether the user exists', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo-resident2', password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'nobody-here', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: '用户名或密码错误。',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe('Wrong username or password.');
  });

  it('locks the account after repeated failures, even for the right password, and audits it', async () => {
    for (let i = 0; i < 2; i += 1) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'demo-reviewer', password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const third = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo-reviewer', password: 'wrong' },
    });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(third.json().error.message).toMatch(/锁定/);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo-reviewer', password: 'Demo#2026' },
    });
    expect(right.statusCode).toBe(423);
    const { db } = t.runtime.deps.database;
    const locked = await db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'auth.account.locked')
      .execute();
    expect(locked).toHaveLength(1);
  });

  it('needs the CSRF token for cookie-authenticated writes', async () => {
    const session = await loginAs(t.app, 'demo-resident');
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('AUTH_CSRF_INVALID');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(forged.statusCode).toBe(403);
    const still = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: session.cookie },
    });
    expect(still.statusCode).toBe(200);
  });

  it('logs out: the cookie stops working', async () => {
    const session = await loginAs(t.app, 'demo-resident');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: session.cookie },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('lists my sessions and revokes another device; someone else cannot revoke mine', async () => {
    const phone = await loginAs(t.app, 'demo-resident');
    const laptop = await loginAs(t.app, 'demo-resident');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: { cookie: laptop.cookie },
    });
    const items = list.json().items as { id: string; isCurrent: boolean }[];
    expect(items.filter((s) => s.isCurrent)).toHaveLength(1);
    const phoneMe = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: { cookie: phone.cookie },
    });
    const phoneSessionId = (phoneMe.json().items as { id: string; isCurrent: boolean }[]).find(
      (s) => s.isCurrent,
    )!.id;

    const other = await loginAs(t.app, 'demo-resident2');
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${phoneSessionId}`,
      headers: other.headers,
    });
    expect(refused.statusCode).toBe(404);
    const phoneStill = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: phone.cookie },
    });
    expect(phoneStill.statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${phoneSessionId}`,
      headers: laptop.headers,
    });
    expect(revoked.statusCode).toBe(204);
    const phoneGone = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: phone.cookie },
    });
    expect(phoneGone.statusCode).toBe(401);
    const laptopStill = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: laptop.cookie },
    });
    expect(laptopStill.statusCode).toBe(200);
  });

  it('registers a resident after real-name verification against the population register', async () => {
    const { db } = t.runtime.deps.database;
    const record = await db
      .selectFrom('populationRecords')
      .selectAll()
      .where('name', 'not in', ['张三', '李四', '王芳', '赵敏', '陈静', '刘强'])
      .orderBy('idNumber')
      .executeTakeFirstOrThrow();
    const body = {
      username: 'new-resident',
      password: 'a-long-password',
      name: record.name,
      idNumber: record.idNumber,
      phone: '13912345678',
    };
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
    expect(response.statusCode).toBe(201);
    expect(response.json().person.address).toBe(record.address);
    expect(sessionCookie(response)).toMatch(/^tb_session=/);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...body, username: 'new-resident-2' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PERSON_ALREADY_REGISTERED');
  });

  it('refuses registration with a mismatched name or a bad ID number, and stores nothing', async () => {
    const { db } = t.runtime.deps.database;
    const before = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const record = await db
      .selectFrom('populationRecords')
      .selectAll()
      .orderBy('idNumber', 'desc')
      .executeTakeFirstOrThrow();
    const mismatch = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: {
        username: 'imposter',
        password: 'a-long-password',
        name: '假名字',
        idNumber: record.idNumber,
        phone: '13912345678',
      },
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('IDENTITY_VERIFICATION_FAILED');

    const valid = makeIdNumber('310109', '19900101', 1);
    const badCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'accept-language': 'zh-CN' },
      payload: { username: 'x', password: 'short', name: '王', idNumber: badCheck, phone: '123' },
    });
    expect(invalid.statusCode).toBe(400);
    const details = invalid.json().error.details as { path: string; message: string }[];
    const paths = details.map((d) => d.path).sort();
    expect(paths).toEqual(['/idNumber', '/name', '/password', '/phone', '/username']);
    expect(details.find((d) => d.path === '/idNumber')!.message).toMatch(/身份证号码无效/);
    const after = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
