// My data: demo-resident opens 社保缴费记录 (served by the stand-alone demo department server,
// started here as its own process), then 用数记录, finds the read it just caused, exports CSV and
// files an objection; the vehicles page offers 缴纳罚款 for processed, unpaid fines only; axe on each page;
// screenshots into docs/screenshots. With the department server stopped, the page says so.
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnDepartmentServer, type SpawnedDepartmentServer } from '../demo/department-server/spawn.ts';
import { launchBrowser, newContext, seriousAxeViolations, signIn } from './support/browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from './support/server.ts';

let department: SpawnedDepartmentServer;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  department = await spawnDepartmentServer({ latency: '30-120', errorRate: 0 });
  server = await startServer({
    env: {
      TONGBAN_DEPARTMENT_SERVER_URL: department.url,
      TONGBAN_DEPARTMENT_API_KEY: department.apiKey,
      TONGBAN_DEPARTMENT_BREAKER_HALF_OPEN_MS: '500',
    },
  });
  browser = await launchBrowser();
}, 150_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await department?.stop();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function freshPage(): Promise<Page> {
  const context = await newContext(browser, server.baseUrl, { viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function expectNoSeriousViolations(page: Page, what: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${what}:\n${violations.join('\n')}`).toEqual([]);
}

const screenshot = (page: Page, file: string) =>
  page.screenshot({ path: join(REPO_ROOT, 'docs/screenshots', file), fullPage: true });

describe('my data and who used it', () => {
  it('shows the contribution record, the read it caused, a CSV export and an objection', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto('/me');
    await page.getByRole('link', { name: '我的数据', exact: true }).click();
    await page.waitForURL('**/data');
    await expectNoSeriousViolations(page, 'data hub');
    await page.getByRole('link', { name: '社保缴费记录' }).click();
    await page.waitForURL('**/data/social-insurance');
    await page.getByRole('heading', { level: 1, name: '社保缴费记录' }).waitFor();
    await page.getByText('数据来源：社会保险（人社局）').waitFor();
    await page.getByText('正常参保').waitFor();
    await page
      .locator('table caption')
      .getByText(/最近 36 个月的缴费记录/)
      .waitFor();
    await expectNoSeriousViolations(page, 'social insurance');
    await screenshot(page, 'data-social-insurance.png');

    await page.getByRole('link', { name: '用数记录' }).first().click();
    await page.waitForURL('**/data/access');
    const latest = page.locator('.item-list > .item').first();
    await latest.getByRole('heading', { name: /本人查询$/ }).waitFor();
    await latest.getByText('社会保险（人社局）').waitFor();
    await latest.getByText('本人查询社保缴费记录').waitFor();
    await expectNoSeriousViolations(page, 'access records');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /导出 CSV/ }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const csv = Buffer.concat(text as Buffer[]);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.toString('utf8')).toContain('本人查询社保缴费记录');

    await latest.getByRole('button', { name: '有异议' }).click();
    await latest.getByLabel('请说明您认为哪里不对').fill('我没有在这个时间查询过社保');
    await latest.getByRole('button', { name: '提交异议' }).click();
    await latest.getByText('已提交异议，平台管理员会尽快答复。').waitFor();
    await expectNoSeriousViolations(page, 'objection filed');
    await screenshot(page, 'data-access-records.png');

    // The admins see it with the record attached.
    const admin = await freshPage();
    await signIn(admin, 'demo-admin');
    await admin.goto('/admin/sharing/objections');
    await admin.getByText('我没有在这个时间查询过社保').waitFor();
    await expectNoSeriousViolations(admin, 'objections admin');
  });

  it('lists traffic violations with their fines; only processed, unpaid fines have a payment button', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto('/data/vehicles');
    const table = page.getByRole('table', { name: '交通违法记录' });
    await table.waitFor();
    const due = table.getByRole('row').filter({ hasText: '已处理，待缴款' });
    await due
      .first()
      .getByRole('button', { name: /^缴纳 .* 的罚款/ })
      .waitFor();
    expect(await table.getByRole('button', { name: /^缴纳 .* 的罚款/ }).count()).toBe(await due.count());
    await page.getByText(/已处理、待缴纳的罚款可以点“缴纳罚款”在线缴纳/).waitFor();
    await expectNoSeriousViolations(page, 'vehicles');
  });

  it('grants an app consent and revokes it', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto('/data/consents');
    await page.getByText('您还没有授权任何应用。').waitFor();
    await expectNoSeriousViolations(page, 'consents');
    const form = page.getByRole('form', { name: '授权 健康随申助手（演示）' });
    await form.getByLabel('参保状态').check();
    await form.getByLabel('个人账户余额').check();
    await form.getByLabel('用途').fill('在健康助手里查看医保余额');
    await form.getByRole('button', { name: '同意授权' }).click();
    await page.getByText('已授权。').waitFor();
    const mine = page.getByRole('region', { name: '我的授权' });
    await mine.getByText('有效', { exact: true }).waitFor();
    await mine.getByRole('button', { name: '撤销授权' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '撤销授权' }).click();
    await page.getByText('已撤销授权，该应用不能再读取这些数据。').waitFor();
    await mine.getByText('已撤销', { exact: true }).waitFor();
    await expectNoSeriousViolations(page, 'consent revoked');
  });

  it('lets an admin see the sharing catalogue and propose a change for review', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-admin');
    await page.goto('/admin/sharing');
    await page.getByLabel('搜索（规则编号、事项编码、用途）').fill('HRSS-0005');
    await page.getByRole('button', { name: '搜索' }).click();
    const rule = page.locator('.item-list > .item').filter({ hasText: 'form:HRSS-0005:social_insurance' });
    await rule.getByText('社保卡金融账号').waitFor();
    await expectNoSeriousViolations(page, 'sharing catalogue');
    await rule.getByRole('button', { name: '提出变更' }).click();
    await rule.getByLabel('变更说明').fill('演示：去掉社保卡金融账号');
    await rule.getByLabel('社保卡金融账号').uncheck();
    await rule.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交，等待另一位管理员审核。').waitFor();
    await page.locator('.item-list > .item').filter({ hasText: '待审核' }).first().waitFor();
    await expectNoSeriousViolations(page, 'change proposed');
    await screenshot(page, 'admin-sharing.png');
  });

  it('says the department system is unavailable when it is down', async () => {
    await department.control({ errorRate: 1 });
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto('/data/social-insurance');
    await page.getByRole('alert').getByText('部门系统暂时无法访问，请稍后再试。', { exact: false }).waitFor();
    await expectNoSeriousViolations(page, 'unavailable');
    await department.control({ errorRate: 0 });
  });
});
