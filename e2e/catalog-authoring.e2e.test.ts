// Authors of the catalogue: an office admin writes a new service with the live check and
// the live form preview, saves it, publishes it and finds it in search, then retires it;
// a platform admin keeps the search synonyms. Residents never see the authoring pages.
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

const CODE = 'SAMR-E2E1';
const NAME = '临时占道经营备案（测试）';

const SCHEMA = {
  type: 'object',
  properties: {
    applicantName: { type: 'string', title: '申请人姓名', 'x-title-en': 'Applicant name', minLength: 2 },
    stallName: { type: 'string', title: '摊位名称', 'x-title-en': 'Stall name', maxLength: 40 },
    mobile: { type: 'string', format: 'cn-mobile', title: '联系电话', 'x-title-en': 'Mobile phone' },
  },
  required: ['applicantName', 'stallName', 'mobile'],
  additionalProperties: false,
};

describe('catalogue authoring', () => {
  it('shows 事项管理 only to authors', async () => {
    const resident = await freshPage();
    await signIn(resident, 'demo-resident');
    expect(await resident.getByRole('navigation').getByRole('link', { name: '事项管理' }).count()).toBe(0);
    await resident.goto('/admin/catalog');
    await resident.getByRole('heading', { name: '没有权限', level: 1 }).waitFor();

    const author = await freshPage();
    await signIn(author, 'demo-office-admin');
    await author.getByRole('navigation').getByRole('link', { name: '事项管理' }).click();
    await author.waitForURL('**/admin/catalog');
    const table = author.getByRole('table', { name: '我可以编辑的事项' });
    await table.waitFor();
    // An office admin sees only the department's own services.
    const departments = await table.locator('tbody td:nth-child(2)').allInnerTexts();
    expect(departments.length).toBeGreaterThan(0);
    expect(new Set(departments)).toEqual(new Set(['市场监督管理局']));
    expect(await author.getByRole('link', { name: '搜索同义词' }).count()).toBe(0);
  });

  it('creates a service with live checks and a live form preview, publishes it, finds it, retires it', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-office-admin');
    await page.goto('/admin/catalog');
    await page.getByRole('link', { name: '新建事项' }).click();
    await page.waitForURL('**/admin/catalog/new');
    await expect.poll(() => page.locator('h1').textContent()).toBe('新建事项');
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.innerText()).toContain('发现');
    await expectNoSeriousViolations(page, 'new service editor');

    await page.getByLabel('事项编码').fill(CODE);
    await page.getByLabel('事项名称（中文）').fill(NAME);
    await page.getByLabel('事项名称（英文）').fill('Temporary Street Stall Filing (test)');
    await page.getByRole('group', { name: '办事对象' }).getByLabel('法人', { exact: true }).check();
    await page.getByRole('group', { name: '主题' }).getByLabel('经营', { exact: true }).check();
    await page.getByLabel('别名（俗称）').fill('摆摊备案\nstreet stall');
    await page.getByLabel('办事指南（中文）').fill('在街边临时摆摊经营前，先在网上备案。');
    await page.getByLabel('办事指南（英文）').fill('File online before running a temporary street stall.');
    await page.getByLabel('办理条件（中文）').fill('已取得营业执照');
    await page.getByLabel('办理条件（英文）').fill('You hold a business licence');
    await page.getByLabel('法律依据').fill('《上海市市容环境卫生管理条例》（测试数据）');

    await page.getByRole('button', { name: '添加材料' }).click();
    await page.getByLabel('材料名称（中文）').fill('营业执照');
    await page.getByLabel('材料名称（英文）').fill('Business licence');
    await page.getByLabel('政府已掌握，申请人不用提交').check();
    await page.getByLabel('来源代码').fill('certificate:business_licence');
    await page.getByLabel('来源名称（中文）').fill('营业执照电子证照');
    await page.getByLabel('来源名称（英文）').fill('Electronic business licence');

    await page.getByLabel('收费标准（元）').fill('12.5');
    await page.getByText('居民看到的是：¥12.50').waitFor();

    // Promised longer than legal: the server's live check says so next to the field.
    await page.getByLabel('法定时限（工作日）').fill('5');
    await page.getByLabel('承诺时限（工作日）').fill('8');
    const promisedError = page.locator('#promisedTimeLimitDays-error');
    await expect
      .poll(() => promisedError.innerText(), { timeout: 5000 })
      .toContain('承诺时限不能超过法定时限');
    expect(await problems.innerText()).toContain('/promisedTimeLimitDays');
    expect(await page.getByLabel('承诺时限（工作日）').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousViolations(page, 'editor with problems');
    await page.getByLabel('承诺时限（工作日）').fill('3');
    await expect.poll(() => problems.innerText()).toContain('没有发现问题');

    // The live preview follows the JSON Schema as it is edited.
    const preview = page.getByTestId('live-preview');
    await preview.getByLabel('申请人姓名').waitFor();
    expect(await preview.getByLabel('摊位名称').count()).toBe(0);
    await page.getByLabel('表单结构（JSON Schema）').fill(JSON.stringify(SCHEMA, null, 2));
    await preview.getByLabel('摊位名称').waitFor();
    await page.getByLabel(/表单界面/).fill(
      JSON.stringify({
        order: ['applicantName', 'stallName', 'mobile'],
        prefill: { applicantName: 'population.name' },
      }),
    );
    await preview.getByText('将由 公安户籍 自动填写').waitFor();
    // It checks as it is filled in, with the shared formats.
    await preview.getByLabel('联系电话').fill('12345');
    await expect
      .poll(() => preview.locator('.field__error').first().innerText())
      .toContain('请输入11位手机号码');
    // Broken JSON is reported, and the preview keeps the last form that parsed.
    await page.getByLabel('表单结构（JSON Schema）').fill('{ "type": "object", ');
    await expect.poll(() => page.locator('#formSchema-error').innerText()).toContain('JSON 无法解析');
    expect(await preview.getByLabel('摊位名称').count()).toBe(1);
    await page.getByLabel('表单结构（JSON Schema）').fill(JSON.stringify(SCHEMA, null, 2));
    await expect.poll(() => problems.innerText()).toContain('没有发现问题');

    // What residents will see, before anything is saved.
    await page.getByRole('button', { name: '以居民视角预览' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(NAME);
    await page.getByText('营业执照电子证照').waitFor();
    await page.getByRole('button', { name: '返回编辑' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('新建事项');
    expect(await page.getByLabel('事项编码').inputValue()).toBe(CODE);

    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/admin\/catalog\/(?!new)[\w-]+$/);
    await page.getByText('草稿已创建（第 1 版）。').waitFor();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`编辑：${NAME}`);
    expect(await page.getByLabel('事项编码').getAttribute('readonly')).not.toBeNull();

    await page.getByRole('button', { name: '发布' }).click();
    const dialog = page.getByRole('dialog', { name: '确认发布？' });
    await dialog.waitFor();
    await expectNoSeriousViolations(page, 'publish confirmation');
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await page.getByText('已发布第 1 版，居民现在可以搜到它。').waitFor();

    // Residents find it at once, by an alias.
    await page.goto('/services?q=摆摊备案');
    const result = page.locator('.result', { has: page.getByRole('link', { name: NAME }) });
    await result.waitFor();
    expect(await result.innerText()).toContain('¥12.50');
    await result.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { name: '不用提交的材料' }).waitFor();
    await page.getByText('已有电子证照：营业执照电子证照').waitFor();

    // Retire it: it leaves the catalogue.
    await page.goto('/admin/catalog');
    await page.getByRole('link', { name: NAME }).click();
    await page.getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog', { name: '确认停用？' }).getByRole('button', { name: '确认停用' }).click();
    await page.getByText(/事项已停用/).waitFor();
    await page.goto('/services?q=摆摊备案');
    await page.locator('.result-count').waitFor();
    await expect.poll(() => page.getByRole('link', { name: NAME }).count()).toBe(0);
  });

  it('refuses to save what the server refuses, and says why', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-office-admin');
    await page.goto('/admin/catalog/new');
    await page.getByLabel('事项编码').waitFor();
    await page.getByLabel('收费标准（元）').fill('12.345');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('请先更正下面列出的问题，再保存。').waitFor();
    expect(await page.locator('#feeYuan-error').innerText()).toContain('最多两位小数');
    // Now every empty field says what it needs.
    expect(await page.locator('#nameZh-error').innerText()).toContain('至少需要 2 个字符');
    expect(new URL(page.url()).pathname).toBe('/admin/catalog/new');
  });

  it('lets a platform admin keep the search synonyms', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-admin');
    await page.goto('/admin/catalog');
    await page.getByRole('link', { name: '搜索同义词' }).click();
    await page.waitForURL('**/admin/synonyms');
    const table = page.getByRole('table', { name: '同义词列表' });
    await table.waitFor();
    await expectNoSeriousViolations(page, 'synonyms');

    await page.getByLabel('常用说法').fill('摆地摊');
    await page.getByLabel('对应的正式用语').fill('临时占道经营，摊位');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存“摆地摊”，搜索已更新。').waitFor();
    const added = table.getByRole('row', { name: /^摆地摊/ });
    await added.waitFor();
    expect(await added.innerText()).toContain('临时占道经营、摊位');
    expect(await added.innerText()).toContain('管理员添加');

    const builtIn = table.getByRole('row', { name: /^公积金 / });
    expect(await builtIn.innerText()).toContain('内置');
    await builtIn.getByRole('button', { name: '停用 公积金' }).click();
    await page.getByText('已停用“公积金”。').waitFor();
    await expect.poll(() => builtIn.innerText()).toContain('已停用');

    // Office admins do not manage synonyms.
    const office = await freshPage();
    await signIn(office, 'demo-office-admin');
    await office.goto('/admin/synonyms');
    await office.getByRole('heading', { name: '没有权限', level: 1 }).waitFor();
  });

  it('passes axe on the list and an existing entry, in English too', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-office-admin');
    for (const language of ['zh-CN', 'en']) {
      await page.evaluate((lang) => localStorage.setItem('tongban.lang', lang), language);
      await page.goto('/admin/catalog');
      await page.locator('.data-table tbody tr').first().waitFor();
      await expectNoSeriousViolations(page, `catalog list (${language})`);
      await page.locator('.data-table tbody a').first().click();
      await page.locator('#formSchema').waitFor();
      await expect.poll(() => page.getByTestId('problems').getAttribute('aria-busy')).toBe('false');
      await expectNoSeriousViolations(page, `editor (${language})`);
    }
  });
});
