// Applying online (网上申请) and following the application: demo-resident applies for
// 个体工商户设立登记 (SAMR-0002): an empty submit shows the errors at the fields and in the summary;
// the form is filled, a PDF uploaded and pick-up at an office chosen; a reload midway restores the
// draft; the submit gives a receipt (受理编号, promised date); the application is in 我的办件 and its
// page shows the timeline. The office accepts and the reviewer asks for one field to be corrected:
// the resident sees the one-time list, only that field can be changed, fixes it and sends it.
// Another application is withdrawn. axe on every page; screenshots of apply, receipt and detail.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';
import { REPO_ROOT } from './support/server.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

async function screenshot(page: Page, file: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true });
}

/** A staff member's session for API calls (cookie + CSRF), in a page of its own. */
async function staffApi(username: string) {
  const page = await freshPage();
  await signIn(page, username);
  const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  return {
    async openTask(applicationId: string) {
      const response = await page.request.get('/api/v1/workbench/tasks?limit=100');
      expect(response.status()).toBe(200);
      const items = ((await response.json()) as { items: { id: string; application: { id: string } }[] })
        .items;
      const task = items.find((item) => item.application.id === applicationId);
      expect(task, `${username} has a task of the application`).toBeDefined();
      return task!.id;
    },
    async act(taskId: string, body: Record<string, unknown>) {
      const response = await page.request.post(`/api/v1/workbench/tasks/${taskId}/actions`, {
        headers,
        data: body,
      });
      expect(response.status(), await response.text()).toBe(200);
    },
  };
}

const draftStatus = (page: Page) => page.locator('.draft-status__text');

