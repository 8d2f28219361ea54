// A window clerk signs in and sees the post: office, department, area and role.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, signIn } from './support/browser.ts';
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

describe('staff', () => {
  it('demo-clerk sees 我的岗位 with the office and the translated role', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'demo-clerk');

    const posts = page.locator('section', { has: page.getByRole('heading', { name: '我的岗位' }) });
    await posts.waitFor();
    const text = await posts.innerText();
    expect(text).toContain('虹口区市场监管局');
    expect(text).toContain('窗口受理');
    expect(text).toContain('市场监督管理局');
    expect(text).toContain('虹口区');
    // Staff accounts hold no personal data: no resident card, no access records.
    expect(await page.getByRole('heading', { name: '个人信息' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: '谁用了我的数据' }).count()).toBe(0);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My posts' }).waitFor();
    const english = page.locator('section', { has: page.getByRole('heading', { name: 'My posts' }) });
    await english.getByText('Hongkou District Market Regulation Bureau').waitFor();
    expect(await english.innerText()).toContain('Counter clerk (intake)');
    await context.close();
  });

  it('demo-admin sees the platform administrator post', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await signIn(page, 'demo-admin');
    const posts = page.locator('section', { has: page.getByRole('heading', { name: '我的岗位' }) });
    await posts.getByRole('heading', { name: '平台管理员' }).waitFor();
    await context.close();
  });
});
