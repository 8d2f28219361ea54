// Third-party consent: an app reads what the person granted, until the grant is revoked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { AppError } from '../../platform/errors.ts';
import { sharingGateway } from './gateway.ts';

describeEachDialect('consent to third-party apps', (dialect) => {
  let t: TestApp;
  let zhang: TestSession;
  let zhangId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    zhang = await loginAs(t.app, 'demo-resident');
    zhangId = (await t.app.inject({ url: '/api/v1/me', headers: zhang.headers })).json().person.id;
  }, 60_000);
  afterAll(() => t?.close());

  const appRead = () =>
    sharingGateway({ db: t.runtime.deps.database.db, registers: t.runtime.deps.registers }).read({
      consumer: { kind: 'third_party_app', appId: 'demo-health-app' },
      subject: { personId: zhangId },
      register: 'medical_insurance',
      fields: ['status', 'personalAccountBalanceFen'],
      purpose: '展示医保信息',
      actor: { userId: 'app:demo-health-app', name: '健康随申助手（演示）' },
    });
  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return 'ok';
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  };
  const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  it('lists the apps and what each may ask for', async () => {
    const apps = (await t.app.inject({ url: '/api/v1/sharing/apps', headers: zhang.headers })).json().items;
    const health = apps.find((a: { id: string }) => a.id === 'demo-health-app');
    expect(health.offers[0].register).toBe('medical_insurance');
    expect(health.offers[0].fields.map((f: { name: string }) => f.name)).toContain(
      'personalAccountBalanceFen',
    );
  });

  it('refuses an app without consent, serves it with consent, and refuses it again once revoked', async () => {
    expect(await codeOf(appRead())).toBe('SHARING_NOT_ALLOWED');
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/consents',
      headers: zhang.headers,
      payload: {
        appId: 'demo-health-app',
        register: 'medical_insurance',
        fields: ['status', 'personalAccountBalanceFen'],
        purpose: '在健康助手里查看医保余额',
        validUntil: inAMonth(),
      },
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ status: 'active', appNameZh: '健康随申助手（演示）' });
    const values = await appRead();
    expect(values.status).toBe('insured');
    // The first read is in 张三's 用数记录 under the app's name.
    const log = (
      await t.app.inject({
        url: '/api/v1/me/data-access-records?consumer=app:demo-health-app',
        headers: zhang.headers,
      })
    ).json();
    expect(log.items[0]).toMatchObject({ consumerKind: 'third_party_app', appName: '健康随申助手（演示）' });
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/consents/${granted.json().id}`,
      headers: zhang.headers,
    });
    expect(revoked.statusCode).toBe(204);
    expect(await codeOf(appRead())).toBe('SHARING_NOT_ALLOWED');
    const mine = (await t.app.inject({ url: '/api/v1/me/consents', headers: zhang.headers })).json().items;
    expect(mine[0].status).toBe('revoked');
  });

  it('refuses consents beyond what the app may ask for or longer than a year', async () => {
    const ask = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/consents',
        headers: zhang.headers,
        payload: {
          appId: 'demo-health-app',
          register: 'medical_insurance',
          fields: ['status'],
          purpose: '查看',
          validUntil: inAMonth(),
          ...payload,
        },
      });
    const beyond = await ask({ fields: ['status', 'designatedHospital'] });
    expect(beyond.json().error.code).toBe('CONSENT_INVALID');
    expect(beyond.json().error.details[0].path).toBe('/fields');
    expect((await ask({ register: 'housing_fund' })).json().error.code).toBe('CONSENT_INVALID');
    expect((await ask({ validUntil: '2020-01-01' })).json().error.code).toBe('CONSENT_INVALID');
    expect((await ask({ validUntil: '2099-01-01' })).json().error.code).toBe('CONSENT_INVALID');
    expect((await ask({ appId: 'no-such-app' })).json().error.code).toBe('SHARING_APP_NOT_FOUND');
  });

  it('lets nobody revoke or see another person’s consent', async () => {
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/consents',
      headers: zhang.headers,
      payload: {
        appId: 'demo-rent-app',
        register: 'housing_fund',
        fields: ['balanceFen'],
        purpose: '测算租房提取',
        validUntil: inAMonth(),
      },
    });
    const li = await loginAs(t.app, 'demo-resident2');
    const attempt = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/consents/${granted.json().id}`,
      headers: li.headers,
    });
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().error.code).toBe('CONSENT_NOT_FOUND');
    expect((await t.app.inject({ url: '/api/v1/me/consents', headers: li.headers })).json().items).toEqual(
      [],
    );
    const clerk = await loginAs(t.app, 'demo-clerk');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/me/consents/${granted.json().id}`,
          headers: clerk.headers,
        })
      ).statusCode,
    ).toBe(403);
  });
});
