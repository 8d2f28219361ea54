// The self-service terminal on a 1080×1920 portrait touch screen: staff set the terminal up with the
// facility's device key; a resident signs in with a wedge-typed ID card read and the code from a
// (fake) SMS gateway, looks up 医保, walks away, and the kiosk signs them out by itself and leaves
// nothing of the visit behind. QR sign-in from the web app. axe and touch-target sizes on every screen.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPopulation } from '../demo/population.ts';
import { startFakeSmsServer } from '../src/server/modules/kiosk/kiosk-test-support.ts';
import { DEMO_PASSWORD } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const FACILITY = '310109004-A01'; // 嘉兴路街道市民驿站第一分站
const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true, deviceScaleFactor: 1 };
const IDLE_SECONDS = 8;
const COUNTDOWN_SECONDS = 4;

const sms = await startFakeSmsServer();
const journey = setUpJourney(KIOSK, {
  env: {
    TONGBAN_SMS_URL: sms.url,
    TONGBAN_KIOSK_DEMO_SMS: 'off',
    TONGBAN_KIOSK_IDLE_SECONDS: String(IDLE_SECONDS),
    TONGBAN_KIOSK_COUNTDOWN_SECONDS: String(COUNTDOWN_SECONDS),
    TONGBAN_KIOSK_SESSION_IDLE_SECONDS: '60',
  },
});
const { freshPage, expectNoSeriousViolations } = journey;
afterAll(() => sms.close());

const zhangsanId = demoPopulation().idNumbers['zhangsan']!;

async function signInByApi(page: Page, username: string): Promise<string> {
  const login = await page.request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return ((await login.json()) as { csrfToken: string }).csrfToken;
}

/** The operator of 嘉兴路街道 issues a device key for the facility (in a context of their own). */
async function issueKey(): Promise<string> {
  const page = await freshPage();
  await page.goto('/');
  const csrf = await signInByApi(page, 'demo-operator');
  const rotated = await page.request.post(`/api/v1/facilities/${FACILITY}/keys`, {
    headers: { 'x-csrf-token': csrf },
  });
  expect(rotated.status()).toBe(201);
  return ((await rotated.json()) as { key: string }).key;
}

/** Every visible control is at least 48×48 CSS pixels. */
async function expectTouchTargets(page: Page, what: string) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"]')]
      .filter((element) => !element.classList.contains('visually-hidden') && element.offsetParent !== null)
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 48 || box.height < 48)
      .map(
        ({ element, box }) =>
          `${element.tagName} "${element.textContent?.trim() ?? ''}" ${box.width}×${box.height}`,
      ),
  );
  expect(small, `${what}: controls smaller than 48 px`).toEqual([]);
}

async function checkScreen(page: Page, what: string) {
  await expectNoSeriousViolations(page, what);
  await expectTouchTargets(page, what);
  // Every piece of text on the kiosk is at least 24 px.
  const smallText = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.kiosk *')]
      .filter((element) => element.offsetParent !== null && !element.closest('.visually-hidden'))
      .filter((element) =>
        [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim()),
      )
      .filter((element) => parseFloat(getComputedStyle(element).fontSize) < 24)
      .map(
        (element) =>
          `${element.tagName}.${element.className} "${element.innerText.slice(0, 30)}" ${getComputedStyle(element).fontSize}`,
      ),
  );
  expect(smallText, `${what}: text smaller than 24 px`).toEqual([]);
}

/** What a keyboard-wedge reader does: the characters in a fast burst, then Enter. */
async function wedgeType(page: Page, text: string) {
  await page.keyboard.type(text, { delay: 0 });
  await page.keyboard.press('Enter');
}

async function setUpTerminal(page: Page, key: string) {
  await page.goto(`/kiosk/${FACILITY}`);
  await page.getByRole('heading', { level: 1, name: '终端设置' }).waitFor();
  await checkScreen(page, 'set-up');
  await page.getByLabel('设备密钥').fill(key);
  await page.getByRole('button', { name: '保存并启用' }).click();
  await page.getByRole('heading', { level: 1, name: '欢迎使用自助服务' }).waitFor();
}

