// Saves screenshots of the main pages into docs/screenshots/ (run: npx tsx e2e/screenshots.ts, or
// name some files to take only those: npx tsx e2e/screenshots.ts catalog-editor.png).
// Starts the real server with the demo city, exactly like the browser journeys do.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
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

const server = await startServer();
const browser = await launchBrowser();
try {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const only = process.argv.slice(2);
  for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s.file))) {
    await take(browser, server.baseUrl, shot);
  }
} finally {
  await browser.close();
  await server.stop();
}
