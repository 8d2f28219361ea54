// The partner app (examples/partner-app, its own process) as a resident meets it: "sign in with
// Tongban" sends them to Tongban's own page, they sign in and consent, and the partner shows their
// 社保 record and bills read through the open API with the SDK, and pays a bill at the provider's
// cashier (told of it by the payment.settled webhook). Then staff change one of their
// applications through the API and the partner app, told by Tongban's signed webhook, shows
// "your application changed state". Tongban, the demo department server (社保) and the partner
// app run as real processes; axe on each partner page.
import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnBillers, type SpawnedBillers } from '../demo/billers/spawn.ts';
import { spawnDepartmentServer, type SpawnedDepartmentServer } from '../demo/department-server/spawn.ts';
import { spawnPaymentProvider, type SpawnedPaymentProvider } from '../demo/payment-provider/spawn.ts';
import { spawnPartnerApp, type SpawnedPartnerApp } from '../examples/partner-app/spawn.ts';
import { sampleFormData } from '../test/support/form-samples.ts';
import { apiSession } from './support/api-session.ts';
import { launchBrowser, newContext, seriousAxeViolations } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const [tongbanPort, partnerPort] = [await freePort(), await freePort()];
const tongbanUrl = `http://127.0.0.1:${tongbanPort}`;
const partnerUrl = `http://127.0.0.1:${partnerPort}`;
let department: SpawnedDepartmentServer;
let provider: SpawnedPaymentProvider;
let billers: SpawnedBillers;
let partner: SpawnedPartnerApp;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

