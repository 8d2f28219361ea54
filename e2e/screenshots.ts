// Saves screenshots of the main pages into docs/screenshots/ (run: npx tsx e2e/screenshots.ts, or
// name some files to take only those: npx tsx e2e/screenshots.ts catalog-editor.png).
// Starts the real server with the demo city, exactly like the browser journeys do.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { spawnBillers, type SpawnedBillers } from '../demo/billers/spawn.ts';
import { spawnPaymentProvider, type SpawnedPaymentProvider } from '../demo/payment-provider/spawn.ts';
import { sampleFormData } from '../test/support/form-samples.ts';
import { apiSession } from './support/api-session.ts';
import { launchBrowser, newContext, signIn } from './support/browser.ts';
import { findService } from './support/catalog.ts';
import { REPO_ROOT, startServer } from './support/server.ts';
import { demoPopulation } from '../demo/population.ts';

const OUTPUT_DIR = join(REPO_ROOT, 'docs/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

interface Shot {
  file: string;
  viewport: { width: number; height: number };
  language?: 'zh-CN' | 'en';
  user?: string;
  /** The page to open, or how to find it (e.g. through the search API). */
  path: string | ((page: Page) => Promise<string>);
  /** Waits for the page's data to be on screen. */
  ready(page: Page): Promise<void>;
  /** The whole page (default) or only the viewport, e.g. after scrolling to what matters. */
  fullPage?: boolean;
  /** Needs the demo payment provider and billers (started as their own processes). */
  payments?: boolean;
}

const districtsLoaded = async (page: Page) => {
  await page.locator('.district').first().waitFor();
};
const resultsLoaded = async (page: Page) => {
  await page.locator('.result').first().waitFor();
};
const meLoaded = async (page: Page) => {
  await page.locator('.panel').first().waitFor();
  await page.locator('.panel .status-message').first().waitFor({ state: 'detached' });
};

/** Signs in over the API (cookie + CSRF) for set-up calls a screenshot needs. */
async function apiAs(baseUrl: string, username: string) {
  const { call } = await apiSession(baseUrl, username);
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await call(method, path, body, headers);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
}

/** demo-resident files 个体工商户设立登记 a few times; the clerk accepts the first. Returns its id. */
async function workbenchApplications(page: Page): Promise<string> {
  const baseUrl = new URL(page.url()).origin;
  const resident = await apiAs(baseUrl, 'demo-resident');
  const service = await resident<{ id: string; definition: { form: { schema: Record<string, unknown> } } }>(
    'GET',
    '/api/v1/services/SAMR-0002',
  );
  const names = ['张记小吃', '嘉兴路修鞋铺', '天宝路水果店'];
  const receipts: { id: string }[] = [];
  for (const [index, tradeName] of names.entries())
    receipts.push(
      await resident<{ id: string }>(
        'POST',
        '/api/v1/applications',
        {
          serviceId: service.id,
          data: sampleFormData(service.definition.form.schema, {
            tradeName,
            businessAddress: `上海市虹口区嘉兴路街道天宝路${100 + index}号`,
          }),
        },
        { 'idempotency-key': `screenshot-${Date.now()}-${index}` },
      ),
    );
  const clerk = await apiAs(baseUrl, 'demo-clerk');
  const queue = await clerk<{ items: { id: string; application: { id: string } }[] }>(
    'GET',
    '/api/v1/workbench/tasks?limit=100',
  );
  const first = queue.items.find((item) => item.application.id === receipts[0]!.id)!;
  await clerk('POST', `/api/v1/workbench/tasks/${first.id}/actions`, { action: 'accept' });
  return receipts[0]!.id;
}

const KIOSK_SCREEN = { width: 1080, height: 1920 };
const KIOSK_FACILITY = '310109004-A01';

/** Sets the kiosk up in this browser with a fresh device key issued by the street's operator. */
async function kioskSetUp(page: Page): Promise<string> {
  const login = await page.request.post('/api/v1/auth/login', {
    data: { username: 'demo-operator', password: 'Demo#2026' },
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const rotated = await page.request.post(`/api/v1/facilities/${KIOSK_FACILITY}/keys`, {
    headers: { 'x-csrf-token': csrfToken },
  });
  const { key } = (await rotated.json()) as { key: string };
  await page.request.post('/api/v1/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
  await page.evaluate((setup) => localStorage.setItem('tongban.kiosk.terminal', JSON.stringify(setup)), {
    facilityCode: KIOSK_FACILITY,
    terminalId: `T-${KIOSK_FACILITY}-1`,
    key,
  });
  return `/kiosk/${KIOSK_FACILITY}`;
}

/** The card reader's burst (ID number + Enter), then the demo SMS panel's code on the keypad. */
async function kioskCardRead(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: '欢迎使用自助服务' }).waitFor();
  await page.keyboard.type(demoPopulation().idNumbers['zhangsan']!, { delay: 0 });
  await page.keyboard.press('Enter');
  await page.locator('.kiosk-demo-sms').waitFor();
}

/** Waits for `texts` in the page's main region and for its loading notes to go. */
async function settled(page: Page, ...texts: string[]): Promise<void> {
  const main = page.locator('main');
  await main.locator('h1').first().waitFor();
  for (const text of texts) await main.getByText(text, { exact: false }).first().waitFor();
  await page.waitForFunction(() => !/正在加载/.test(document.querySelector('main')?.textContent ?? ''));
}

const DESK_PROJECT = '虹通中央厨房新建项目（演示）';
const DESK_ROOM = '虹通中央厨房项目协调群（演示）';

/**
 * demo-enterprise files a request (诉求) for its enterprise; demo-manager (店小二) accepts it and
 * routes it to the market regulator and the fire brigade, whose officers both answer. Returns its id.
 */
async function deskRequest(page: Page): Promise<string> {
  const baseUrl = new URL(page.url()).origin;
  const agent = await apiAs(baseUrl, 'demo-enterprise');
  const me = await agent<{ enterprises: { id: string; name: string }[] }>('GET', '/api/v1/me');
  const enterprise = me.enterprises.find((item) => item.name.includes('虹通')) ?? me.enterprises[0]!;
  const filed = await agent<{ id: string }>('POST', `/api/v1/desk/enterprises/${enterprise.id}/requests`, {
    category: 'permits',
    title: '增加堂食面积后的许可变更',
    description:
      '计划把隔壁铺面并入经营，堂食面积增加到 260 平方米，需要知道食品经营许可和消防手续怎样变更。',
  });
  const manager = await apiAs(baseUrl, 'demo-manager');
  await manager('POST', `/api/v1/desk/requests/${filed.id}/accept`, { note: '已收到，今天内转相关部门。' });
  const offices = await manager<{ items: { id: string; nameZh: string }[] }>(
    'GET',
    `/api/v1/desk/requests/${filed.id}/route-offices`,
  );
  const officeId = (name: string) => offices.items.find((office) => office.nameZh === name)!.id;
  const samr = officeId('虹口区市场监管局');
  const fire = officeId('虹口区消防救援支队');
  await manager('POST', `/api/v1/desk/requests/${filed.id}/route`, {
    offices: [
      { officeId: samr, instructions: '请答复食品经营许可变更的流程和时限。' },
      { officeId: fire, instructions: '请答复堂食面积增加后的消防要求。' },
    ],
  });
  const detail = await agent<{ parts: { id: string; officeId: string }[] }>(
    'GET',
    `/api/v1/desk/requests/${filed.id}`,
  );
  const partOf = (office: string) => detail.parts.find((part) => part.officeId === office)!.id;
  const clerk = await apiAs(baseUrl, 'demo-clerk');
  await clerk('POST', `/api/v1/desk/request-parts/${partOf(samr)}/answer`, {
    answer: '请在“一网通办”提交食品经营许可变更（增加经营场所面积），3个工作日内办结。',
  });
  const fireOfficer = await apiAs(baseUrl, 'demo-fire');
  await fireOfficer('POST', `/api/v1/desk/request-parts/${partOf(fire)}/answer`, {
    answer: '面积超过 200 平方米须办理消防设计审查，可与施工图一并提交，我队安排专人对接。',
  });
  return filed.id;
}

/** The id of the first item of the list at `path` whose `key` is `value` (as the signed-in user). */
async function idFrom(page: Page, path: string, key: string, value: string): Promise<string> {
  const response = await page.request.get(path);
  const items = ((await response.json()) as { items: Record<string, string>[] }).items;
  const item = items.find((entry) => entry[key] === value);
  if (!item) throw new Error(`${path}: no item with ${key} ${value}`);
  return item.id!;
}

/**
 * demo-resident's traffic fine is paid at the demo provider, whose notification is lost (so the
 * day's statement has a payment Tongban has not settled yet).
 */
async function paidFineWithLostNotification(page: Page): Promise<void> {
  const baseUrl = new URL(page.url()).origin;
  const resident = await apiAs(baseUrl, 'demo-resident');
  const payables = await resident<{ items: { id: string; kind: string; status: string }[] }>(
    'GET',
    '/api/v1/payments/payables',
  );
  const fine = payables.items.find((item) => item.kind === 'traffic_fine' && item.status === 'unpaid');
  if (!fine) throw new Error('demo-resident has no unpaid fine');
  const created = await resident<{ order: { merchantOrderNo: string } }>(
    'POST',
    '/api/v1/payments/orders',
    { payableIds: [fine.id] },
    { 'idempotency-key': `screenshot-${Date.now()}` },
  );
  await payments!.provider.control({ dropRate: 1 });
  await payments!.provider.pay(created.order.merchantOrderNo);
}

/**
 * demo-admin widens the 免申即享 job-keeping grant to tax credit ratings A and B (as in
 * e2e/desk-policies.e2e.test.ts), so the canteen that demo-enterprise acts for gets it; waits for
 * the matching job to finish.
 */
async function canteenGrantedABenefit(page: Page): Promise<void> {
  const admin = await apiAs(new URL(page.url()).origin, 'demo-admin');
  interface Policy {
    id: string;
    code: string;
    titleZh: string;
    titleEn: string;
    summaryZh: string;
    summaryEn: string;
    districtCode: string | null;
    isAutoGrant: boolean;
    benefitAmountFen: number | null;
    ruleVersion: number;
    lastRun: { ruleVersion: number; finishedAt: string | null } | null;
  }
  const library = await admin<{ items: Policy[] }>('GET', '/api/v1/desk/policy-library');
  const policy = library.items.find((item) => item.code === 'HK-2026-002')!;
  const { titleZh, titleEn, summaryZh, summaryEn, districtCode, isAutoGrant, benefitAmountFen } =
    await admin<Policy>('GET', `/api/v1/desk/policy-library/${policy.id}`);
  const changed = await admin<Policy>('PUT', `/api/v1/desk/policy-library/${policy.id}`, {
    ...{ titleZh, titleEn, summaryZh, summaryEn, districtCode, isAutoGrant, benefitAmountFen },
    rule: {
      all: [
        { field: 'district', op: 'eq', value: '310109' },
        { field: 'sizeClass', op: 'in', value: ['micro', 'small'] },
        { field: 'taxCreditRating', op: 'in', value: ['A', 'B'] },
      ],
    },
  });
  for (let tries = 0; tries < 80; tries += 1) {
    const { lastRun } = await admin<Policy>('GET', `/api/v1/desk/policy-library/${policy.id}`);
    if (lastRun?.ruleVersion === changed.ruleVersion && lastRun.finishedAt) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the policy was not matched again in time');
}

/** demo-life-helper sends demo-resident (signed in at the issuer's host) to Tongban with PKCE. */
async function consentPage(page: Page): Promise<string> {
  // The issuer is TONGBAN_PUBLIC_URL (http://localhost:<port>): cookies are per host.
  const issuer = new URL(page.url()).origin.replace('127.0.0.1', 'localhost');
  await page.request.post(`${issuer}/api/v1/auth/login`, {
    data: { username: 'demo-resident', password: 'Demo#2026' },
  });
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: 'demo-life-helper',
    response_type: 'code',
    redirect_uri: 'http://localhost:4000/callback',
    scope: 'openid profile housing_fund applications.read',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(16).toString('base64url'),
  });
  return `${issuer}/oidc/auth?${query.toString()}`;
}

const SHOTS: Shot[] = [
  { file: 'home.png', viewport: DESKTOP, path: '/', ready: districtsLoaded },
  {
    file: 'login.png',
    viewport: DESKTOP,
    path: '/login',
    ready: (page) => page.locator('#username').waitFor(),
  },
  {
    file: 'register.png',
    viewport: DESKTOP,
    path: '/register',
    ready: (page) => page.locator('#idNumber').waitFor(),
  },
  { file: 'me-resident.png', viewport: DESKTOP, user: 'demo-resident', path: '/me', ready: meLoaded },
  {
    file: 'me-enterprise-agent.png',
    viewport: DESKTOP,
    user: 'demo-enterprise',
    path: '/me',
    ready: meLoaded,
  },
  { file: 'me-clerk.png', viewport: DESKTOP, user: 'demo-clerk', path: '/me', ready: meLoaded },
  { file: 'home-en.png', viewport: DESKTOP, language: 'en', path: '/', ready: districtsLoaded },
  {
    file: 'me-resident-en.png',
    viewport: DESKTOP,
    language: 'en',
    user: 'demo-resident',
    path: '/me',
    ready: meLoaded,
  },
  { file: 'home-phone.png', viewport: PHONE, path: '/', ready: districtsLoaded },
  {
    file: 'home-search.png',
    viewport: { width: 1280, height: 640 },
    path: '/',
    ready: async (page) => {
      await districtsLoaded(page);
      await page.getByRole('combobox').first().fill('医保');
      await page.getByRole('listbox').first().waitFor();
      await page.keyboard.press('ArrowDown');
    },
    fullPage: false,
  },
  { file: 'catalog-search.png', viewport: DESKTOP, path: '/services?q=医保', ready: resultsLoaded },
  {
    file: 'catalog-search-phone.png',
    viewport: PHONE,
    path: '/services?q=开饭店',
    ready: resultsLoaded,
    fullPage: false,
  },
  {
    file: 'service-bundle.png',
    viewport: { width: 1280, height: 1400 },
    path: async (page) =>
      `/services/${(await findService(page, '开饭店', (item) => item.nameZh === '开办餐饮店一件事')).code}`,
    ready: (page) => page.locator('.savings').waitFor(),
    fullPage: false,
  },
  {
    file: 'service-page.png',
    viewport: DESKTOP,
    user: 'demo-resident',
    path: '/services/MIB-0011',
    ready: async (page) => {
      await page.locator('.office').waitFor();
      await page.locator('.form-preview button[type=submit]').click();
      await page.locator('.form-preview .error-summary').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    file: 'catalog-editor.png',
    viewport: { width: 1280, height: 1000 },
    user: 'demo-office-admin',
    path: async (page) => {
      const item = await findService(page, '食品经营许可证核发');
      const list = await page.request.get('/api/v1/admin/catalog');
      const entries = ((await list.json()) as { items: { id: string; code: string }[] }).items;
      return `/admin/catalog/${entries.find((entry) => entry.code === item.code)?.id ?? ''}`;
    },
    ready: async (page) => {
      await page.locator('#formSchema').waitFor();
      const preview = page.getByTestId('live-preview');
      await preview.locator('input[type=text]').first().waitFor();
      // Typing in the preview checks as it goes, with the same rules as the server.
      await preview.getByRole('textbox').first().fill('A');
      await preview.locator('.field__error').first().waitFor();
      await page
        .locator('.editor-section', { has: page.locator('#formSchema') })
        .evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -90));
    },
    fullPage: false,
  },
  { file: 'me-resident-phone.png', viewport: PHONE, user: 'demo-resident', path: '/me', ready: meLoaded },
  {
    file: 'facilities-finder.png',
    viewport: DESKTOP,
    path: async (page) => {
      // From 嘉兴路街道: its street-level facility's coordinates stand for the street.
      const list = await page.request.get('/api/v1/facilities?district=310109&tier=street&limit=100');
      const items = ((await list.json()) as { items: { streetCode: string; lat: number; lng: number }[] })
        .items;
      const centre = items.find((item) => item.streetCode === '310109004');
      return `/facilities?near=${centre?.lat ?? ''},${centre?.lng ?? ''}&place=310109004`;
    },
    ready: (page) => page.locator('.facility-map').waitFor(),
  },
  {
    file: 'facility-page.png',
    viewport: DESKTOP,
    path: '/facilities/310109004-A01',
    ready: (page) => page.locator('.facility-map').waitFor(),
  },
  {
    file: 'facility-console.png',
    viewport: DESKTOP,
    user: 'demo-operator',
    path: '/facilities/console',
    ready: async (page) => {
      await page.locator('[data-testid="services-chart"] canvas').first().waitFor();
      await page.waitForTimeout(500);
    },
  },
  {
    file: 'facility-console-table.png',
    viewport: DESKTOP,
    user: 'demo-operator',
    path: '/facilities/console',
    ready: async (page) => {
      await page.locator('[data-testid="heatmap-chart"] canvas').first().waitFor();
      await page.locator('details summary').first().click();
      await page
        .getByTestId('heatmap-table')
        .evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, -120));
    },
    fullPage: false,
  },
  {
    file: 'facility-console-import.png',
    viewport: DESKTOP,
    user: 'demo-operator',
    path: '/facilities/console/import',
    ready: async (page) => {
      const header =
        'code,name,name_type,tier,district,street,address,lat,lng,built_year,renovated_year,operator_model,operator_name,services,opening_hours';
      const rows = [
        header,
        '310109004-A02,嘉兴路街道市民驿站第二分站,市民驿站,area,310109,310109004,上海市虹口区海宁路200号,31.262,121.488,2018,,purchased,上海市虹口区嘉兴路乐群社区服务中心（演示）,culture;education;meals,Mo-Fr 08:30-17:00',
        'JX-NEW-01,嘉兴路街道新建睦邻点,睦邻点,village,310109,310109004,上海市虹口区安丘路10号,31.265,121.49,2025,,self,,meals;elderly_care,Mo-Fr 09:00-17:00',
        'QY-01,曲阳路某站,睦邻点,village,310109,310109002,上海市虹口区曲阳路1号,31.28,121.5,2020,,self,,meals,Mo-Fr 09:00-17:00',
        'JX-BAD-01,嘉兴路街道坏行,睦邻点,tower,310109,310109004,上海市虹口区安丘路11号,31.265,121.49,2025,,self,,meals,Mo-Fr 09:00-17:00',
      ];
      await page.getByLabel(/CSV/).setInputFiles({
        name: 'jiaxing-road.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(rows.join('\n'), 'utf8'),
      });
      await page.getByRole('button', { name: '上传并预览' }).click();
      await page.getByTestId('preview-counts').waitFor();
    },
  },
  {
    file: 'facility-console-district.png',
    viewport: DESKTOP,
    user: 'demo-admin',
    path: '/facilities/console/districts/310109',
    ready: async (page) => {
      await page.locator('[data-testid="district-chart"] canvas').first().waitFor();
      await page.waitForTimeout(500);
    },
  },
  {
    file: 'certificate-wallet.png',
    viewport: DESKTOP,
    user: 'demo-enterprise',
    path: '/me/certificates',
    ready: (page) => page.locator('.certificate-item').first().waitFor(),
  },
  {
    file: 'certificate-verify.png',
    viewport: DESKTOP,
    user: 'demo-enterprise',
    path: async (page) => {
      const me = (await (await page.request.get('/api/v1/me')).json()) as { enterprises: { id: string }[] };
      const wallet = (await (
        await page.request.get(`/api/v1/me/certificates?enterpriseId=${me.enterprises[0]!.id}`)
      ).json()) as { items: { number: string; certificateType: string }[] };
      const licence = wallet.items.find((item) => item.certificateType === 'business_licence')!;
      return `/verify/${licence.number}`;
    },
    ready: (page) => page.locator('.verify-verdict').waitFor(),
  },
  {
    file: 'workbench-queue.png',
    viewport: DESKTOP,
    user: 'demo-clerk',
    path: async (page) => {
      await workbenchApplications(page);
      return '/workbench';
    },
    ready: async (page) => {
      await page.locator('.queue-table .time-badge').first().waitFor();
      await page.locator('.office-stats__office').first().waitFor();
    },
  },
  {
    file: 'workbench-application.png',
    viewport: { width: 1280, height: 1300 },
    user: 'demo-reviewer',
    path: async (page) => `/workbench/applications/${await workbenchApplications(page)}`,
    ready: async (page) => {
      await page.locator('.task-card').first().waitFor();
      await page.getByRole('button', { name: '要求补正' }).click();
      await page.getByRole('button', { name: '添加表单项' }).click();
      await page.getByLabel('表单项', { exact: true }).selectOption({ label: '经营场所' });
      await page.getByLabel('原因及要求').fill('经营场所地址须写到门牌号');
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    file: 'kiosk-home.png',
    viewport: KIOSK_SCREEN,
    path: kioskSetUp,
    ready: (page) => page.getByRole('heading', { level: 1, name: '欢迎使用自助服务' }).waitFor(),
    fullPage: false,
  },
  {
    file: 'kiosk-code.png',
    viewport: KIOSK_SCREEN,
    path: kioskSetUp,
    ready: async (page) => {
      await kioskCardRead(page);
      await page.getByRole('button', { name: '数字 1', exact: true }).click();
      await page.getByRole('button', { name: '数字 2', exact: true }).click();
    },
    fullPage: false,
  },
  {
    file: 'kiosk-medical.png',
    viewport: KIOSK_SCREEN,
    path: kioskSetUp,
    ready: async (page) => {
      await kioskCardRead(page);
      const text = await page.locator('.kiosk-demo-sms__text').innerText();
      for (const digit of /验证码 (\d{6})/.exec(text)![1]!)
        await page.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
      await page.getByRole('button', { name: '确认登录' }).click();
      await page.getByRole('button', { name: /医保信息/ }).click();
      await page.locator('.kiosk-record').waitFor();
    },
    fullPage: false,
  },
  {
    file: 'desk-request.png',
    viewport: { width: 1280, height: 1000 },
    user: 'demo-enterprise',
    path: async (page) => `/desk/requests/${await deskRequest(page)}`,
    ready: async (page) => {
      await page.getByRole('heading', { name: '确认解决并评价' }).waitFor();
      await settled(page, '3个工作日内办结', '消防设计审查');
    },
  },
  {
    file: 'desk-policies.png',
    viewport: DESKTOP,
    user: 'demo-enterprise',
    path: async (page) => {
      await canteenGrantedABenefit(page);
      return '/desk/policies';
    },
    ready: async (page) => {
      await page.getByTestId('benefits').waitFor();
      await settled(page, '¥5,000.00');
    },
  },
  {
    file: 'desk-workspace.png',
    viewport: DESKTOP,
    user: 'demo-enterprise',
    path: '/desk',
    ready: (page) => settled(page, '冯俊杰（店小二）', '增加堂食面积后的许可变更'),
  },
  {
    file: 'desk-manager.png',
    viewport: DESKTOP,
    user: 'demo-manager',
    path: async (page) => {
      // A fresh request waits for the manager's first response.
      const agent = await apiAs(new URL(page.url()).origin, 'demo-enterprise');
      const me = await agent<{ enterprises: { id: string }[] }>('GET', '/api/v1/me');
      await agent('POST', `/api/v1/desk/enterprises/${me.enterprises[0]!.id}/requests`, {
        category: 'hiring',
        title: '外籍厨师来华工作许可咨询',
        description: '中央厨房计划聘请两名外籍厨师，想了解工作许可的办理条件和所需时间。',
      });
      return '/desk/manager';
    },
    ready: (page) => settled(page, '外籍厨师来华工作许可咨询'),
  },
  {
    file: 'desk-room.png',
    viewport: { width: 1280, height: 1000 },
    user: 'demo-manager',
    path: async (page) => `/desk/rooms/${await idFrom(page, '/api/v1/desk/rooms', 'title', DESK_ROOM)}`,
    ready: (page) => settled(page, '回复施工图审查意见'),
  },
  {
    file: 'desk-project.png',
    viewport: DESKTOP,
    user: 'demo-manager',
    path: async (page) =>
      `/desk/projects/${await idFrom(page, '/api/v1/desk/projects', 'name', DESK_PROJECT)}`,
    ready: (page) => settled(page, DESK_PROJECT),
  },
  {
    file: 'desk-metrics.png',
    viewport: DESKTOP,
    user: 'demo-manager',
    path: '/desk/metrics',
    ready: (page) => settled(page),
  },
  {
    file: 'desk-investment.png',
    viewport: DESKTOP,
    user: 'demo-manager',
    path: '/desk/investment',
    ready: (page) => settled(page),
  },
  {
    file: 'payments-reconciliation.png',
    viewport: DESKTOP,
    user: 'demo-admin',
    payments: true,
    path: async (page) => {
      await paidFineWithLostNotification(page);
      return '/admin/reconciliation';
    },
    ready: async (page) => {
      await page.getByRole('heading', { name: '对账', level: 1 }).waitFor();
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      await page.getByLabel('对账日期（北京时间）').fill(today);
      await page.getByRole('button', { name: '开始对账' }).click();
      await page.getByText(new RegExp(`^${today} 对账完成`)).waitFor();
      await page
        .getByRole('table', { name: '对账记录' })
        .getByRole('row', { name: new RegExp(`^${today}`) })
        .waitFor();
      // The payment whose notification was lost was booked by the run: show it among all.
      await page.getByLabel('处理状态').selectOption({ label: '全部' });
      await page.getByText('共 1 处差异').waitFor();
      await settled(page);
    },
  },
  {
    file: 'open-platform-consent.png',
    viewport: DESKTOP,
    path: consentPage,
    ready: async (page) => {
      await page.waitForURL('**/open-platform/authorize/**');
      await settled(page, '随申办生活助手（演示）', '公积金账户、余额和明细');
    },
  },
  {
    file: 'open-platform-review.png',
    viewport: DESKTOP,
    user: 'demo-admin',
    path: async (page) => {
      const partner = await apiAs(new URL(page.url()).origin, 'demo-enterprise');
      await partner('POST', '/api/v1/open-platform/apps', {
        nameZh: '社保查询助手',
        nameEn: 'Pension Helper',
        organisation: '上海示范科技有限公司',
        purpose: '帮助居民查看社保缴费记录和待遇领取情况',
        privacyPolicyUrl: 'https://pension-helper.example/privacy',
        redirectUris: ['https://pension-helper.example/callback'],
        scopes: ['social_insurance'],
      });
      return '/admin/open-platform';
    },
    ready: (page) => settled(page, '社保查询助手'),
  },
];

