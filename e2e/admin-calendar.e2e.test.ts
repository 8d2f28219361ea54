// Platform admins keep the working-day calendar: enter a year the State Council has just
// published, see it listed with weekday names, and the page passes axe; office admins are refused.
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

describe('working-day calendar for platform admins', () => {
  it('shows a published year and adds a 2027 holiday, errors by field first', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-admin');
    await page.goto('/admin/catalog');
    await page.getByRole('link', { name: '工作日历' }).click();
    await page.waitForURL('**/admin/calendar');

    await page.getByLabel('年份').selectOption('2026');
    const table2026 = page.getByRole('table', { name: '2026 年的节假日和调休上班日' });
    await table2026.waitFor();
    const makeUp = table2026.getByRole('row', { name: /^2026-10-10/ });
    expect(await makeUp.innerText()).toMatch(/星期六\s+调休上班\s+国庆节调休上班/);
    await expectNoSeriousViolations(page, 'calendar 2026');

    await page.getByLabel('年份').selectOption('2027');
    const table = page.getByRole('table', { name: '2027 年的节假日和调休上班日' });
    await table.waitFor();
    await page.getByText('2027 年的日历尚未录入').waitFor();

    // A weekday make-up workday is refused by the field.
    await page.getByRole('textbox', { name: '日期', exact: true }).fill('2027-02-10');
    await page.getByLabel('类型', { exact: true }).selectOption({ label: '调休上班' });
    await page.getByRole('textbox', { name: '说明', exact: true }).fill('春节调休上班');
    await page.getByRole('button', { name: '添加到列表' }).click();
    await page.getByRole('alert').filter({ hasText: '调休上班日须为星期六或星期日' }).waitFor();
    await expectNoSeriousViolations(page, 'calendar with errors');

    await page.getByRole('textbox', { name: '日期', exact: true }).fill('2027-10-01');
    await page.getByLabel('类型', { exact: true }).selectOption({ label: '放假' });
    await page.getByRole('textbox', { name: '说明', exact: true }).fill('国庆节');
    await page.getByRole('button', { name: '添加到列表' }).click();
    await table.getByRole('row', { name: /^2027-10-01/ }).waitFor();
    await page.getByLabel('依据').fill('国务院办公厅关于2027年部分节假日安排的通知');
    await page.getByRole('button', { name: '保存 2027 年日历' }).click();
    await page.getByText('已保存 2027 年的日历').waitFor();
    await page.getByText('2027 年的日历已公布').waitFor();

    // Saved, not just listed: a reload shows it, and the deadline counts it as official.
    await page.reload();
    await page.getByLabel('年份').selectOption('2027');
    const row = page.getByRole('table', { name: '2027 年的节假日和调休上班日' }).getByRole('row', {
      name: /^2027-10-01/,
    });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/星期五\s+放假\s+国庆节/);
    await expectNoSeriousViolations(page, 'calendar 2027');
    const deadline = await page.evaluate(async () => {
      const response = await fetch('/api/v1/calendar/deadline?from=2027-09-30T10:00:00%2B08:00&days=1');
      return (await response.json()) as { date: string; isOfficial: boolean };
    });
    expect(deadline).toEqual(expect.objectContaining({ date: '2027-10-04', isOfficial: true }));

    await page.evaluate(() => localStorage.setItem('tongban.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Working-day calendar', level: 1 }).waitFor();
    await expectNoSeriousViolations(page, 'calendar (en)');
  });

  it('is not shown to an office admin', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-office-admin');
    await page.goto('/admin/catalog');
    await page.getByRole('table', { name: '我可以编辑的事项' }).waitFor();
    expect(await page.getByRole('link', { name: '工作日历' }).count()).toBe(0);
    await page.goto('/admin/calendar');
    await page.getByRole('heading', { name: '没有权限', level: 1 }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });
});
