// The reconciliation report (/admin/reconciliation): a platform admin reconciles today with the
// demo provider and billers running as their own processes, sees the run and the (empty) list of
// differences, and the page passes axe; an office admin sees the page without the start form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBillers, type SpawnedBillers } from '../demo/billers/spawn.ts';
import { spawnPaymentProvider, type SpawnedPaymentProvider } from '../demo/payment-provider/spawn.ts';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

let provider: SpawnedPaymentProvider;
let billers: SpawnedBillers;
const urls: Record<string, string> = {};

beforeAll(async () => {
  [provider, billers] = await Promise.all([spawnPaymentProvider(), spawnBillers()]);
  urls.TONGBAN_PAYMENT_PROVIDER_URL = provider.url;
  urls.TONGBAN_BILLERS_URL = billers.url;
}, 60_000);
afterAll(async () => {
  await provider?.stop();
  await billers?.stop();
});

// The server's env is read when the journey starts (after beforeAll above has filled `urls`).
const journey = setUpJourney({ viewport: { width: 1280, height: 900 } }, { env: urls });
const { freshPage, expectNoSeriousViolations } = journey;

describe('reconciliation report', () => {
  it('lets a platform admin reconcile a day and read the result', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-admin');
    await page.goto('/admin/reconciliation');
    await page.getByRole('heading', { name: '对账', level: 1 }).waitFor();
    await page.getByText('还没有对账记录。').waitFor();
    await expectNoSeriousViolations(page, 'reconciliation, no runs');

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('对账日期（北京时间）').fill(today);
    await page.getByRole('button', { name: '开始对账' }).click();
    await page.getByText(`${today} 对账完成，发现 0 处差异。`).waitFor();
    const runs = page.getByRole('table', { name: '对账记录' });
    await runs.getByRole('row', { name: new RegExp(`^${today}`) }).waitFor();
    expect(await runs.getByRole('row', { name: new RegExp(`^${today}`) }).innerText()).toMatch(/已完成/);
    await page.getByText('没有符合条件的差异。').waitFor();
    const csv = page.getByRole('link', { name: '下载 CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/v1/payments/reconciliation/mismatches.csv?status=open');
    await expectNoSeriousViolations(page, 'reconciliation after a run');
  });

  it('shows an office admin the report without the start form', async () => {
    const page = await freshPage();
    await signIn(page, 'demo-office-admin');
    await page.goto('/admin/reconciliation');
    await page.getByRole('heading', { name: '对账记录' }).waitFor();
    expect(await page.getByRole('button', { name: '开始对账' }).count()).toBe(0);
    await expectNoSeriousViolations(page, 'reconciliation for an office admin');
  });
});