async function take(browser: Browser, baseUrl: string, shot: Shot): Promise<void> {
  const options: BrowserContextOptions = { viewport: shot.viewport, deviceScaleFactor: 1 };
  if (shot.viewport.width < 500) Object.assign(options, { isMobile: true, hasTouch: true });
  const context = await newContext(browser, baseUrl, options);
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.evaluate(
      (language) => localStorage.setItem('tongban.lang', language),
      shot.language ?? 'zh-CN',
    );
    if (shot.user) await signIn(page, shot.user);
    await page.goto(typeof shot.path === 'string' ? shot.path : await shot.path(page));
    await shot.ready(page);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(OUTPUT_DIR, shot.file), fullPage: shot.fullPage ?? true });
    console.log(`saved docs/screenshots/${shot.file}`);
  } finally {
    await context.close();
  }
}

const only = process.argv.slice(2);
const chosen = SHOTS.filter((shot) => only.length === 0 || only.includes(shot.file));
// Shots of payments start the demo provider and billers, as the payment journeys do.
let payments: { provider: SpawnedPaymentProvider; billers: SpawnedBillers } | undefined;
if (chosen.some((shot) => shot.payments)) {
  const [provider, billers] = await Promise.all([spawnPaymentProvider(), spawnBillers()]);
  payments = { provider, billers };
}
const server = await startServer({
  env: payments
    ? { TONGBAN_PAYMENT_PROVIDER_URL: payments.provider.url, TONGBAN_BILLERS_URL: payments.billers.url }
    : {},
});
const browser = await launchBrowser();
try {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const shot of chosen) await take(browser, server.baseUrl, shot);
} finally {
  await browser.close();
  await server.stop();
  await payments?.provider.stop();
  await payments?.billers.stop();
}
