// 生活缴费 in the browser, with the demo payment provider and the demo billers as their own
// processes (started here, so the test can tell the provider to fail the next payment):
// demo-resident binds two utility accounts (checked by the billers), ticks both bills and pays
// them at once at the provider's cashier; a payment that fails and one cancelled at the cashier
// leave the bills unpaid with a clear message; the next payment of both goes through and shows
// the receipt, the printable receipt and its PDF (parsed back: it holds the order number); a
// processed traffic fine is paid from the vehicles page. axe on each page; a 360 px width check.
// Screenshots of 生活缴费 and a receipt go to docs/screenshots.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnBillers, type SpawnedBillers } from '../demo/billers/spawn.ts';
import { spawnPaymentProvider, type SpawnedPaymentProvider } from '../demo/payment-provider/spawn.ts';
import { pdfText } from '../src/server/modules/payments/receipts/pdf-text.test-support.ts';
import { sampleFormData } from '../test/support/form-samples.ts';
import { apiSession } from './support/api-session.ts';
import {
  hasHorizontalScroll,
  launchBrowser,
  newContext,
  seriousAxeViolations,
  signIn,
} from './support/browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from './support/server.ts';

// 张三's accounts in the demo city (demo/registers/utilities.ts): water and electricity are due.
const WATER = '1342750209';
const ELECTRICITY = '3108484615';
const TOTAL = '¥569.50'; // 38.50 + 531.00

let provider: SpawnedPaymentProvider;
let billers: SpawnedBillers;
let server: RunningServer;
let browser: Browser;
// The provider sends the payer back to TONGBAN_PUBLIC_URL (localhost): the pages use that host
// too, so the session cookie comes back with the payer.
let siteUrl: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [provider, billers] = await Promise.all([spawnPaymentProvider(), spawnBillers()]);
  server = await startServer({
    env: {
      TONGBAN_PAYMENT_PROVIDER_URL: provider.url,
      TONGBAN_BILLERS_URL: billers.url,
    },
  });
  siteUrl = server.baseUrl.replace('127.0.0.1', 'localhost');
  browser = await launchBrowser();
}, 150_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.stop();
  await billers?.stop();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function freshPage(width = 1280): Promise<Page> {
  const context = await newContext(browser, siteUrl, {
    viewport: { width, height: 900 },
    acceptDownloads: true,
  });
  contexts.push(context);
  return context.newPage();
}

