// A resident from the demo population register who has no account yet registers
// with their real name and lands on 我的, signed in.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPopulation } from '../demo/population.ts';
import { launchBrowser, newContext } from './support/browser.ts';
import { startServer } from './support/server.ts';
import type { RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('resident registration', () => {
  it('registers 陈静 after real-name verification and shows her on 我的', async () => {
    const idNumber = demoPopulation(0).idNumbers['chenjing'];
    expect(idNumber).toBeDefined();
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/register');

    const fill = async (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
    await fill('用户名', 'chen.jing');
    await fill('密码', 'a long demo password');
    await fill('姓名', '陈静');
    await fill('居民身份证号码', idNumber ?? '');
    await fill('手机号码', '13912345678');

    // First a name that does not match the register: refused, nothing stored.
    await fill('姓名', '陈晶');
    await page.getByRole('button', { name: '注册并登录' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('实名核验未通过');

    await fill('姓名', '陈静');
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.waitForURL('**/me');
    await page.getByText('实名注册成功，欢迎使用通办。').waitFor();
    const personal = await page
      .locator('section', { has: page.getByRole('heading', { name: '个人信息' }) })
      .innerText();
    expect(personal).toContain('陈静');
    expect(personal).toContain('静安区宝山路街道');
    expect(personal).toContain('139****5678');

    // The same person cannot register twice.
    const again = await (await newContext(browser, server.baseUrl)).newPage();
    await again.goto('/register');
    await again.getByLabel('用户名', { exact: true }).fill('chen.jing2');
    await again.getByLabel('密码', { exact: true }).fill('a long demo password');
    await again.getByLabel('姓名', { exact: true }).fill('陈静');
    await again.getByLabel('居民身份证号码', { exact: true }).fill(idNumber ?? '');
    await again.getByLabel('手机号码', { exact: true }).fill('13912345678');
    await again.getByRole('button', { name: '注册并登录' }).click();
    await again.locator('#idNumber-error').waitFor();
    expect(await again.locator('#idNumber-error').innerText()).toContain('已注册');
    await again.context().close();
    await context.close();
  });
});
