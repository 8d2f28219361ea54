// 政策找企业, 免申即享: demo-admin opens the policy library, changes the rule of the 免申即享
// job-keeping grant (tests it with a dry run first), and the enterprises are matched again by the
// background job; demo-enterprise (agent of the canteen, now eligible) sees the benefit on its
// policies page once — and still once after the admin has the job run again. Axe on every page.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

const POLICY = '虹口区小微企业稳岗补贴（免申即享，演示）';
const RULE = {
  all: [
    { field: 'district', op: 'eq', value: '310109' },
    { field: 'sizeClass', op: 'in', value: ['micro', 'small'] },
    { field: 'taxCreditRating', op: 'in', value: ['A', 'B'] },
  ],
};

interface PolicyState {
  id: string;
  code: string;
  ruleVersion: number;
  lastRun: { ruleVersion: number; trigger: string; startedAt: string; finishedAt: string | null } | null;
}

async function policyState(page: Page): Promise<PolicyState> {
  const response = await page.request.get('/api/v1/desk/policy-library');
  const items = ((await response.json()) as { items: PolicyState[] }).items;
  return items.find((p) => p.code === 'HK-2026-002')!;
}

async function benefitRows(page: Page) {
  await page.goto('/desk/policies');
  await page.getByRole('heading', { level: 1, name: '政策找企业' }).waitFor();
  await page.getByTestId('benefits').waitFor();
  return page.getByTestId('benefits').locator('tbody tr').filter({ hasText: POLICY });
}

it('re-matches after a rule change and grants the 免申即享 benefit once, also when the job reruns', async () => {
  const admin = await freshPage();
  await signIn(admin, 'demo-admin');
  await admin.goto('/desk/policies/library');
  await admin.getByRole('heading', { level: 1, name: '政策库' }).waitFor();
  await expectNoSeriousViolations(admin, 'policy library');
  await admin.getByRole('link', { name: POLICY }).click();
  await admin.getByRole('heading', { level: 1, name: POLICY }).waitFor();
  // The seeded policy's first matching (rule version 1) has run.
  await expect
    .poll(async () => (await policyState(admin)).lastRun?.finishedAt ?? null, { timeout: 20_000 })
    .not.toBeNull();

  await admin.getByLabel('适用条件（JSON）').fill(JSON.stringify(RULE, null, 2));
  await admin.getByRole('button', { name: '试运行' }).click();
  await expect
    .poll(() => admin.getByTestId('dry-run-summary').textContent())
    .toBe('按此条件将匹配 3 家企业（共核对 8 家）。');
  expect(await admin.getByTestId('dry-run-in').textContent()).toContain(
    '上海虹通示范餐饮管理有限公司（演示）',
  );
  await expectNoSeriousViolations(admin, 'policy editor with a dry run');
  await admin.getByRole('button', { name: '保存' }).click();
  await admin.getByText('已保存为第 2 版条件，正在重新匹配企业。').waitFor();
  await expect
    .poll(
      async () => {
        const state = await policyState(admin);
        return state.lastRun?.ruleVersion === 2 && state.lastRun.finishedAt !== null;
      },
      { timeout: 20_000 },
    )
    .toBe(true);

  const enterprise = await freshPage();
  await signIn(enterprise, 'demo-enterprise');
  const rows = await benefitRows(enterprise);
  await expect.poll(() => rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain('¥5,000.00');
  expect(await enterprise.getByTestId('matched-policies').textContent()).toContain(POLICY);
  await expectNoSeriousViolations(enterprise, 'enterprise policies');

  // The admin has the job run again: a new run, and still one benefit.
  const before = (await policyState(admin)).lastRun!.startedAt;
  await admin.reload();
  await admin.getByRole('button', { name: '重新匹配' }).click();
  await admin.getByText('已安排重新匹配，完成后此页显示结果。').waitFor();
  await expect
    .poll(
      async () => {
        const run = (await policyState(admin)).lastRun!;
        return run.startedAt > before && run.finishedAt !== null && run.trigger === 'manual';
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  const again = await benefitRows(enterprise);
  expect(await again.count()).toBe(1);
  // The agent was told once.
  const inbox = await enterprise.request.get('/api/v1/me/notifications?limit=50');
  const titles = ((await inbox.json()) as { items: { title: string }[] }).items.map((n) => n.title);
  expect(titles.filter((title) => title === `免申即享：${POLICY}`)).toHaveLength(1);
});

it('shows demo-manager the pipeline and the desk figures with their tables, accessibly', async () => {
  const page = await freshPage();
  await signIn(page, 'demo-manager');
  await page.goto('/desk/investment');
  await page.getByRole('heading', { level: 1, name: '前置招商' }).waitFor();
  await page.locator('[data-testid="funnel-chart"] canvas').first().waitFor();
  expect(await page.getByTestId('funnel-table').locator('tbody tr').count()).toBe(5);
  expect(await page.getByTestId('figures-table').locator('tbody tr').count()).toBe(5);
  expect(await page.getByTestId('zone-BAOSHAN-ROBOT').textContent()).toContain('431');
  await expectNoSeriousViolations(page, 'investment pipeline');
  await page.getByRole('link', { name: '英国金融科技（演示）' }).click();
  await page.getByRole('heading', { level: 1, name: '英国金融科技（演示）' }).waitFor();
  expect(await page.getByTestId('parcel-match').count()).toBeGreaterThan(2);
  await expectNoSeriousViolations(page, 'prospect');
  await page.goto('/desk/metrics');
  await page.getByRole('heading', { level: 1, name: '店小二工作指标' }).waitFor();
  await page.getByTestId('metrics-streets').waitFor();
  expect(await page.getByTestId('metrics-streets').locator('tbody tr').count()).toBe(8);
  await page.locator('[data-testid="metrics-chart"] canvas').first().waitFor();
  await expectNoSeriousViolations(page, 'desk metrics');
});
