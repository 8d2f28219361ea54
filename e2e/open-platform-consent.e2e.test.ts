// The open platform in the browser: a relying party (openid-client over real HTTP) sends the
// resident to Tongban; they sign in on Tongban's own page, see the app and what it asks for, and
// allow; the partner's callback gets a code that openid-client exchanges with PKCE. Then the
// partner's and the admin's open-platform pages. axe on every page.
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

// The issuer is TONGBAN_PUBLIC_URL, by default http://localhost:<port>: the relying party and the
// browser use that origin (cookies are per host), not the 127.0.0.1 the other journeys use.
const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const issuerOf = () => `http://localhost:${new URL(journey.server.baseUrl).port}`;

describe('open platform', () => {
  it('signs a resident in for a partner app on Tongban’s page, with PKCE and consent', async () => {
    const issuer = issuerOf();
    const config = await client.discovery(
      new URL(issuer),
      'demo-life-helper',
      'demo-only-life-helper-secret',
      undefined,
      {
        execute: [client.allowInsecureRequests],
      },
    );
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: 'http://localhost:4000/callback',
      scope: 'openid profile housing_fund applications.read',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    const page = await journey.freshPage();
    let callback: string | null = null;
    await page.route('http://localhost:4000/**', async (route) => {
      callback = route.request().url();
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>partner</title><h1>partner</h1>',
      });
    });
    await page.goto(url.href);
    await page.waitForURL('**/open-platform/authorize/**');
    await expect
      .poll(() => page.getByRole('heading', { name: '随申办生活助手（演示）' }).isVisible())
      .toBe(true);
    await journey.expectNoSeriousViolations(page, 'authorization page, signed out');
    await page.getByRole('link', { name: '登录通办' }).click();
    await page.getByLabel(/用户名/).fill('demo-resident');
    await page.getByLabel(/密码/).fill('Demo#2026');
    await page.getByRole('button', { name: /^登录$/ }).click();
    await page.waitForURL('**/open-platform/authorize/**');
    await expect.poll(() => page.getByText('公积金账户、余额和明细').isVisible()).toBe(true);
    await expect(page.getByText('已通过通办平台审核', { exact: false }).isVisible()).resolves.toBe(true);
    await journey.expectNoSeriousViolations(page, 'authorization page, signed in');
    await page.getByRole('button', { name: '同意授权' }).click();
    await expect.poll(() => callback, { timeout: 15_000 }).not.toBeNull();
    const tokens = await client.authorizationCodeGrant(
      config,
      new URL(callback!),
      { pkceCodeVerifier: verifier, expectedState: state },
      { resource: `${issuer}/api/open/v1` },
    );
    const fund = await fetch(`${issuer}/api/open/v1/housing-fund`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(fund.status).toBe(200);
    // The consent is listed at 第三方应用授权 in plain words.
    await page.goto(`${issuer}/data/consents`);
    await expect.poll(() => page.getByText('我的办件').first().isVisible()).toBe(true);
  });

  it('lets a partner register an app and an admin review it', async () => {
    const page = await journey.freshPage();
    await signIn(page, 'demo-enterprise');
    await page.goto('/open-platform');
    await page.getByLabel('应用名称（中文）').fill('社保查询助手');
    await page.getByLabel('应用名称（英文）').fill('Pension Helper');
    await page.getByLabel('运营单位').fill('上海示范科技有限公司');
    await page.getByLabel('用途说明').fill('帮助居民查看社保缴费记录');
    await page.getByLabel('隐私政策链接').fill('https://pension-helper.example/privacy');
    await page.getByLabel(/回调地址/).fill('https://pension-helper.example/callback');
    await page.getByLabel(/^社保 —/).check();
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => page.getByText('已提交，等待平台审核。').isVisible()).toBe(true);
    await journey.expectNoSeriousViolations(page, 'partner apps');

    const admin = await journey.freshPage();
    await signIn(admin, 'demo-admin');
    await admin.goto('/admin/open-platform');
    const item = admin.getByRole('listitem').filter({ hasText: '社保查询助手' });
    await expect.poll(() => item.isVisible()).toBe(true);
    await journey.expectNoSeriousViolations(admin, 'review queue');
    await item.getByRole('button', { name: '通过' }).click();
    await expect.poll(() => admin.getByText(/已处理：社保查询助手/).isVisible()).toBe(true);

    await page.reload();
    await page.getByRole('button', { name: '领取客户端密钥' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: '客户端密钥（只显示这一次）' }).isVisible())
      .toBe(true);
    await journey.expectNoSeriousViolations(page, 'secret shown once');
  });
});
