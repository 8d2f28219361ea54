// Issue 9's whole journey, in the browser: demo-resident finds 开办餐饮店一件事, fills the merged
// form, uploads a file and submits; demo-clerk accepts it once for all six services (一窗受理); the
// reviewer asks for a supplement; the resident fixes it; every member department approves (the
// market regulator in the browser, the others through their API); the resident finds the
// certificates in the wallet and checks one on the public page. axe on every page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** The merged form's answers that the registers do not fill. */
const ANSWERS: Record<string, string> = {
  enterpriseName: '上海张记小馆餐饮有限公司',
  registeredCapital: '50',
  businessScope: '餐饮服务；食品销售',
  enterpriseAddress: '上海市虹口区嘉兴路街道海宁路358号',
  businessAddress: '上海市虹口区嘉兴路街道海宁路358号1楼',
  operatingArea: '120',
  foodSafetyManager: '张三',
  fireSafetyManager: '张三',
  dailyDischarge: '3',
  taxOfficerName: '张三',
  signText: '张记小馆',
  signWidth: '4',
  signHeight: '1',
};
const CHOICES: Record<string, string> = {
  companyType: '有限责任公司',
  operationType: '餐饮服务经营者',
  venueType: '餐饮场所',
  dischargeType: '餐饮',
  accountingSystem: '小企业会计准则',
};

async function apiAs(username: string) {
  const { me, call } = await apiSession(journey.server.baseUrl, username);
  return {
    /** Works every open task of the application in this officer's queue, one step each. */
    async workOpenTasks(applicationId: string): Promise<number> {
      const queue = (await (await call('GET', '/api/v1/workbench/tasks?limit=100')).json()) as {
        items: { id: string; kind: string; role: string; application: { id: string } }[];
      };
      // The office's queue shows every post's tasks; this officer works those of their own posts.
      const roles = new Set(me.staff.map((post) => post.role));
      const mine = queue.items.filter(
        (task) => task.application.id === applicationId && roles.has(task.role),
      );
      for (const task of mine) {
        const action = task.kind === 'review' ? 'pass' : task.kind === 'decision' ? 'approve' : 'complete';
        const response = await call('POST', `/api/v1/workbench/tasks/${task.id}/actions`, { action });
        expect(response.status, await response.text()).toBe(200);
      }
      return mine.length;
    },
  };
}

async function openInWorkbench(page: Page, receiptNo: string) {
  await page.getByRole('link', { name: '工作台' }).click();
  await page.getByRole('heading', { level: 1, name: '办件队列' }).waitFor();
  await page.getByLabel('受理编号', { exact: true }).fill(receiptNo);
  await page.getByRole('button', { name: '查找' }).click();
  await page
    .getByRole('link', { name: `打开办件 ${receiptNo}` })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: `办件 ${receiptNo}` }).waitFor();
}

