// The staff workbench: an application filed online by demo-resident (个体工商户设立登记) is accepted
// by the window clerk, sent back once for a supplement by the reviewer (one field, one material),
// fixed by the resident, passed and approved, and ends 已办结 with a certificate in its history; a
// clerk of another district neither sees it nor can open it; a clerk files for a resident at the
// counter and gets a receipt. axe on every page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPopulation } from '../demo/population.ts';
import { sampleFormData } from '../test/support/form-samples.ts';
import { apiSession, type ApiSession } from './support/api-session.ts';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

async function fileAsResident(resident: ApiSession): Promise<{ id: string; receiptNo: string }> {
  const service = (await (await resident.call('GET', '/api/v1/services/SAMR-0002')).json()) as {
    id: string;
    definition: { form: { schema: Record<string, unknown> } };
  };
  const response = await resident.call(
    'POST',
    '/api/v1/applications',
    {
      serviceId: service.id,
      data: sampleFormData(service.definition.form.schema, {
        tradeName: '张记小吃',
        businessAddress: '上海市虹口区嘉兴路街道海宁路',
      }),
    },
    { 'idempotency-key': `workbench-e2e-${Date.now()}` },
  );
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; receiptNo: string };
}

const row = (page: Page, receiptNo: string) =>
  page.locator('.queue-table tbody tr', { has: page.getByRole('link', { name: `打开办件 ${receiptNo}` }) });

async function openApplication(page: Page, receiptNo: string) {
  await page.getByRole('link', { name: '工作台' }).click();
  await page.getByRole('heading', { level: 1, name: '办件队列' }).waitFor();
  await page.getByLabel('受理编号', { exact: true }).fill(receiptNo);
  await page.getByRole('button', { name: '查找' }).click();
  await row(page, receiptNo).waitFor();
  await page.getByRole('link', { name: `打开办件 ${receiptNo}` }).click();
  await page.getByRole('heading', { level: 1, name: `办件 ${receiptNo}` }).waitFor();
}

/** Presses an action button, then the same-named confirm button of the dialog. */
async function actAndConfirm(page: Page, action: string, done: string) {
  await page
    .getByRole('group', { name: /的操作$/ })
    .getByRole('button', { name: action, exact: true })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('status').filter({ hasText: done }).waitFor();
}

