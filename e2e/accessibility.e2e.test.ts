// Every page passes axe (no serious or critical violations) in both languages, and
// the pages fit a 360 px phone without sideways scrolling.
import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll, signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const { freshPage, expectNoSeriousViolations } = journey;

describe('accessibility', () => {
  it('home, login, register and 404 pass axe, in Chinese and English', async () => {
    const page = await freshPage();
    for (const language of ['zh-CN', 'en']) {
      await page.goto('/');
      await page.evaluate((lang) => localStorage.setItem('tongban.lang', lang), language);

      await page.goto('/');
      await page.locator('.district').first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await expectNoSeriousViolations(page, `home (${language})`);

      await page.goto('/login');
      await page.locator('#username').waitFor();
      await expectNoSeriousViolations(page, `login (${language})`);
      await page.locator('form button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
      await expectNoSeriousViolations(page, `login with errors (${language})`);

      await page.goto('/register');
      await page.locator('#idNumber').waitFor();
      await expectNoSeriousViolations(page, `register (${language})`);
      await page.locator('form button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
      await expectNoSeriousViolations(page, `register with errors (${language})`);

      await page.goto('/no-such-page');
      await page.locator('h1').waitFor();
      expect(await page.locator('h1').textContent()).toBe(
        language === 'en' ? 'Page not found' : '找不到该页面',
      );
      await expectNoSeriousViolations(page, `404 (${language})`);
    }
  });

  it('我的 passes axe for a resident, an enterprise agent and a clerk', async () => {
    for (const username of ['demo-resident', 'demo-enterprise', 'demo-clerk']) {
      const page = await freshPage();
      await signIn(page, username);
      await page.getByRole('heading', { name: '登录设备/会话' }).waitFor();
      await page.locator('.panel .status-message').first().waitFor({ state: 'detached' });
      await expectNoSeriousViolations(page, `me (${username})`);
    }
  });

  it('has a skip link to the main content as the first thing to Tab to', async () => {
    const page = await freshPage();
    await page.goto('/');
    // A Tab pressed the moment the page loads can land outside the document (flaky in headless
    // Chromium): start once the page has drawn its data, as a person would.
    await page.locator('.district').first().waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe('#main-content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('fits a 360 px phone: home and 我的 have no horizontal scroll', async () => {
    const page = await freshPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto('/');
    await page.locator('.district').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);

    await signIn(page, 'demo-enterprise');
    await page.getByRole('heading', { name: '谁用了我的数据' }).waitFor();
    await page.locator('.panel .status-message').first().waitFor({ state: 'detached' });
    expect(await hasHorizontalScroll(page)).toBe(false);
  });
});
