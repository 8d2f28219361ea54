// Residents at the front door: search as you type with the keyboard, a service page with
// what to bring and what not to, a bundle with its savings, filters kept in the address,
// English, the form preview's checks, axe and a 360 px phone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll, signIn } from './support/browser.ts';
import { findService, serviceDetail } from './support/catalog.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const { freshPage, expectNoSeriousViolations } = journey;

const resultCount = (page: Page) => page.locator('.result-count').innerText();
const countIn = (text: string) => Number(/(\d+)/.exec(text)?.[1] ?? NaN);

describe('catalogue search', () => {
  it('finds 医保 services from the home page with the keyboard and shows what to bring and what not to', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    await page.goto('/');
    const box = page.getByRole('combobox', { name: '您想办什么事？' });
    await box.focus();
    await page.keyboard.type('医保');

    const listbox = page.getByRole('listbox', { name: '搜索建议' });
    await listbox.waitFor();
    const options = listbox.getByRole('option');
    expect(await options.count()).toBeGreaterThan(1);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();

    // Down twice, up once: the first suggestion is the active one.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(1).getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await options.nth(0).getAttribute('id'));
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    const chosen = await options.nth(0).locator('.suggestion__name').innerText();
    expect(chosen).toContain('医保');

    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\/[^/?]+$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(chosen);
    // Focus starts at the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.getByRole('heading', { name: '需要准备的材料', level: 2 }).waitFor();
    const held = page.locator('section', { has: page.getByRole('heading', { name: '不用提交的材料' }) });
    await held.waitFor();
    expect(await held.locator('li').count()).toBeGreaterThan(0);
    expect(await held.innerText()).toMatch(/从基础库调取|已有电子证照/);
  });

  it('names the counter for the resident’s own district, and for any district chosen', async () => {
    const page = await freshPage();
    await page.goto('/services/MIB-0011');
    const where = page.locator('section', { has: page.getByRole('heading', { name: '在哪里办、怎么办' }) });
    const district = where.getByLabel('你所在的区');
    await district.waitFor();
    expect(await district.inputValue()).toBe('');
    await district.selectOption({ label: '徐汇区' });
    await expect.poll(() => where.locator('.office').innerText()).toContain('徐汇区医保局');
    // Where to go and when: the counter's address, phone and hours.
    const contact = where.locator('.office-contact');
    expect(await contact.innerText()).toContain('徐汇区行政服务中心');
    expect(await contact.innerText()).toContain('周一至周五 09:00–17:00');
    expect(await contact.getByRole('link', { name: /^021-\d{8}$/ }).count()).toBe(1);

    // demo-resident lives in 虹口区: that district is chosen already.
    await signIn(page, 'demo-resident');
    await page.goto('/services/MIB-0011');
    await expect.poll(() => district.inputValue()).toBe('310109');
    expect(await where.locator('.office').innerText()).toContain('虹口区医保局');
    expect(await where.locator('.office-contact').innerText()).toMatch(
      /上海市虹口区.+号（虹口区行政服务中心）/,
    );
  });

  it('closes suggestions with Escape and searches for what was typed with Enter', async () => {
    const page = await freshPage();
    await page.goto('/');
    const box = page.getByRole('combobox', { name: '您想办什么事？' });
    await box.focus();
    await page.keyboard.type('公积金');
    await page.getByRole('listbox', { name: '搜索建议' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('listbox', { name: '搜索建议' }).isHidden()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/services?q=%E5%85%AC%E7%A7%AF%E9%87%91');
    await expect.poll(() => page.locator('h1').textContent()).toBe('“公积金”的搜索结果');
    await expect.poll(async () => countIn(await resultCount(page))).toBeGreaterThan(0);
  });

  it('finds the 开办餐饮店一件事 bundle for 开饭店 and shows what it saves', async () => {
    const page = await freshPage();
    const bundle = await findService(page, '开饭店', (item) => item.nameZh === '开办餐饮店一件事');
    const detail = await serviceDetail<{
      members: { code: string }[];
      savings: Record<string, { separately: number; bundle: number }>;
    }>(page, bundle.id);

    await page.goto('/services?q=开饭店');
    const result = page.locator('.result', { has: page.getByRole('link', { name: '开办餐饮店一件事' }) });
    await result.waitFor();
    expect(await result.locator('.badge--bundle').innerText()).toBe('一件事');
    await result.getByRole('link', { name: '开办餐饮店一件事' }).click();
    await page.waitForURL(`**/services/${bundle.code}`);

    const members = page.locator('section', { has: page.getByRole('heading', { name: '包含的事项' }) });
    await members.waitFor();
    expect(await members.getByRole('link').count()).toBe(detail.members.length);

    const savings = page.locator('section', {
      has: page.getByRole('heading', { name: '分别办理 vs 一件事' }),
    });
    const row = (name: string) => savings.getByRole('row', { name: new RegExp(`^${name}`) });
    const applications = await row('申请次数').innerText();
    expect(applications).toContain(`${detail.savings['applications']?.separately} 次`);
    expect(applications).toContain('1 次');
    const fields = await row('填写项目').innerText();
    expect(fields).toContain(`${detail.savings['fields']?.separately} 项`);
    expect(fields).toContain(`${detail.savings['fields']?.bundle} 项`);
    expect(await row('办理时间').innerText()).toContain(`${detail.savings['days']?.bundle} 个工作日`);

    // A member is one click away.
    const firstMember = detail.members[0]?.code ?? '';
    await members.getByRole('link').first().click();
    await page.waitForURL(`**/services/${firstMember}`);
  });

  it('narrows results with a filter kept in the address, and the back button undoes it', async () => {
    const page = await freshPage();
    await page.goto('/services?q=医保');
    await page.locator('.result').first().waitFor();
    await page.locator('[aria-busy=false]').waitFor();
    const before = countIn(await resultCount(page));

    const departments = page.locator('.facet', { has: page.getByRole('heading', { name: '部门' }) });
    await departments.getByRole('link', { name: /医疗保障局/ }).click();
    await page.waitForURL(/department=medical-insurance/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('医保');
    await expect.poll(async () => countIn(await resultCount(page))).toBeLessThan(before);
    const metas = await page.locator('.result__meta').allInnerTexts();
    expect(metas.every((meta) => meta.includes('医疗保障局'))).toBe(true);
    await page.getByRole('link', { name: /部门：医疗保障局/ }).waitFor();

    // The address is enough to come back to the same results.
    const narrowed = await resultCount(page);
    await page.reload();
    await expect.poll(() => resultCount(page)).toBe(narrowed);

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('department'));
    await expect.poll(async () => countIn(await resultCount(page))).toBe(before);
    expect(await page.getByRole('combobox', { name: '搜索事项' }).inputValue()).toBe('医保');
  });

  it('pages through every service', async () => {
    const page = await freshPage();
    await page.goto('/services');
    await page.locator('.result').first().waitFor();
    const firstPage = await page.locator('.result__title').first().innerText();
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.locator('.result__title').first().innerText()).not.toBe(firstPage);
    expect(await page.locator('.result-list').getAttribute('start')).toBe('11');
    await page.goBack();
    await expect.poll(() => page.locator('.result__title').first().innerText()).toBe(firstPage);
  });

  it('helps when nothing is found', async () => {
    const page = await freshPage();
    await page.goto('/services?q=zzqqxxyy');
    await page.getByRole('heading', { name: '没有找到与“zzqqxxyy”相关的事项' }).waitFor();
    await page.getByRole('link', { name: '按主题浏览全部事项。' }).click();
    await page.waitForURL('**/topics');
    await page.getByRole('heading', { name: '按主题找服务', level: 1 }).waitFor();
  });

  it('shows English names after the language switch', async () => {
    const page = await freshPage();
    const first = await findService(page, '医保', () => true, 'en');
    await page.goto('/services?q=医保');
    await page.locator('.result').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Results for “医保”');
    await expect.poll(() => page.locator('.result__title').first().innerText()).toContain(first.nameEn);
    await page.locator('.result__title a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(first.nameEn);
    await page.getByRole('heading', { name: 'Where and how to apply' }).waitFor();
    await page.getByRole('heading', { name: 'Form preview' }).waitFor();
  });

  it('checks the form preview with the server’s formats, in the user’s language', async () => {
    const page = await freshPage();
    const service = await serviceDetail<{
      code: string;
      definition: { form: { schema: { properties: Record<string, { format?: string }> } } };
    }>(page, (await findService(page, '医保账户继承')).id);
    const idField = Object.entries(service.definition.form.schema.properties).find(
      ([, property]) => property.format === 'cn-id-number',
    )?.[0];
    expect(idField).toBeDefined();

    await page.goto(`/services/${service.code}`);
    const preview = page.locator('.form-preview');
    await preview.getByRole('button', { name: '检查填写' }).click();
    const summary = preview.locator('.error-summary');
    await summary.waitFor();
    // The server's own wording (src/contracts/validation-messages.ts).
    expect(await summary.innerText()).toContain('此项为必填项');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);

    // A well-formed number with a wrong check digit: the shared cn-id-number format refuses it.
    const input = page.locator(`#form-preview-${idField}`);
    await input.fill('110105194912310021');
    await expect
      .poll(() => page.locator(`#form-preview-${idField}-error`).innerText())
      .toContain('身份证号码无效');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('11010519491231002X');
    await expect.poll(() => page.locator(`#form-preview-${idField}-error`).count()).toBe(0);
  });

  it('passes axe on search, topics, a service and a bundle, in Chinese and English', async () => {
    const page = await freshPage();
    for (const language of ['zh-CN', 'en']) {
      await page.goto('/');
      await page.evaluate((lang) => localStorage.setItem('tongban.lang', lang), language);

      await page.goto('/');
      await page.locator('.district').first().waitFor();
      await expectNoSeriousViolations(page, `home with search (${language})`);
      await page.getByRole('combobox').first().fill('医保');
      await page.getByRole('listbox').first().waitFor();
      await expectNoSeriousViolations(page, `home with suggestions (${language})`);

      await page.goto('/services?q=医保&subject=resident');
      await page.locator('.result').first().waitFor();
      await expectNoSeriousViolations(page, `search (${language})`);

      await page.goto('/services?q=zzqqxxyy');
      await page.locator('.empty-state').waitFor();
      await expectNoSeriousViolations(page, `search without results (${language})`);

      await page.goto('/topics');
      await page.locator('.topic-card').first().waitFor();
      await page.locator('.featured-bundles').waitFor();
      await expectNoSeriousViolations(page, `topics (${language})`);

      await page.goto('/services/MIB-0011');
      await page.locator('.form-preview').waitFor();
      await expectNoSeriousViolations(page, `service (${language})`);
      await page.locator('.form-preview button[type=submit]').click();
      await page.locator('.form-preview .error-summary').waitFor();
      await expectNoSeriousViolations(page, `service form with errors (${language})`);

      const bundle = await findService(page, '开饭店', (item) => item.type === 'bundle');
      await page.goto(`/services/${bundle.code}`);
      await page.locator('.savings').waitFor();
      await expectNoSeriousViolations(page, `bundle (${language})`);
    }
  });

  it('fits a 360 px phone: search, a service and a bundle have no horizontal scroll', async () => {
    const page = await freshPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto('/');
    await page.getByRole('combobox').first().fill('医保');
    await page.getByRole('listbox').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);

    await page.goto('/services?q=医保');
    await page.locator('.result').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    // The filters fold away on a phone, and open on request.
    await page.getByText('筛选结果').click();
    await page.locator('.facet').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);

    await page.goto('/services/SAMR-0001');
    await page.locator('.form-preview').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);

    const bundle = await findService(page, '开饭店', (item) => item.type === 'bundle');
    await page.goto(`/services/${bundle.code}`);
    await page.locator('.savings').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