describe('staff workbench', () => {
  it('works an application from the queue to a certificate, with one supplement on the way', async () => {
    const resident = await apiSession(journey.server.baseUrl, 'demo-resident');
    const { id, receiptNo } = await fileAsResident(resident);

    // The window clerk sees it in the queue with its deadline, opens and accepts it.
    const clerk = await freshPage();
    await signIn(clerk, 'demo-clerk');
    await clerk.getByRole('link', { name: '工作台' }).click();
    await clerk.getByRole('heading', { level: 1, name: '办件队列' }).waitFor();
    await row(clerk, receiptNo).waitFor();
    await expect
      .poll(() => row(clerk, receiptNo).locator('.time-badge').innerText())
      .toMatch(/剩余 \d+ 个工作日|即将到期|今日到期/);
    await expect.poll(() => row(clerk, receiptNo).innerText()).toContain('张三');
    await clerk.getByRole('heading', { name: '本窗口办件数据' }).waitFor();
    await expectNoSeriousViolations(clerk, 'queue');

    await clerk.getByRole('link', { name: `打开办件 ${receiptNo}` }).click();
    await clerk.getByRole('heading', { level: 1, name: `办件 ${receiptNo}` }).waitFor();
    await clerk.getByText('已作为一次用数记录登记').waitFor();
    await clerk.getByText('张记小吃').waitFor();
    await expectNoSeriousViolations(clerk, 'application, acceptance');
    await actAndConfirm(clerk, '受理', `已受理 ${receiptNo}。`);

    // The reviewer lists everything to fix at once: one field and one material.
    const reviewer = await freshPage();
    await signIn(reviewer, 'demo-reviewer');
    await openApplication(reviewer, receiptNo);
    await reviewer.getByRole('button', { name: '要求补正' }).click();
    await reviewer.getByRole('button', { name: '添加表单项' }).click();
    await reviewer.getByLabel('表单项', { exact: true }).selectOption({ label: '经营场所' });
    await reviewer.getByLabel('原因及要求').first().fill('经营场所地址须写到门牌号');
    await reviewer.getByRole('button', { name: '添加材料' }).click();
    await reviewer.getByLabel('材料名称').fill('经营场所使用证明');
    await reviewer.getByLabel('原因及要求').nth(1).fill('请上传租赁合同');
    const preview = reviewer.locator('.supplement-preview');
    await expect.poll(() => preview.innerText()).toContain('表单项“经营场所”：经营场所地址须写到门牌号');
    await expect.poll(() => preview.innerText()).toContain('材料“经营场所使用证明”：请上传租赁合同');
    await expectNoSeriousViolations(reviewer, 'supplement builder');
    await reviewer.getByRole('button', { name: '发送补正通知' }).click();
    await reviewer.getByRole('status').filter({ hasText: '已向申请人一次性告知补正内容' }).waitFor();
    await reviewer.getByText('第 1 次补正告知').waitFor();

    // The queue shows it paused while the resident fixes it.
    await reviewer.getByRole('link', { name: '返回办件队列' }).click();
    await reviewer.getByLabel('受理编号', { exact: true }).fill(receiptNo);
    await reviewer.getByRole('button', { name: '查找' }).click();
    await expect
      .poll(() => row(reviewer, receiptNo).locator('.time-badge').innerText())
      .toBe('等待补正，计时暂停');

    const fixed = await resident.call('POST', `/api/v1/applications/${id}/supplement`, {
      data: { businessAddress: '上海市虹口区嘉兴路街道海宁路358号' },
    });
    expect(fixed.status).toBe(200);

    await reviewer.getByRole('link', { name: `打开办件 ${receiptNo}` }).click();
    await reviewer.getByRole('heading', { level: 1, name: `办件 ${receiptNo}` }).waitFor();
    await reviewer.getByText('上海市虹口区嘉兴路街道海宁路358号').waitFor();
    await actAndConfirm(reviewer, '审查通过', `${receiptNo} 审查通过`);

    // The approver approves: finished, with the certificate's number in the history.
    const approver = await freshPage();
    await signIn(approver, 'demo-approver');
    await openApplication(approver, receiptNo);
    await actAndConfirm(approver, '准予', `已准予 ${receiptNo}。`);
    await approver.locator('.workbench-application__service').getByText('已办结（准予）').waitFor();
    const history = approver.locator('.history');
    await expect.poll(() => history.innerText()).toContain('发放电子证照');
    await expect.poll(() => history.innerText()).toMatch(/证照编号 SH-[A-Z0-9]+-\d{4}-\d+/);
    await expect.poll(() => history.innerText()).toContain('一次性告知补正');
    await expectNoSeriousViolations(approver, 'application, finished');

    // A clerk of another district neither sees it nor can open it.
    const pudong = await freshPage();
    await signIn(pudong, 'demo-clerk-pudong');
    await pudong.goto(`/workbench?view=done&q=${receiptNo}`);
    await pudong.getByText('这里暂时没有任务。').waitFor();
    await pudong.goto(`/workbench?q=${receiptNo}`);
    await pudong.getByText('这里暂时没有任务。').waitFor();
    await pudong.goto(`/workbench/applications/${id}`);
    await pudong.getByRole('heading', { level: 1, name: '找不到该页面' }).waitFor();
    await expectNoSeriousViolations(pudong, 'not found for another district');
  });

  it('files at the counter for a resident who is present, and gives a receipt', async () => {
    const residentId = demoPopulation().idNumbers['lisi']!;
    const page = await freshPage();
    await signIn(page, 'demo-clerk');
    await page.goto('/workbench/counter');
    await page.getByRole('heading', { level: 1, name: '窗口帮办代办' }).waitFor();
    await page.getByLabel('事项名称或关键词').fill('个体工商户');
    await page.getByRole('button', { name: '查找事项' }).click();
    await page.getByRole('button', { name: /个体工商户设立登记/ }).click();
    await page.getByText('已选择：个体工商户设立登记').waitFor();

    await page.getByLabel('申请人身份号码').fill(residentId);
    await page.locator('#counter-form-operatorName').waitFor();
    await expectNoSeriousViolations(page, 'counter form');
    await page.locator('#counter-form-operatorName').fill('李四');
    await page.locator('#counter-form-operatorIdNumber').fill(residentId);
    await page.locator('#counter-form-businessAddress').fill('上海市普陀区石泉路155弄3号底商');
    await page.locator('#counter-form-businessScope').fill('小吃服务');
    await page.getByLabel('个人经营').check();
    await page.locator('#counter-form-mobile').fill('13900139000');
    await page.getByLabel('本人承诺所填信息真实有效').check();
    await page.getByRole('button', { name: '下一步：请申请人核对' }).click();

    await page.getByText('申请人本人确认：以上内容真实、准确').waitFor();
    await page.getByRole('button', { name: '代为提交申请' }).click();
    await page.getByRole('link', { name: '请选择申请人的确认方式' }).waitFor();
    await expectNoSeriousViolations(page, 'counter confirmation with errors');
    await page.getByLabel('签字板签名').check();
    await page.getByLabel('签名记录编号').fill('SIG-2026-0001');
    await page.getByLabel('申请人已核对并本人确认上述内容').check();
    await page.getByRole('button', { name: '代为提交申请' }).click();

    await page.getByRole('heading', { level: 1, name: '受理回执' }).waitFor();
    const receipt = page.locator('.counter-receipt');
    await expect.poll(() => receipt.innerText()).toMatch(/SH-\d{8}-\d{6}/);
    await expect.poll(() => receipt.innerText()).toContain('个体工商户设立登记');
    await expect.poll(() => receipt.innerText()).toMatch(/个工作日内/);
    await expectNoSeriousViolations(page, 'counter receipt');
  });

  it('speaks English, and is not offered to residents', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-reviewer');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Workbench' }).click();
    await page.getByRole('heading', { level: 1, name: 'Task queue' }).waitFor();
    await page.getByRole('heading', { name: 'Office figures' }).waitFor();
    await expectNoSeriousViolations(page, 'queue in English');

    const resident = await freshPage();
    await signIn(resident, 'demo-resident');
    expect(await resident.getByRole('link', { name: '工作台' }).count()).toBe(0);
    await resident.goto('/workbench');
    await resident.getByRole('heading', { level: 1, name: '无权使用工作台' }).waitFor();
  });
});
