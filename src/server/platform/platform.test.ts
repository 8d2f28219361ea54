import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { loadConfig } from './config.ts';
import { startRuntime } from '../runtime.ts';

describeEachDialect('platform skeleton', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { loginRateLimitPerMinute: 5 });
  });
  afterAll(() => t.close());

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: dialect });
  });

  it('publishes OpenAPI 3.1 where every operation declares its access rule', async () => {
    const response = await t.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const spec = response.json() as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(spec.openapi).toBe('3.1.0');
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const { path, method, operation } of operations) {
      expect(operation['x-access'], `${method} ${path}`).toEqual(expect.any(String));
    }
    expect(spec.paths['/api/v1/auth/login']?.post?.['x-access']).toBe('public');
    expect(spec.paths['/api/v1/people/{id}']?.get?.['x-access']).toBe(
      'resident or staff:window_clerk|reviewer|approver',
    );
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers errors in the contract shape with the request id, in the caller language', async () => {
    const zh = await t.app.inject('/api/v1/no-such-thing');
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error).toMatchObject({ code: 'NOT_FOUND', message: '找不到请求的资源。' });
    expect(zh.json().error.requestId).toBe(zh.headers['x-request-id']);
    const en = await t.app.inject({ url: '/api/v1/no-such-thing', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('The requested resource was not found.');
  });

  it('refuses malformed JSON as bad input, not as a server error', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses unknown fields', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'a', password: 'b', isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: '', message: 'Unknown field: isAdmin' }]);
  });

  it('sets protective headers', async () => {
    const response = await t.app.inject('/api/v1/reference/districts');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves the demo city reference data: 16 districts with their streets', async () => {
    const response = await t.app.inject('/api/v1/reference/districts');
    const items = response.json().items as { nameZh: string; streets: { nameZh: string }[] }[];
    expect(items).toHaveLength(16);
    expect(items.map((d) => d.nameZh)).toContain('浦东新区');
    const hongkou = items.find((d) => d.nameZh === '虹口区')!;
    expect(hongkou.streets.map((s) => s.nameZh)).toEqual(
      expect.arrayContaining(['嘉兴路街道', '曲阳路街道', '欧阳路街道']),
    );
    const putuo = items.find((d) => d.nameZh === '普陀区')!;
    expect(putuo.streets.map((s) => s.nameZh)).toEqual(expect.arrayContaining(['石泉路街道', '长征镇']));
  });

  it('gives staff their office and role', async () => {
    const clerk = await loginAs(t.app, 'demo-clerk');
    const me = (await t.app.inject({ url: '/api/v1/me', headers: { cookie: clerk.cookie } })).json();
    expect(me.person).toBeNull();
    expect(me.staff).toEqual([
      expect.objectContaining({
        officeName: '虹口区市场监管局',
        districtName: '虹口区',
        role: 'window_clerk',
      }),
    ]);
  });

  it('rate-limits sign-in attempts from one address with 429 and Retry-After', async () => {
    let last = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '203.0.113.9',
      payload: { username: 'nobody', password: 'x' },
    });
    for (let i = 0; i < 6; i += 1) {
      last = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { username: 'nobody', password: 'x' },
      });
    }
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('RATE_LIMITED');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    const otherAddress = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '203.0.113.10',
      payload: { username: 'demo-resident', password: 'Demo#2026' },
    });
    expect(otherAddress.statusCode).toBe(200);
  });

  it('keeps the data on a second start and does not seed twice', async () => {
    const { db } = t.runtime.deps.database;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const second = await startRuntime(
      loadConfig(
        {},
        { dataDir: t.database.dataDir, databaseUrl: t.database.databaseUrl, logLevel: 'silent' },
      ),
      { startJobs: false },
    );
    try {
      const seeds = await second.deps.database.db
        .selectFrom('auditLog')
        .select('seq')
        .where('action', '=', 'demo.seed')
        .execute();
      expect(seeds).toHaveLength(1);
    } finally {
      await second.close();
    }
    expect(await count()).toBe(before);
  });
});

describeEachDialect('the web app', (dialect) => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>通办</title>');
    t = await buildTestApp(dialect, { webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html for pages, files by path (also ones built after start), JSON 404 for the API', async () => {
    for (const url of ['/', '/me', '/login?next=%2Fme']) {
      const page = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<title>通办</title>');
    }
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app-123.js'), 'console.log(1)');
    const asset = await t.app.inject('/assets/app-123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const missingAsset = await t.app.inject('/assets/missing.js');
    expect(missingAsset.statusCode).toBe(404);
    const api = await t.app.inject({ url: '/api/v1/nothing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
  });
});

describeEachDialect('an empty city (TONGBAN_DEMO=off)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { demo: false, adminPassword: 'a-strong-admin-password' });
  });
  afterAll(() => t.close());

  it('has no demo data, only the admin account from TONGBAN_ADMIN_PASSWORD', async () => {
    const districts = await t.app.inject('/api/v1/reference/districts');
    expect(districts.json().items).toEqual([]);
    const demo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'demo-resident', password: 'Demo#2026' },
    });
    expect(demo.statusCode).toBe(401);
    const admin = await loginAs(t.app, 'admin', 'a-strong-admin-password');
    const me = (await t.app.inject({ url: '/api/v1/me', headers: { cookie: admin.cookie } })).json();
    expect(me.isAdmin).toBe(true);
  });
});
