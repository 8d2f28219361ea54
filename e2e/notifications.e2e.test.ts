// The inbox: the header badge reads out the unread count, the inbox lists the demo messages,
// opening one marks it read and follows its link, and the badge drops; settings refuse a bad
// address by field. Each page axe-checked.
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const { freshPage, expectNoSeriousViolations } = journey;

describe('notifications', () => {
  it('shows the unread count, opens a message (marking it read) and the count drops', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident');
    const nav = page.getByRole('navigation', { name: '主导航' });
    const inboxLink = nav.getByRole('link', { name: '消息（3 条未读）' });
    await inboxLink.waitFor();
    await expectNoSeriousViolations(page, 'signed in, with the badge');

    await inboxLink.click();
    await page.waitForURL('**/me/inbox');
    await expect.poll(() => page.locator('h1').textContent()).toBe('消息');
    const items = page.locator('.inbox-item');
    await expect.poll(() => items.count()).toBe(3);
    expect(await page.locator('.inbox-item--unread').count()).toBe(3);
    await page.getByText('共 3 条，3 条未读').waitFor();
    await expectNoSeriousViolations(page, 'the inbox');

    // The newest first: the facility notice links to the facility finder.
    await items.first().getByRole('link', { name: '嘉兴路街道市民驿站周六照常开放（演示）' }).click();
    await page.waitForURL('**/facilities');
    await nav.getByRole('link', { name: '消息（2 条未读）' }).waitFor();

    await page.goBack();
    await page.waitForURL('**/me/inbox');
    await expect.poll(() => page.locator('.inbox-item--unread').count()).toBe(2);
    await page.getByRole('link', { name: '仅看未读' }).click();
    await expect.poll(() => items.count()).toBe(2);

    await page.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByText('已将 2 条消息标为已读。').waitFor();
    await nav.getByRole('link', { name: '消息', exact: true }).waitFor();
    expect(await page.locator('[data-testid="inbox-unread-count"]').count()).toBe(0);
    await page.getByText('没有未读消息。').waitFor();
    await expectNoSeriousViolations(page, 'the inbox, all read');
  });

  it('saves e-mail settings, refusing a bad address next to the field and in the summary', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-resident2');
    await page.goto('/me');
    await page.getByRole('link', { name: '消息设置' }).click();
    await page.waitForURL('**/me/notification-settings');
    await expect.poll(() => page.locator('h1').textContent()).toBe('消息设置');
    await page.getByText('本平台当前未开通邮件发送').waitFor();
    await expectNoSeriousViolations(page, 'notification settings');

    await page.getByLabel('电子邮箱').fill('not-an-address');
    await page.getByLabel('同时通过邮件通知我').check();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: '保存设置' }).click();
    const summary = page.getByRole('alert').filter({ hasText: '邮箱' });
    await summary.waitFor();
    expect(await page.locator('#notification-email-error').innerText()).toContain('邮箱');
    await expectNoSeriousViolations(page, 'notification settings with an error');

    await page.getByLabel('电子邮箱').fill('li@example.org');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存。').waitFor();
    await page.getByText('li@example.org 尚未确认').waitFor();
    await page.reload();
    expect(await page.getByLabel('电子邮箱').inputValue()).toBe('li@example.org');
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
  });
});