// Own hooks (not setUpJourney) for a longer start-up: three processes and a demo city to seed.
beforeAll(async () => {
  [department, provider, billers] = await Promise.all([
    spawnDepartmentServer({ latency: '10-50', errorRate: 0 }),
    spawnPaymentProvider(),
    spawnBillers(),
  ]);
  server = await startServer({
    readyTimeoutMs: 170_000,
    env: {
      PORT: String(tongbanPort),
      TONGBAN_PUBLIC_URL: tongbanUrl,
      TONGBAN_DEMO_PARTNER_REDIRECT_URIS: `${partnerUrl}/callback`,
      TONGBAN_DEPARTMENT_SERVER_URL: department.url,
      TONGBAN_DEPARTMENT_API_KEY: department.apiKey,
      TONGBAN_PAYMENT_PROVIDER_URL: provider.url,
      TONGBAN_BILLERS_URL: billers.url,
    },
  });
  partner = await spawnPartnerApp({ port: partnerPort, tongbanUrl });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await partner?.stop();
  await server?.stop();
  await Promise.all([department?.stop(), provider?.stop(), billers?.stop()]);
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function freshPage(): Promise<Page> {
  const context = await newContext(browser, tongbanUrl, { viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function expectNoSeriousViolations(page: Page, what: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${what}:\n${violations.join('\n')}`).toEqual([]);
}

/** demo-resident files SAMR-0002 over the API; the clerk accepts, the reviewer asks for a supplement. */
async function staffAskForSupplement(): Promise<string> {
  const resident = await apiSession(tongbanUrl, 'demo-resident');
  const service = (await (await resident.call('GET', '/api/v1/services/SAMR-0002')).json()) as {
    id: string;
    definition: { form: { schema: Record<string, unknown> } };
  };
  const filed = await resident.call(
    'POST',
    '/api/v1/applications',
    { serviceId: service.id, data: sampleFormData(service.definition.form.schema) },
    { 'idempotency-key': `partner-e2e-${Date.now()}` },
  );
  expect(filed.status).toBe(201);
  const receipt = (await filed.json()) as { id: string; receiptNo: string };
  for (const [username, body] of [
    ['demo-clerk', { action: 'accept' }],
    [
      'demo-reviewer',
      {
        action: 'request_supplement',
        items: [{ field: 'businessAddress', reason: '经营场所地址须写到门牌号' }],
      },
    ],
  ] as const) {
    const staff = await apiSession(tongbanUrl, username);
    const queue = (await (await staff.call('GET', '/api/v1/workbench/tasks?limit=100')).json()) as {
      items: { id: string; application: { id: string } }[];
    };
    const task = queue.items.find((item) => item.application.id === receipt.id);
    expect(task, `${username} sees the task`).toBeDefined();
    const acted = await staff.call('POST', `/api/v1/workbench/tasks/${task!.id}/actions`, body);
    expect(acted.status, `${username} ${body.action}`).toBe(200);
  }
  return receipt.receiptNo;
}

describe('the partner app (a third-party entrance)', () => {
  it('signs the resident in through Tongban, shows 社保 and bills, and hears of an application change', async () => {
    const page = await freshPage();
    await page.goto(partnerUrl);
    await expect.poll(() => page.getByRole('link', { name: /通过通办登录/ }).isVisible()).toBe(true);
    await expectNoSeriousViolations(page, 'partner app, signed out');

    await page.getByRole('link', { name: /通过通办登录/ }).click();
    await page.waitForURL('**/open-platform/authorize/**');
    await expect
      .poll(() => page.getByRole('heading', { name: '随申办生活助手（演示）' }).isVisible())
      .toBe(true);
    await page.getByRole('link', { name: '登录通办' }).click();
    await page.getByLabel(/用户名/).fill('demo-resident');
    await page.getByLabel(/密码/).fill('Demo#2026');
    await page.getByRole('button', { name: /^登录$/ }).click();
    await page.waitForURL('**/open-platform/authorize/**');
    await page.getByRole('button', { name: '同意授权' }).click();

    // Back at the partner app, signed in, with data read through the open API.
    await page.waitForURL(`${partnerUrl}/`);
    await expect.poll(() => page.getByRole('heading', { name: /我的社保/ }).isVisible()).toBe(true);
    const socialInsurance = page.locator('section', { has: page.getByRole('heading', { name: /我的社保/ }) });
    await expect.poll(() => socialInsurance.getByText('参保单位').isVisible()).toBe(true);
    await expect.poll(() => socialInsurance.getByRole('table').isVisible()).toBe(true);
    const bills = page.locator('section', { has: page.getByRole('heading', { name: /账单与缴费/ }) });
    await expect.poll(() => bills.getByRole('row').count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByRole('button', { name: /退出/ }).isVisible()).toBe(true);
    await expectNoSeriousViolations(page, 'partner app, signed in');

    // Pay a bill: an order through the open API, then the provider's cashier.
    const row = bills.locator('tbody tr', { has: page.getByRole('button', { name: /缴费/ }) }).first();
    const payButton = row.getByRole('button', { name: /缴费/ });
    const title = ((await row.getByRole('cell').first().textContent()) ?? '').trim().slice(0, 12);
    await payButton.click();
    await page.waitForURL(`${provider.url}/cashier/**`);
    await page.getByRole('button', { name: /确认支付/ }).click();
    await page.waitForURL(`${tongbanUrl}/payments/orders/**`);
    await page.goto(partnerUrl);
    await expect
      .poll(
        async () => {
          await page.reload();
          return bills.getByRole('row').filter({ hasText: title }).first().textContent();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain('已缴');
    // …and Tongban told the partner app by webhook that the payment settled.
    // (The list already holds the bill.issued events of the bills it listed; the settlement may
    // land after the last reload, so look again until it is there.)
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('#events').textContent();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain('缴费已到账');

    // Staff change one of 张三's applications; Tongban tells the partner app by webhook.
    const receiptNo = await staffAskForSupplement();
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('#events').textContent();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain(receiptNo);
    const line = page.locator('#events li', { hasText: receiptNo });
    await expect.poll(() => line.textContent()).toContain('您的办件状态已变化');
    await expect.poll(() => line.textContent()).toContain('待补正');
    await expectNoSeriousViolations(page, 'partner app, with a message');
    await page.screenshot({ path: 'test-results/partner-app.png', fullPage: true });
  });
});
