// The service form renderer (rjsf with our templates) on a service page: a failed check lists
// every problem at the top with links and marks each field, in Chinese and then in English with
// the server's wording; fixing the answers clears them; a bad ID number gets the format's message.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/contracts/id-number.ts';
import { serviceDetail } from './support/catalog.ts';
import { setUpJourney } from './support/journey.ts';
import { REPO_ROOT } from './support/server.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

// 居民身份证换领: text, ID number, date, radio, address and mobile fields, hints, prefill notes.
const SERVICE = 'PSBH-0007';
const FIELDS = ['applicantName', 'idNumber', 'expiryDate', 'deliveryMethod', 'deliveryAddress', 'mobile'];
const id = (field: string) => `#form-preview-${field}`;
const errorOf = (page: Page, field: string) => page.locator(`${id(field)}-error`);

async function openServiceForm(page: Page) {
  await page.goto(`/services/${SERVICE}`);
  await page.locator('.form-preview form').waitFor();
}

describe('service form renderer', () => {
  it('renders the form from its JSON Schema in our markup', async () => {
    const page = await freshPage();
    const service = await serviceDetail<{ definition: { form: { ui: { order: string[] } } } }>(page, SERVICE);
    expect(service.definition.form.ui.order).toEqual(FIELDS);
    await openServiceForm(page);
    const preview = page.locator('.form-preview');

    // In ui.order, labelled, with hints and the register that will fill them in.
    const labels = await preview.locator('.field > .field__label').allInnerTexts();
    expect(labels.map((label) => label.replace(/\*$/, '').trim())).toEqual([
      '申请人姓名',
      '公民身份号码',
      '原证有效期截止日期',
      '领证方式',
      '邮寄地址',
      '联系电话',
    ]);
    expect(await page.getByLabel('公民身份号码').getAttribute('aria-describedby')).toBe(
      'form-preview-idNumber-hint form-preview-idNumber-prefill',
    );
    expect(await page.locator(`${id('idNumber')}-hint`).innerText()).toBe('18位居民身份证号码');
    expect(await page.locator(`${id('applicantName')}-prefill`).innerText()).toBe('将由 公安户籍 自动填写');
    // The radio group is a fieldset with a legend; the date is a date input, the address a text area.
    const group = page.getByRole('group', { name: '领证方式' });
    expect(await group.getByRole('radio').count()).toBe(2);
    expect(await group.getByLabel('邮寄到家').getAttribute('type')).toBe('radio');
    expect(await page.locator(id('expiryDate')).getAttribute('type')).toBe('date');
    expect(await page.locator(id('deliveryAddress')).evaluate((element) => element.tagName)).toBe('TEXTAREA');
    expect(await page.locator(id('mobile')).getAttribute('required')).not.toBeNull();
    // No Bootstrap: rjsf's default classes never reach the page.
    expect(await page.locator('.form-group, .control-label, .btn, .panel-danger').count()).toBe(0);
    await expectNoSeriousViolations(page, 'service form');
  });

  it('lists every problem at the top and at each field, in Chinese and then in English', async () => {
    const page = await freshPage();
    await openServiceForm(page);
    const preview = page.locator('.form-preview');
    await preview.getByRole('button', { name: '检查填写' }).click();

    const summary = preview.locator('.error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await summary.getByRole('heading').innerText()).toBe('请更正以下问题');
    const links = summary.getByRole('link');
    expect(await links.allInnerTexts()).toEqual([
      '申请人姓名：此项为必填项',
      '公民身份号码：此项为必填项',
      '原证有效期截止日期：此项为必填项',
      '领证方式：此项为必填项',
      '邮寄地址：此项为必填项',
      '联系电话：此项为必填项',
    ]);
    for (const field of FIELDS) {
      expect(await errorOf(page, field).innerText()).toContain('此项为必填项');
    }
    expect(await page.locator(id('mobile')).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(id('mobile')).getAttribute('aria-describedby')).toContain(
      'form-preview-mobile-error',
    );
    await expectNoSeriousViolations(page, 'service form with errors');

    // A summary link moves focus to its field (the first radio of a group).
    await links.nth(3).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-preview-deliveryMethod-0');
    await links.nth(1).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-preview-idNumber');

    await shoot(page, 'form-renderer-errors.png');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => summary.getByRole('heading').innerText()).toBe('There is a problem');
    expect(await links.first().innerText()).toBe('Applicant name: This field is required');
    expect(await errorOf(page, 'deliveryMethod').innerText()).toContain('This field is required');
    expect(await preview.locator('.field__label').first().innerText()).toContain('Applicant name');
    await expectNoSeriousViolations(page, 'service form with errors (en)');

    // A wrong check digit: the shared cn-id-number format, worded as the server words it.
    await page.locator(id('idNumber')).fill('110105194912310021');
    await expect
      .poll(() => errorOf(page, 'idNumber').innerText())
      .toContain('Invalid resident ID number (check the 18 characters and the check digit)');

    // Fix everything: each error goes as its field is put right, then the summary.
    await page.locator(id('applicantName')).fill('张三');
    await page.locator(id('idNumber')).fill(makeIdNumber('310109', '19850312', 101));
    await page.locator(id('expiryDate')).fill('2026-03-01');
    await page.getByRole('group', { name: 'How to receive the card' }).getByLabel('Post to me').check();
    await page.locator(id('deliveryAddress')).fill('上海市虹口区嘉兴路街道测试路1号');
    expect(await errorOf(page, 'applicantName').count()).toBe(0);
    expect(await errorOf(page, 'mobile').count()).toBe(1);
    await page.locator(id('mobile')).fill('13800138000');
    for (const field of FIELDS) await expect.poll(() => errorOf(page, field).count()).toBe(0);
    await expect.poll(() => summary.count()).toBe(0);
    expect(await page.locator(id('mobile')).getAttribute('aria-invalid')).toBeNull();

    await preview.getByRole('button', { name: 'Check my answers' }).click();
    await preview.getByText('Everything is filled in correctly.').waitFor();
  });

  it('checks a field when it is left, before any submit, and only that field', async () => {
    const page = await freshPage();
    await openServiceForm(page);
    await page.locator(id('mobile')).fill('12345');
    expect(await errorOf(page, 'mobile').count()).toBe(0);
    await page.locator(id('mobile')).blur();
    await expect.poll(() => errorOf(page, 'mobile').innerText()).toContain('请输入11位手机号码');
    expect(await errorOf(page, 'applicantName').count()).toBe(0);
    expect(await page.locator('.form-preview .error-summary').count()).toBe(0);
    // Leaving an untouched field says nothing.
    await page.locator(id('applicantName')).focus();
    await page.locator(id('applicantName')).blur();
    expect(await errorOf(page, 'applicantName').count()).toBe(0);
  });

  it('fits a 360 px phone', async () => {
    const page = await freshPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await openServiceForm(page);
    await page.locator('.form-preview').getByRole('button', { name: '检查填写' }).click();
    await page.locator('.form-preview .error-summary').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
  });
});

/** Saves the form with its error summary into docs/screenshots/. */
async function shoot(page: Page, file: string) {
  const dir = join(REPO_ROOT, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.locator('#form-title').scrollIntoViewIfNeeded();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator('.form-preview').screenshot({ path: join(dir, file) });
}
