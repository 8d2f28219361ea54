// The sign-in page shows the server's refusals in the user's language: a locked
// account (with the time it unlocks) and too many attempts (with when to retry).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser.ts';
import { startServer } from './support/server.ts';
import type { RunningServer } from './support/server.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // Small limits so that the journey reaches them in a few attempts.
  server = await startServer({ env: { TONGBAN_LOGIN_MAX_FAILURES: '2', TONGBAN_LOGIN_RATE_LIMIT: '3' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function attempt(page: Page, username: string, password: string): Promise<string> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
  await page.locator('form button[type=submit]').click();
  await answer;
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  return summary.innerText();
}

describe('sign-in refusals', () => {
  it('shows a locked account with its unlock time, then the rate limit, in the chosen language', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');

    expect(await attempt(page, 'demo-resident2', 'wrong password 1')).toContain('用户名或密码错误');
    const locked = await attempt(page, 'demo-resident2', 'wrong password 2');
    expect(locked).toContain('账号已临时锁定');
    expect(locked).toMatch(/\d{1,2}:\d{2}/); // the unlock time

    // Even the right password is refused while locked; the message follows the language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    expect(await attempt(page, 'demo-resident2', 'Demo#2026')).toContain('locked until');

    const limited = await attempt(page, 'demo-resident', 'wrong password 3');
    expect(limited).toContain('Too many requests');
    expect(limited).toMatch(/Try again in \d+ seconds?\./);
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });
});