describe('kiosk', () => {
  it('sets up, signs in with a wedge-read ID card and a phone code, queries 医保, and signs out by itself without a trace', async () => {
    const key = await issueKey();
    const page = await freshPage();
    await setUpTerminal(page, key);
    await checkScreen(page, 'home');
    const setup = await page.evaluate(() => localStorage.getItem('tongban.kiosk.terminal'));
    expect(JSON.parse(setup!)).toEqual({ facilityCode: FACILITY, terminalId: `T-${FACILITY}-1`, key });

    // Public screens without signing in.
    await page.getByRole('button', { name: /本站信息/ }).click();
    await page.getByRole('heading', { level: 1, name: '嘉兴路街道市民驿站第一分站' }).waitFor();
    await checkScreen(page, 'facility');
    await page.getByRole('button', { name: '首页' }).click();
    await page.getByRole('button', { name: /可办事项/ }).click();
    await page.getByRole('heading', { level: 1, name: '本终端可办事项' }).waitFor();
    await page.locator('.kiosk-card').first().waitFor();
    await checkScreen(page, 'services');
    await page.getByRole('button', { name: '首页' }).click();

    // A person typing an ID number is told to use the reader; nothing is sent.
    await page.keyboard.type(zhangsanId.slice(0, 10), { delay: 120 });
    await page.keyboard.press('Enter');
    await page.getByText('请使用读卡器刷身份证，不能用键盘输入证件号码。').waitFor();
    expect(sms.messages).toHaveLength(0);
    await checkScreen(page, 'card');

    // The reader's burst.
    await wedgeType(page, zhangsanId);
    await page.getByText(/验证码已发送到手机 138\*\*\*\*\d{4}/).waitFor();
    expect(sms.messages).toHaveLength(1);
    await checkScreen(page, 'code entry');
    const code = sms.lastCode();
    for (const digit of code) await page.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
    const signedIn = page.waitForResponse((response) =>
      response.url().endsWith('/api/v1/kiosk/sign-in/code'),
    );
    await page.getByRole('button', { name: '确认登录' }).click();
    const token = ((await (await signedIn).json()) as { token: string }).token;
    await page.getByRole('heading', { level: 1, name: '您好，张三' }).waitFor();
    await checkScreen(page, 'menu');

    await page.getByRole('button', { name: /医保信息/ }).click();
    await page.getByRole('heading', { level: 1, name: '医保信息' }).waitFor();
    await page.locator('.kiosk-record').waitFor();
    await checkScreen(page, 'medical insurance');
    const recordText = await page.locator('.kiosk-record').innerText();
    expect(recordText).toContain('参保状态');

    // The token never touches storage or cookies.
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toContain(token);
    expect(await page.context().cookies()).toEqual([]);

    // Walk away: the countdown comes, then the sign-out.
    const dialog = page.getByRole('alertdialog', { name: '您还在吗？' });
    await dialog.waitFor({ timeout: (IDLE_SECONDS + 3) * 1000 });
    await expectNoSeriousViolations(page, 'countdown');
    await expect.poll(() => dialog.locator('.kiosk-countdown').innerText()).toMatch(/^[0-4]$/);
    await page
      .getByRole('heading', { level: 1, name: '欢迎使用自助服务' })
      .waitFor({ timeout: (COUNTDOWN_SECONDS + 3) * 1000 });
    await page.getByText('已退出登录，您的信息已从本终端清除。').waitFor();

    const text = await page.locator('body').innerText();
    for (const trace of ['张三', '医保信息', '参保状态', recordText.slice(0, 12), zhangsanId, code])
      expect(text).not.toContain(trace);
    const html = await page.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain(zhangsanId);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['tongban.kiosk.terminal']);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.context().cookies()).toEqual([]);
    const old = await page.request.get('/api/v1/kiosk/session', {
      headers: { 'x-facility-key': key, 'x-kiosk-terminal': `T-${FACILITY}-1`, 'x-kiosk-session': token },
    });
    expect(old.status()).toBe(401);
    expect(((await old.json()) as { error: { code: string } }).error.code).toBe('KIOSK_SESSION_INVALID');
  });

  it('signs in with the QR code from 我的 → 在自助终端登录, in English, and signs out on request', async () => {
    const key = await issueKey();
    const phone = await freshPage({ viewport: { width: 390, height: 844 } });
    await phone.goto('/');
    const csrf = await signInByApi(phone, 'demo-resident2');
    await phone.goto('/me');
    await phone.getByRole('link', { name: '在自助终端登录（出示登录二维码）' }).click();
    await phone.getByRole('img', { name: '自助终端登录二维码' }).waitFor();
    await expectNoSeriousViolations(phone, 'QR sign-in page');
    // The page's QR code holds a token like this one (a scanner reads the image; here we ask for one).
    const made = await phone.request.post('/api/v1/me/kiosk-sign-in-tokens', {
      headers: { 'x-csrf-token': csrf },
    });
    const { token } = (await made.json()) as { token: string };

    const page = await freshPage();
    await setUpTerminal(page, key);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to self-service' }).waitFor();
    await page.getByRole('button', { name: /Sign in with QR code/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in with QR code' }).waitFor();
    await checkScreen(page, 'QR sign-in');
    await wedgeType(page, token);
    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    await page.getByRole('button', { name: /My applications/ }).click();
    await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    await page.locator('.kiosk-main .kiosk-lead, .kiosk-card').first().waitFor();
    await checkScreen(page, 'applications');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: '欢迎使用自助服务' }).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['tongban.kiosk.terminal']);
    // Used once: the same token does not sign in again.
    await page.getByRole('button', { name: /扫码登录/ }).click();
    await wedgeType(page, token);
    await page.getByText('二维码无效、已使用或已过期，请在手机上重新生成。').waitFor();
  });
});
