// The operator console: demo-operator (嘉兴路街道 street office) opens it from the header, sees the
// hour-of-week heat map and the services-against-capacity bars with their table alternatives,
// accepts a reallocation recommendation, then previews and imports a small CSV with one bad row
// and sees it applied; terminals are listed; the console in English; axe on every page.
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

const HEADER =
  'code,name,name_type,tier,district,street,address,lat,lng,built_year,renovated_year,operator_model,operator_name,services,opening_hours';
const CSV = [
  HEADER,
  'JX-E2E-01,嘉兴路街道测试驿站,市民驿站,area,310109,310109004,上海市虹口区海宁路100号,31.263,121.489,2021,,self,,meals;library,Mo-Fr 09:00-17:00',
  'JX-E2E-02,嘉兴路街道坏行,市民驿站,tower,310109,310109004,上海市虹口区海宁路101号,31.263,121.489,2021,,self,,meals,Mo-Fr 09:00-17:00',
].join('\n');

describe('facility operator console', () => {
  it('shows the charts with their tables and takes a recommendation', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-operator');
    await page.getByRole('link', { name: '设施运营台' }).click();
    await page.getByRole('heading', { level: 1, name: /嘉兴路街道 设施运营台/ }).waitFor();
    await page.locator('[data-testid="heatmap-chart"] canvas').first().waitFor();
    await page.locator('[data-testid="services-chart"] canvas').first().waitFor();
    // The table alternative of the heat map opens from its summary; the services table is always there.
    await page.getByText('查看数据表：一周各小时到访与利用率').click();
    await expect.poll(() => page.getByTestId('heatmap-table').locator('tbody tr').count()).toBe(7);
    expect(await page.getByTestId('services-table').locator('tbody tr').count()).toBeGreaterThan(2);
    await expectNoSeriousViolations(page, 'street console');

    const cards = page.getByTestId('recommendation');
    const before = await cards.count();
    expect(before).toBeGreaterThanOrEqual(2);
    const first = cards.first();
    const title = (await first.getByRole('heading').textContent()) ?? '';
    expect(title).toMatch(/^将.+每周 \d+ .+从「.+」调至「.+」$/);
    await first.getByRole('button', { name: '采纳并调整能力' }).click();
    await page.getByText('已采纳建议，能力已调整。').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBe(0);
  });

  it('previews a CSV with one bad row, imports the good one and shows the result', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-operator');
    await page.goto('/facilities/console/import');
    await page.getByRole('heading', { level: 1, name: '导入设施数据' }).waitFor();
    await page.getByLabel('CSV 文件（最大 20 MB）').setInputFiles({
      name: 'jiaxing.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByRole('button', { name: '上传并预览' }).click();
    await page.getByRole('heading', { name: '预览：jiaxing.csv' }).waitFor();
    expect(await page.getByTestId('preview-counts-new').textContent()).toBe('1');
    expect(await page.getByTestId('preview-counts-bad').textContent()).toBe('1');
    const bad = page.getByTestId('bad-rows').locator('tbody tr');
    expect(await bad.count()).toBe(1);
    expect(await bad.first().textContent()).toContain('层级须为 street、area 或 village');
    await expectNoSeriousViolations(page, 'import preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入完成').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('result-counts-new').textContent()).toBe('1');
    const stored = await page.request.get('/api/v1/facilities/JX-E2E-01');
    expect(stored.status()).toBe(200);
    expect(((await stored.json()) as { name: string }).name).toBe('嘉兴路街道测试驿站');
  });

  it('lists terminals, and speaks English', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-operator');
    await page.goto('/facilities/console/facilities/310109004-A01/terminals');
    await page.getByTestId('terminals').waitFor();
    expect(await page.getByTestId('terminals').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await expectNoSeriousViolations(page, 'terminals');
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/facilities/console');
    await page
      .getByRole('heading', { level: 1, name: /Jiaxing Road Subdistrict: facility console/ })
      .waitFor();
    await page.locator('[data-testid="services-chart"] canvas').first().waitFor();
    await expectNoSeriousViolations(page, 'street console (en)');
  });

  it('fits a 360 px phone: the console and the import page pass axe without sideways scrolling', async () => {
    const page = await freshPage({ viewport: { width: 360, height: 740 } });
    await signIn(page, 'demo-operator');
    for (const path of ['/facilities/console', '/facilities/console/import']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (path === '/facilities/console')
        await page.locator('[data-testid="services-chart"] canvas').first().waitFor();
      const scrollsSideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
      );
      expect(scrollsSideways, `${path} scrolls sideways at 360 px`).toBe(false);
      await expectNoSeriousViolations(page, `${path} at 360 px`);
    }
  });
});