async function expectNoSeriousViolations(page: Page, what: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${what}:\n${violations.join('\n')}`).toEqual([]);
}

const screenshot = (page: Page, file: string) =>
  page.screenshot({ path: join(REPO_ROOT, 'docs/screenshots', file), fullPage: true });

async function bind(page: Page, kind: '水费' | '电费', accountNumber: string) {
  await page.goto('/payments');
  await page.getByRole('link', { name: '绑定户号' }).click();
  await page.waitForURL('**/payments/accounts/new');
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('户号').fill(accountNumber);
  // The address is prefilled from the registered address.
  await expect.poll(() => page.getByLabel('地址').inputValue()).toContain('天宝路328弄12号501室');
  await page.getByRole('button', { name: '核对并绑定' }).click();
  await page.getByRole('heading', { name: `${kind}户号已绑定，缴费单位核对通过` }).waitFor();
  await page.getByText('张*').waitFor();
}

/** Leaves only the two bills ticked (张三 also has a traffic fine due, ticked at first). */
async function chooseTheTwoBills(page: Page) {
  const due = page.getByRole('region', { name: '待缴费用' });
  await due.getByRole('checkbox', { name: new RegExp(WATER) }).waitFor();
  for (const box of await due.getByRole('checkbox').all()) {
    const name = (await box.getAttribute('id')) ?? '';
    const label = (await page.locator(`label[for="${name}"]`).textContent()) ?? '';
    if (!label.includes(WATER) && !label.includes(ELECTRICITY)) await box.uncheck();
  }
  return due;
}

/** Ticks both bills on 生活缴费 and goes to the cashier. */
async function payBothAtCashier(page: Page) {
  await page.goto('/payments');
  const due = await chooseTheTwoBills(page);
  expect(await due.getByRole('checkbox', { name: new RegExp(WATER) }).isChecked()).toBe(true);
  expect(await due.getByRole('checkbox', { name: new RegExp(ELECTRICITY) }).isChecked()).toBe(true);
  await due.getByText(`已选 2 项，合计 ${TOTAL}`).waitFor();
  await due.getByRole('button', { name: `去支付 ${TOTAL}` }).click();
  await page.waitForURL(`${provider.url}/cashier/**`);
  await page.getByText(TOTAL).first().waitFor();
}

describe('生活缴费', () => {
  it('binds two accounts with the biller’s check and shows their bills, axe-clean, also at 360 px', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto('/me');
    await page.getByRole('main').getByRole('link', { name: '生活缴费' }).click();
    await page.waitForURL('**/payments');
    await page.getByRole('heading', { level: 1, name: '生活缴费' }).waitFor();
    await page.getByText('还没有绑定户号。').waitFor();
    await expectNoSeriousViolations(page, 'payments (empty)');

    // A wrong address is refused by the biller, and the page says so at the field.
    await page.goto('/payments/accounts/new');
    await page.getByRole('radio', { name: '水费' }).check();
    await page.getByLabel('户号').fill(WATER);
    await page.getByLabel('地址').fill('上海市浦东新区世纪大道1号');
    await page.getByRole('button', { name: '核对并绑定' }).click();
    await page.getByRole('alert').first().waitFor();
    await page.locator('#bind-address-error').waitFor();
    await expectNoSeriousViolations(page, 'bind account (refused)');

    await bind(page, '水费', WATER);
    await expectNoSeriousViolations(page, 'bind account (done)');
    await bind(page, '电费', ELECTRICITY);

    await page.goto('/payments');
    const accounts = page.getByRole('region', { name: '我的户号' });
    await accounts.getByText(WATER).waitFor();
    await accounts.getByText(ELECTRICITY).waitFor();
    const due = await chooseTheTwoBills(page);
    await due.getByText(`已选 2 项，合计 ${TOTAL}`).waitFor();
    await page.getByRole('table', { name: '已绑定户号的本期和往期账单' }).getByText('已缴').first().waitFor();
    await expectNoSeriousViolations(page, 'payments (bills due)');
    await screenshot(page, 'payments-bills.png');

    const narrow = await freshPage(360);
    await signIn(narrow, 'demo-resident');
    await narrow.goto('/payments');
    await chooseTheTwoBills(narrow);
    await narrow.getByRole('region', { name: '待缴费用' }).getByText(`合计 ${TOTAL}`).waitFor();
    expect(await hasHorizontalScroll(narrow)).toBe(false);
  });

  it('a payment the provider fails leaves both bills unpaid with a clear message', async () => {
    await provider.control({ failNextPayments: 1 });
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await payBothAtCashier(page);
    await page.getByRole('button', { name: /确认支付/ }).click();
    await page.waitForURL(`${siteUrl}/payments/orders/**`);
    await page.getByRole('heading', { level: 1, name: '支付失败，费用未缴纳' }).waitFor();
    await page.getByText('这笔支付没有成功，您没有被扣款，下列项目仍为待缴。').waitFor();
    const items = page.getByRole('region', { name: '本次涉及的项目' });
    await items.getByText('待缴', { exact: true }).first().waitFor();
    expect(await items.getByText('待缴', { exact: true }).count()).toBe(2);
    await expectNoSeriousViolations(page, 'payment failed');

    await page.goto('/payments');
    await (await chooseTheTwoBills(page)).getByText(`已选 2 项，合计 ${TOTAL}`).waitFor();
  });

  it('取消 at the cashier leaves the bills unpaid and says the order can still be paid', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await payBothAtCashier(page);
    await page.getByRole('button', { name: /取消/ }).click();
    await page.waitForURL(`${siteUrl}/payments/orders/**`);
    await page.getByRole('heading', { level: 1, name: '已取消支付，费用未缴纳' }).waitFor();
    await expectNoSeriousViolations(page, 'payment cancelled');
    // The same order can be taken up again: 继续支付 goes back to its cashier page.
    await page.getByRole('link', { name: '继续支付' }).click();
    await page.waitForURL(`${provider.url}/cashier/**`);
    await page.getByRole('button', { name: /确认支付/ }).click();
    await page.waitForURL(`${siteUrl}/payments/orders/**`);
    await page.getByRole('heading', { level: 1, name: '缴费成功' }).waitFor();
  });

  it('pays a processed traffic fine from the vehicles page', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto('/data/vehicles');
    const button = page.getByRole('button', { name: /^缴纳 .* 的罚款/ }).first();
    await button.waitFor();
    await expectNoSeriousViolations(page, 'vehicles with a fine to pay');
    await button.click();
    await page.waitForURL(`${provider.url}/cashier/**`);
    await page.getByRole('button', { name: /确认支付/ }).click();
    await page.waitForURL(`${siteUrl}/payments/orders/**`);
    await page.getByRole('heading', { level: 1, name: '缴费成功' }).waitFor();
    await page
      .getByRole('table', { name: '缴费项目和金额' })
      .getByText(/交通违法罚款/)
      .waitFor();
  });
});

