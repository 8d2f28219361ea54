// Platform admins keep the city's departments and the catalogue's topics in the web app:
// add a department, rename a topic and see it where residents browse; everyone else is refused.
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

describe('departments and topics for platform admins', () => {
  it('adds a department, with errors by field first', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-admin');
    await page.goto('/admin/catalog');
    await page.getByRole('link', { name: '部门管理' }).click();
    await page.waitForURL('**/admin/departments');
    const table = page.getByRole('table', { name: '部门列表' });
    await table.waitFor();
    await expectNoSeriousViolations(page, 'departments');

    // Nothing filled in: every field says what it needs, in the summary and by the field.
    await page.getByRole('button', { name: '添加部门' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '请输入部门编码' });
    await summary.waitFor();
    expect(await page.locator('#department-level-error').innerText()).toContain('请选择层级');
    await expectNoSeriousViolations(page, 'departments with errors');
    await page.getByLabel('部门编码').fill('samr');
    await page.getByRole('button', { name: '添加部门' }).click();
    await expect.poll(() => page.locator('#department-code-error').innerText()).toContain('已有编码为 samr');

    await page.getByLabel('部门编码').fill('sports');
    await page.getByLabel('中文名称').fill('体育局');
    await page.getByLabel('英文名称').fill('Sports Bureau');
    await page.getByLabel('层级').selectOption({ label: '区级' });
    await page.getByRole('button', { name: '添加部门' }).click();
    await page.getByText('已添加“体育局”。').waitFor();
    const row = table.getByRole('row', { name: /^体育局/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Sports Bureau');

    await row.getByRole('button', { name: '改名 体育局' }).click();
    await page.getByLabel('中文名称').fill('体育运动局');
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.getByText('已把名称改为“体育运动局”。').waitFor();
    await table.getByRole('row', { name: /^体育运动局/ }).waitFor();
  });

  it('renames and reorders topics, which residents then browse by', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-admin');
    await page.goto('/admin/catalog');
    await page.getByRole('link', { name: '主题管理' }).click();
    await page.waitForURL('**/admin/topics');
    const table = page.getByRole('table', { name: '主题列表' });
    await table.waitFor();
    await expectNoSeriousViolations(page, 'topics');

    await table.getByRole('button', { name: '修改 出生' }).click();
    await page.getByLabel('中文名称').fill('');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '中文名称需要 1 到 20 个字' }).waitFor();
    await expectNoSeriousViolations(page, 'topic with errors');
    await page.getByLabel('中文名称').fill('生娃');
    await page.getByLabel('英文名称').fill('A new baby');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存“生娃”。').waitFor();
    await table.getByRole('row', { name: /^生娃/ }).waitFor();

    // 入学 moves above the renamed topic.
    await table.getByRole('button', { name: '上移 入学' }).click();
    await page.getByText('已把“入学”上移。').waitFor();
    await expect.poll(() => table.locator('tbody th').first().innerText()).toBe('入学');

    await page.getByRole('navigation').getByRole('link', { name: '按主题' }).click();
    await page.waitForURL('**/topics');
    const names = page.locator('.topic-card__name');
    await expect.poll(() => names.first().innerText()).toBe('入学');
    expect(await names.allInnerTexts()).toContain('生娃');
    expect(await names.allInnerTexts()).not.toContain('出生');

    await page.evaluate(() => localStorage.setItem('tongban.lang', 'en'));
    await page.goto('/admin/topics');
    await page.getByRole('table', { name: 'Topics' }).waitFor();
    await expectNoSeriousViolations(page, 'topics (en)');
    await page.goto('/admin/departments');
    await page.getByRole('table', { name: 'Departments' }).waitFor();
    await expectNoSeriousViolations(page, 'departments (en)');
  });

  it('shows neither page to an office admin', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-office-admin');
    await page.goto('/admin/catalog');
    await page.getByRole('table', { name: '我可以编辑的事项' }).waitFor();
    expect(await page.getByRole('link', { name: '部门管理' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '主题管理' }).count()).toBe(0);
    for (const path of ['/admin/departments', '/admin/topics']) {
      await page.goto(path);
      await page.getByRole('heading', { name: '没有权限', level: 1 }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
    }
  });
});
