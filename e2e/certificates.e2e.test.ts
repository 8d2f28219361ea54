// Certificates (电子证照): an enterprise agent finds the canteen's licences in the wallet, opens one
// with its QR code and checks it on the public page; after the issuing office revokes a licence
// the public page says so; an unknown number is reported as not found; both languages; axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

interface Summary {
  id: string;
  number: string;
  certificateType: string;
}

/** The canteen's certificates as the server lists them to its agent (demo-enterprise). */
async function canteenCertificates(page: Page): Promise<Summary[]> {
  const me = (await (await page.request.get('/api/v1/me')).json()) as { enterprises: { id: string }[] };
  const response = await page.request.get(`/api/v1/me/certificates?enterpriseId=${me.enterprises[0]!.id}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Summary[] }).items;
}

const verdict = (page: Page) => page.locator('.verify-verdict');

describe('certificate wallet and public check', () => {
  it('shows a demo licence in the wallet and as valid on the public page', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-enterprise');
    const licence = (await canteenCertificates(page)).find((c) => c.certificateType === 'business_licence')!;

    await page.getByRole('link', { name: '我的电子证照' }).click();
    await page.waitForURL('**/me/certificates');
    await page
      .getByRole('heading', { level: 2, name: /上海虹通示范餐饮管理有限公司（演示）的证照/ })
      .waitFor();
    await page.getByText(licence.number).waitFor();
    await expectNoSeriousViolations(page, 'wallet');

    await page.getByRole('link', { name: '查看 营业执照' }).click();
    await page.waitForURL(`**/me/certificates/${licence.id}`);
    await page.getByRole('heading', { level: 1, name: '营业执照' }).waitFor();
    await page.getByText('电子签名校验通过').waitFor();
    await page.getByText('统一社会信用代码').waitFor();
    const qr = page.getByRole('img', { name: `证照 ${licence.number} 的核验二维码，扫码打开公开核验页` });
    await qr.waitFor();
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await expectNoSeriousViolations(page, 'certificate');

    await page.getByRole('link', { name: '在公开核验页查看' }).click();
    await page.waitForURL(`**/verify/${licence.number}`);
    await expect.poll(() => verdict(page).innerText()).toBe('该证照真实有效。');
    await page.getByText('上海****餐饮管理有限公司（演示）').waitFor();
    await page.getByText('虹口区市场监管局').waitFor();
    await expectNoSeriousViolations(page, 'verify valid');
  });

  it('says revoked once the issuing office revokes it, and not found for an unknown number', async () => {
    const agent = await freshPage();
    await signIn(agent, 'demo-enterprise');
    const food = (await canteenCertificates(agent)).find(
      (c) => c.certificateType === 'food_business_licence',
    )!;

    const approver = await freshPage();
    await signIn(approver, 'demo-approver');
    const me = (await (await approver.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const revoked = await approver.request.post(`/api/v1/certificates/${food.id}/revoke`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { reason: '经营场所已变更，原许可证注销' },
    });
    expect(revoked.status()).toBe(200);

    const page = await freshPage();
    await page.goto('/verify');
    await page.getByRole('heading', { level: 1, name: '电子证照核验' }).waitFor();
    await page.getByRole('button', { name: '核验' }).click();
    await page.getByRole('link', { name: '请输入证照编号' }).waitFor();
    await expectNoSeriousViolations(page, 'verify form with an error');
    await page.getByLabel('证照编号').fill(food.number.toLowerCase());
    await page.getByRole('button', { name: '核验' }).click();
    await page.waitForURL(`**/verify/${food.number}`);
    await expect.poll(() => verdict(page).innerText()).toBe('该证照已被发证机关注销。');
    await page.getByText('注销时间').waitFor();
    await expectNoSeriousViolations(page, 'verify revoked');

    await page.goto('/verify/SH-BL-2026-987654');
    await expect
      .poll(() => verdict(page).innerText())
      .toBe('未找到编号为 SH-BL-2026-987654 的证照，请检查编号是否输入正确。');
    await expectNoSeriousViolations(page, 'verify not found');

    const english = await freshPage();
    await english.goto(`/verify/${food.number}`);
    await english.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => verdict(english).innerText())
      .toBe('This certificate has been revoked by the office that issued it.');
    await expectNoSeriousViolations(english, 'verify revoked in English');
  });
});
