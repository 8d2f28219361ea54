// 事件推送 in the browser: a partner whose app was approved sets its webhook URL and events,
// sees the signing secret once, and the (empty) delivery history; axe on the page.
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { apiSession } from './support/api-session.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });

describe('webhooks page', () => {
  it('lets the owner of an approved app subscribe and shows the secret once', async () => {
    const owner = await apiSession(journey.server.baseUrl, 'demo-enterprise');
    const registered = await owner.call('POST', '/api/v1/open-platform/apps', {
      nameZh: '办件提醒助手',
      nameEn: 'Application Reminder',
      organisation: '上海示范科技有限公司',
      purpose: '在办件状态变化时提醒居民',
      privacyPolicyUrl: 'https://reminder.example/privacy',
      redirectUris: ['https://reminder.example/callback'],
      scopes: ['applications.read'],
    });
    expect(registered.status).toBe(201);
    const { id } = (await registered.json()) as { id: string };
    const admin = await apiSession(journey.server.baseUrl, 'demo-admin');
    const approved = await admin.call('POST', `/api/v1/admin/open-platform/apps/${id}/review`, {
      decision: 'approve',
    });
    expect(approved.status).toBe(200);

    const page = await journey.freshPage();
    await signIn(page, 'demo-enterprise');
    await page.goto('/open-platform/webhooks');
    await page.getByRole('heading', { level: 1, name: '事件推送（Webhook）' }).waitFor();
    await page.getByRole('heading', { name: '办件提醒助手' }).waitFor();
    // Only the events the approved scopes cover are offered.
    await page.getByRole('checkbox', { name: /办件状态变化/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /账单出具/ }).count()).toBe(0);
    await journey.expectNoSeriousViolations(page, 'webhooks, no subscription');

    await page.getByLabel('推送地址').fill('ftp://reminder.example/hooks');
    await page.getByRole('button', { name: '保存并生成签名密钥' }).click();
    await page.locator('#webhook-url-error').waitFor();
    await journey.expectNoSeriousViolations(page, 'webhooks, refused URL');

    await page.getByLabel('推送地址').fill('https://reminder.example/hooks');
    await page.getByRole('button', { name: '保存并生成签名密钥' }).click();
    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/^whsec_/);
    await page.getByText('暂无推送记录。').waitFor();
    await journey.expectNoSeriousViolations(page, 'webhooks, subscribed');

    // Shown once: after a reload the secret is gone, the subscription stays.
    await page.reload();
    await expect.poll(() => page.getByLabel('推送地址').inputValue()).toBe('https://reminder.example/hooks');
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    await page.screenshot({ path: 'test-results/webhooks-page.png', fullPage: true });
  });
});