describe('applying online', () => {
  it('files SAMR-0002 with a draft, a file and pick-up, then answers a supplement', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');

    await page.goto('/services/SAMR-0002');
    await page.getByRole('heading', { level: 1, name: '个体工商户设立登记' }).waitFor();
    await page.getByRole('link', { name: '在线办理' }).click();
    await page.waitForURL('**/services/SAMR-0002/apply');
    await page.getByRole('heading', { level: 1, name: '申请：个体工商户设立登记' }).waitFor();
    await page.getByText(/已为您预填 \d+ 项，共 \d+ 项；\d+ 份材料无需提交/).waitFor();
    // The operator is the resident: the name comes locked from the population register.
    await expect
      .poll(() => page.getByRole('textbox', { name: '经营者姓名', exact: true }).inputValue())
      .toBe('张三');
    await page
      .getByText(/无需提交 — 由/)
      .first()
      .waitFor();
    await expectNoSeriousViolations(page, 'apply page');

    // An empty submit: errors at the fields and in the summary, which takes focus.
    await page.getByRole('button', { name: '提交申请' }).click();
    const summary = page.locator('.service-form .error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((box) => box === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: /经营场所：此项为必填项/ }).waitFor();
    await page.locator('.field--error', { hasText: '经营范围' }).getByText('此项为必填项').waitFor();
    await expectNoSeriousViolations(page, 'apply page with errors');

    await page.getByRole('textbox', { name: '经营场所', exact: true }).fill('上海市虹口区嘉兴路 88 号底层');
    await page.getByRole('textbox', { name: '经营范围', exact: true }).fill('日用百货零售');
    await page.getByLabel('个人经营').check();
    await page.getByLabel('本人承诺所填信息真实有效').check();
    const mobile = page.getByRole('textbox', { name: '联系电话', exact: true });
    if ((await mobile.inputValue()) === '') await mobile.fill('13812345678');

    await page.getByLabel('经营场所使用证明（必须提交）', { exact: true }).setInputFiles({
      name: '租赁合同.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('link', { name: /查看 租赁合同\.pdf/ }).waitFor();

    await page.getByLabel('窗口自取').check();
    const office = page.getByLabel('领取窗口');
    await office.waitFor();
    await office.selectOption({ label: '虹口区 · 虹口区市场监管局' });
    await expect
      .poll(() => draftStatus(page).innerText(), { timeout: 10_000 })
      .toMatch(/^已保存草稿 \d{2}:\d{2}$/);

    // Reload midway: the draft comes back, with the file and the office.
    await page.reload();
    await page.getByText('已恢复你上次保存的草稿。').waitFor();
    await expect
      .poll(() => page.getByRole('textbox', { name: '经营场所', exact: true }).inputValue())
      .toBe('上海市虹口区嘉兴路 88 号底层');
    await expect
      .poll(() => page.getByRole('textbox', { name: '经营范围', exact: true }).inputValue())
      .toBe('日用百货零售');
    await page.getByRole('link', { name: /查看 租赁合同\.pdf/ }).waitFor();
    expect(await page.getByLabel('窗口自取').isChecked()).toBe(true);
    expect(await page.getByLabel('本人承诺所填信息真实有效').isChecked()).toBe(true);
    await screenshot(page, 'apply.png');

    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]+\?submitted=1$/);
    const receipt = page.locator('.receipt');
    await receipt.getByRole('heading', { name: '申请已提交' }).waitFor();
    const receiptNo = (await receipt.locator('.receipt__number .mono').innerText()).trim();
    expect(receiptNo).toMatch(/^SH-\d{8}-\d{6}$/);
    await receipt.getByText('承诺办结日期').waitFor();
    expect(await receipt.locator('.receipt__date').innerText()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await receipt.getByText('办结后请到你选择的窗口领取结果。').waitFor();
    await expectNoSeriousViolations(page, 'receipt');
    await screenshot(page, 'application-receipt.png');
    const applicationId = new URL(page.url()).pathname.split('/').pop()!;

    await page.goto('/applications');
    await page.getByRole('heading', { level: 1, name: '我的办件' }).waitFor();
    const item = page.locator('.application-item', { hasText: receiptNo });
    await item.getByRole('link', { name: '个体工商户设立登记' }).waitFor();
    await item.getByText('办理中').waitFor();
    // The draft was used up by the submit.
    expect(await page.getByRole('heading', { name: '未提交的草稿' }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'my applications');

    await item.getByRole('link', { name: '个体工商户设立登记' }).click();
    await page.waitForURL(`**/applications/${applicationId}`);
    await page.getByRole('heading', { level: 2, name: '办理过程' }).waitFor();
    await page.locator('.timeline').getByText('提交申请').waitFor();
    await page.getByRole('heading', { level: 2, name: '当前办理环节' }).waitFor();
    await page.getByRole('link', { name: '租赁合同.pdf' }).waitFor();
    await page.getByText('无需操作。部门正在办理，有进展会通知你。').waitFor();
    await expectNoSeriousViolations(page, 'application detail');

    // The office accepts; the reviewer asks for one field to be corrected.
    const clerk = await staffApi('demo-clerk');
    await clerk.act(await clerk.openTask(applicationId), { action: 'accept' });
    const reviewer = await staffApi('demo-reviewer');
    await reviewer.act(await reviewer.openTask(applicationId), {
      action: 'request_supplement',
      items: [{ field: 'businessScope', reason: '请写明具体经营项目，如“日用百货、文具零售”' }],
    });

    await page.reload();
    const supplement = page.locator('.supplement');
    await supplement.getByRole('heading', { name: '补正清单（一次性告知）' }).waitFor();
    await supplement.getByText('请写明具体经营项目，如“日用百货、文具零售”').first().waitFor();
    await page.locator('.timeline').getByText('一次性告知补正').waitFor();
    const scope = supplement.getByRole('textbox', { name: '经营范围', exact: true });
    expect(await scope.isEditable()).toBe(true);
    expect(await supplement.getByRole('textbox', { name: '经营场所', exact: true }).isEditable()).toBe(false);
    await expectNoSeriousViolations(page, 'application with a supplement');
    await screenshot(page, 'application-detail.png');

    await scope.fill('日用百货、文具零售');
    await supplement.getByRole('button', { name: '提交补正' }).click();
    await page.getByText('补正已提交，部门将继续办理。').waitFor();
    await page.locator('.timeline').getByText('已补正').waitFor();
    expect(await page.locator('.supplement').count()).toBe(0);
    await page.locator('.application-header').getByText('办理中').waitFor();
    await expectNoSeriousViolations(page, 'application after the supplement');
  });

  it('withdraws a fresh application after asking once more', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const prefill = (await (await page.request.get('/api/v1/services/SAMR-0002/prefill')).json()) as {
      fields: Record<string, { value: unknown }>;
    };
    const data = {
      ...Object.fromEntries(Object.entries(prefill.fields).map(([name, fill]) => [name, fill.value])),
      businessAddress: '上海市虹口区嘉兴路 90 号',
      businessScope: '文具零售',
      organisationForm: 'individual',
      mobile: '13812345678',
      pledge: true,
    };
    const filed = await page.request.post('/api/v1/applications', {
      headers: { 'x-csrf-token': me.csrfToken, 'idempotency-key': `e2e-withdraw-${Date.now()}` },
      data: { serviceId: 'SAMR-0002', data },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const { id } = (await filed.json()) as { id: string };

    await page.goto(`/applications/${id}`);
    await page.getByRole('heading', { level: 2, name: '撤回申请' }).waitFor();
    await page.getByLabel('撤回原因（选填）').fill('信息填写有误，将重新申请');
    await page.getByRole('button', { name: '撤回申请' }).click();
    const dialog = page.getByRole('dialog', { name: '确定撤回这份申请吗？' });
    await dialog.waitFor();
    await expectNoSeriousViolations(page, 'withdraw dialog');
    await dialog.getByRole('button', { name: '确定撤回' }).click();
    await page.getByText('申请已撤回。').waitFor();
    await page.locator('.application-header').getByText('已撤回').waitFor();
    await page.locator('.timeline').getByText('信息填写有误，将重新申请').waitFor();
    expect(await page.getByRole('heading', { name: '撤回申请' }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'withdrawn application');

    // And in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
    await page.locator('.application-header').getByText('Withdrawn').waitFor();
    await expectNoSeriousViolations(page, 'withdrawn application in English');
  });
});
