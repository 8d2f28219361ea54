// Journeys of a resident: keyboard-only sign-in, 我的, language switch that sticks,
// signed-in devices, sign-out, and a wrong password.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, signIn, tabTo } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const { freshPage } = journey;

describe('resident', () => {
  it('signs in with the keyboard only, sees 我的, switches to English for good, and signs out', async () => {
    const page = await freshPage();
    await page.goto('/login');
    await expect.poll(() => page.locator('h1').textContent()).toBe('登录');

    await tabTo(page, '#username');
    await page.keyboard.type('demo-resident');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL('**/me');
    const main = page.locator('main');
    await expect.poll(() => page.locator('h1').textContent()).toBe('我的');
    await page.getByRole('heading', { name: '个人信息' }).waitFor();
    const personal = await page
      .locator('section', { has: page.getByRole('heading', { name: '个人信息' }) })
      .innerText();
    expect(personal).toContain('张三');
    expect(personal).toContain('虹口区嘉兴路街道');
    expect(personal).toMatch(/\d{6}\*{8}\d{3}[\dX]/); // masked ID number, never the full one
    expect(personal).toMatch(/1\d\d\*{4}\d{4}/);
    expect(personal).toContain('已实名认证');
    await main.getByText('当前设备', { exact: true }).waitFor();
    await main.getByRole('heading', { name: '谁用了我的数据' }).waitFor();

    // Switch language: the page, <html lang> and the API's language all follow.
    const meRequest = page.waitForRequest((request) => request.url().endsWith('/api/v1/me'));
    await page.getByRole('button', { name: 'English' }).click();
    expect((await meRequest).headers()['accept-language']).toBe('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('My account');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await main.getByText('Hongkou District, Jiaxing Road Subdistrict').waitFor();

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('My account');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('tongban.lang'))).toBe('en');
    await page.getByRole('button', { name: '中文' }).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Sign in' }).waitFor();

    // The session is gone on the server too: 我的 now asks to sign in.
    await page.goto('/me');
    await page.waitForURL('**/login?next=%2Fme');
  });

  it('lists signed-in devices and signs one out, then the current one', async () => {
    const other = await freshPage();
    await signIn(other, 'demo-resident2');
    const page = await freshPage();
    await signIn(page, 'demo-resident2');

    const sessions = page.locator('section', { has: page.getByRole('heading', { name: '登录设备/会话' }) });
    const items = sessions.locator('li.item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
    const before = await items.count();
    await sessions.getByRole('button', { name: '退出该设备' }).first().click();
    await sessions.getByText('已退出该设备。').waitFor();
    expect(await items.count()).toBe(before - 1);

    // The other browser is signed out now: its next API call finds out and it asks to sign in.
    await other.getByRole('button', { name: 'English' }).click();
    await other.waitForURL('**/login?next=%2Fme');

    await sessions.getByRole('button', { name: '退出当前设备' }).click();
    await page.waitForURL('**/login');
    await page.getByText('当前设备已退出登录。').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '登录' }).waitFor();
  });

  it('shows the server’s message in Chinese for a wrong password', async () => {
    const page = await freshPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('demo-resident2');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录', exact: true }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.innerText()).toContain('用户名或密码错误');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('checks a registration form before sending it and links each problem to its field', async () => {
    const page = await freshPage();
    await page.goto('/register');
    await page.getByLabel('用户名').fill('x');
    await page.getByLabel('居民身份证号码').fill('110105194912310021');
    await page.getByRole('button', { name: '注册并登录' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    expect(text).toContain('用户名须为 3–32 位');
    expect(text).toContain('请输入密码');
    expect(text).toContain('校验码');
    expect(await page.locator('#idNumber').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#idNumber-error').innerText()).toContain('校验码');

    await summary.getByRole('link', { name: /请输入手机号码/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('phone');
  });
});