async function actAndConfirm(page: Page, action: string) {
  await page
    .getByRole('group', { name: /的操作$/ })
    .first()
    .getByRole('button', { name: action, exact: true })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('开办餐饮店一件事, from the front door to a verified certificate', () => {
  it('files once, is worked by six services of five departments, and ends in the wallet', async () => {
    // The resident finds the bundle by what people call it.
    const resident = await freshPage();
    await signIn(resident, 'demo-resident');
    await resident.goto('/services?q=开饭店');
    await resident.getByRole('link', { name: '开办餐饮店一件事' }).first().click();
    await resident.getByRole('heading', { level: 1, name: '开办餐饮店一件事' }).waitFor();
    await resident.getByRole('link', { name: '在线办理' }).click();
    await resident.getByRole('heading', { level: 1, name: '申请：开办餐饮店一件事' }).waitFor();
    await resident.getByText(/已为您预填 \d+ 项，共 \d+ 项/).waitFor();
    await expectNoSeriousViolations(resident, 'bundle apply page');

    // One merged form: each piece of information asked once.
    for (const [field, value] of Object.entries(ANSWERS)) {
      const input = resident.locator(`#apply-${field}`);
      if (await input.isEditable()) await input.fill(value);
    }
    for (const [field, label] of Object.entries(CHOICES))
      await resident.locator(`#apply-${field}`).selectOption({ label });
    await resident.getByLabel('告知承诺', { exact: true }).check();
    await resident.getByLabel('本单位承诺所填信息真实并符合各项许可条件').check();
    const mobile = resident.locator('#apply-mobile');
    if ((await mobile.inputValue()) === '') await mobile.fill('13812345678');
    const taxOfficerId = resident.locator('#apply-taxOfficerIdNumber');
    if ((await taxOfficerId.inputValue()) === '')
      await taxOfficerId.fill(await resident.locator('#apply-legalRepIdNumber').inputValue());

    // A material the government does not hold: uploaded once.
    await resident.locator('input[type="file"]').first().setInputFiles({
      name: '租赁合同.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await resident.getByRole('link', { name: /查看 租赁合同\.pdf/ }).waitFor();

    await resident.getByRole('button', { name: '提交申请' }).click();
    await resident.waitForURL(/\/applications\/[0-9a-f-]+\?submitted=1$/, { timeout: 20_000 });
    const receiptNo = (await resident.locator('.receipt__number .mono').innerText()).trim();
    expect(receiptNo).toMatch(/^SH-\d{8}-\d{6}$/);
    const applicationId = new URL(resident.url()).pathname.split('/').pop()!;
    await expectNoSeriousViolations(resident, 'bundle receipt');

    // 一窗受理: the market regulator's window clerk accepts it once, for all six services.
    const clerk = await freshPage();
    await signIn(clerk, 'demo-clerk');
    await openInWorkbench(clerk, receiptNo);
    await expectNoSeriousViolations(clerk, 'bundle in the workbench');
    await actAndConfirm(clerk, '受理');
    await clerk
      .getByRole('status')
      .filter({ hasText: `已受理 ${receiptNo}` })
      .waitFor();

    // The reviewer (business licence) asks, once, for everything that needs fixing.
    const reviewer = await freshPage();
    await signIn(reviewer, 'demo-reviewer');
    await openInWorkbench(reviewer, receiptNo);
    await reviewer.getByRole('button', { name: '要求补正' }).first().click();
    await reviewer.getByRole('button', { name: '添加表单项' }).click();
    await reviewer.getByLabel('表单项', { exact: true }).selectOption({ label: '经营范围' });
    await reviewer.getByLabel('原因及要求').first().fill('经营范围请按规范表述，写明“餐饮服务（不含生食）”');
    await reviewer.getByRole('button', { name: '发送补正通知' }).click();
    await reviewer.getByRole('status').filter({ hasText: '已向申请人一次性告知补正内容' }).waitFor();

    // The resident sees the one-time list, fixes exactly that field and resubmits.
    await resident.goto(`/applications/${applicationId}`);
    const supplement = resident.locator('.supplement');
    await supplement.getByRole('heading', { name: '补正清单（一次性告知）' }).waitFor();
    const scope = supplement.getByRole('textbox', { name: '经营范围', exact: true });
    expect(await scope.isEditable()).toBe(true);
    expect(await supplement.getByRole('textbox', { name: '企业名称', exact: true }).isEditable()).toBe(false);
    await expectNoSeriousViolations(resident, 'bundle supplement');
    await scope.fill('餐饮服务（不含生食）；食品销售');
    await supplement.getByRole('button', { name: '提交补正' }).click();
    await resident.getByText('补正已提交，部门将继续办理。').waitFor();

    // Every member department works its part in parallel: the market regulator in the browser…
    await reviewer.reload();
    await reviewer.getByRole('heading', { level: 1, name: `办件 ${receiptNo}` }).waitFor();
    await actAndConfirm(reviewer, '审查通过');
    await reviewer.getByRole('status').filter({ hasText: '审查通过' }).waitFor();
    const marketReviewer = await apiAs('demo-reviewer');
    await marketReviewer.workOpenTasks(applicationId);
    const approver = await freshPage();
    await signIn(approver, 'demo-approver');
    await openInWorkbench(approver, receiptNo);
    await actAndConfirm(approver, '准予');
    await approver.getByRole('status').filter({ hasText: '准予' }).waitFor();
    await (await apiAs('demo-approver')).workOpenTasks(applicationId);

    // …and fire, water, tax and housing-construction through their systems.
    for (const officer of ['demo-fire', 'demo-water', 'demo-tax', 'demo-housing']) {
      const session = await apiAs(officer);
      // Review then decision (a pledge or a plain sign goes straight to the decision).
      for (let step = 0; step < 3; step += 1) if ((await session.workOpenTasks(applicationId)) === 0) break;
    }

    // The resident: approved, each member's result, and the certificates in the wallet.
    await resident.goto(`/applications/${applicationId}`);
    await resident.locator('.application-header').getByText('已办结').waitFor();
    await expectNoSeriousViolations(resident, 'bundle approved');
    await resident.goto('/me/certificates');
    await resident.getByText('营业执照').first().waitFor();
    await resident.getByText('食品经营许可证').first().waitFor();
    await expectNoSeriousViolations(resident, 'wallet');
    await resident.getByRole('link', { name: '查看 食品经营许可证' }).first().click();
    await resident.getByText('电子签名校验通过').waitFor();
    await resident.getByRole('link', { name: '在公开核验页查看' }).click();
    await resident.waitForURL('**/verify/**');
    await expect.poll(() => resident.locator('.verify-verdict').innerText()).toBe('该证照真实有效。');
    await expectNoSeriousViolations(resident, 'public check');
  }, 240_000);
});