describe('fees in the application flow', () => {
  it('an application of a service with a fee shows 待缴费 and is paid through the same cashier', async () => {
    // Filed over the API (the form itself is the applying journey's business): PSBT-0006, 10 yuan.
    const api = await apiSession(siteUrl, 'demo-resident');
    const service = (await (await api.call('GET', '/api/v1/services/PSBT-0006')).json()) as {
      id: string;
      definition: { form: { schema: Record<string, unknown> } };
    };
    const filed = await api.call(
      'POST',
      '/api/v1/applications',
      { serviceId: service.id, data: sampleFormData(service.definition.form.schema) },
      { 'idempotency-key': 'e2e-fee-0000001' },
    );
    expect(filed.status).toBe(201);
    const { id } = (await filed.json()) as { id: string };

    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto(`/applications/${id}`);
    const fee = page.getByRole('region', { name: /待缴费/ });
    await fee.getByText('本事项需缴纳费用 ¥10.00，缴费后办理继续。').waitFor();
    await expectNoSeriousViolations(page, 'application with a fee due');
    await fee.getByRole('button', { name: '缴纳 ¥10.00' }).click();
    await page.waitForURL(`${provider.url}/cashier/**`);
    await page.getByRole('button', { name: /确认支付/ }).click();
    await page.waitForURL(`${siteUrl}/payments/orders/**`);
    await page.getByRole('heading', { level: 1, name: '缴费成功' }).waitFor();
    await page.getByRole('link', { name: '返回办件' }).click();
    await page.waitForURL(`**/applications/${id}`);
    await page.getByText('费用 ¥10.00 已缴纳。').waitFor();
  });
});

describe('receipts', () => {
  it('the payment of two bills shows the receipt; the printable receipt and its PDF carry the order number', async () => {
    // The cancelled order above paid both bills; bind-free check on its receipt from the history.
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto('/payments/orders');
    await page.getByRole('heading', { level: 1, name: '缴费记录' }).waitFor();
    await expectNoSeriousViolations(page, 'payment history');
    const paid = page.locator('.order-item').filter({ hasText: '已支付' }).filter({ hasText: TOTAL });
    await paid.getByRole('link', { name: /等 2 项/ }).click();
    await page.getByRole('heading', { level: 1, name: '缴费成功' }).waitFor();
    const orderNo = (await page.locator('.receipt-card__facts dd.mono').first().textContent())!.trim();
    expect(orderNo).toMatch(/^\S{8,}$/);
    const lines = page.getByRole('table', { name: '缴费项目和金额' });
    await lines.getByText('¥38.50').waitFor();
    await lines.getByText('¥531.00').waitFor();
    await lines.getByText(TOTAL).waitFor();
    await page.getByText('张*', { exact: true }).waitFor();
    await expectNoSeriousViolations(page, 'payment result');

    await page.getByRole('link', { name: '打印凭证' }).click();
    await page.getByRole('heading', { level: 1, name: '电子缴费凭证' }).waitFor();
    await page.getByRole('img', { name: '核验本凭证的二维码' }).waitFor();
    await expectNoSeriousViolations(page, 'printable receipt');
    await screenshot(page, 'payments-receipt.png');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载 PDF' }).click();
    const file = await (await download).path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    expect(text).toContain(orderNo);
    expect(text).toContain('电子缴费凭证');

    // The check code on the receipt checks it on the public page, signed out.
    const code = (await page.locator('.receipt-card__check-code').textContent())!.trim();
    const anyone = await freshPage(360);
    await anyone.goto(`/payments/receipts/check?orderNo=${orderNo}&code=${code}`);
    await anyone.getByRole('heading', { name: '凭证真实有效，内容如下' }).waitFor();
    await expectNoSeriousViolations(anyone, 'receipt check');
    expect(await hasHorizontalScroll(anyone)).toBe(false);
  });
});
