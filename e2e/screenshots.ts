// Saves screenshots of the main pages into docs/screenshots/ (run: npx tsx e2e/screenshots.ts).
// Starts the real server with the demo city, exactly like the browser journeys do.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, newContext, signIn } from './support/browser.ts';
import { REPO_ROOT, startServer } from './support/server.ts';

const OUTPUT_DIR = join(REPO_ROOT, 'docs/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

interface Shot {
  file: string;
  viewport: { width: number; height: number };
  language?: 'zh-CN' | 'en';
  user?: string;
  path: string;
  /** Waits for the page's data to be on screen. */
  ready(page: Page): Promise<void>;
}

const districtsLoaded = async (page: Page) => {
  await page.locator('.district').first().waitFor();
};
const meLoaded = async (page: Page) => {
  await page.locator('.panel').first().waitFor();
  await page.locator('.panel .status-message').first().waitFor({ state: 'detached' });
};

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
  { file: 'me-resident-phone.png', viewport: PHONE, user: 'demo-resident', path: '/me', ready: meLoaded },
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
    await page.goto(shot.path);
    await shot.ready(page);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(OUTPUT_DIR, shot.file), fullPage: true });
    console.log(`saved docs/screenshots/${shot.file}`);
  } finally {
    await context.close();
  }
}

const server = await startServer();
const browser = await launchBrowser();
try {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const shot of SHOTS) await take(browser, server.baseUrl, shot);
} finally {
  await browser.close();
  await server.stop();
}
