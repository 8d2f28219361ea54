// The set-up every browser journey shares: one real server and one Chromium per test file, a
// fresh context (own cookies and storage) per page, closed after each test.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, newContext, seriousAxeViolations } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Journey {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page in a new context; `options` add to the file's defaults. */
  freshPage(options?: BrowserContextOptions): Promise<Page>;
  /** Fails the test with the list of serious and critical axe violations, if any. */
  expectNoSeriousViolations(page: Page, what: string): Promise<void>;
}

/** Registers the file's hooks and returns its journey helpers; `serverOptions` e.g. set the server's env. */
export function setUpJourney(
  defaults: BrowserContextOptions = {},
  serverOptions: Parameters<typeof startServer>[0] = {},
): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer(serverOptions);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  const started = () => {
    if (!server || !browser) throw new Error('the journey has not started (use it inside tests)');
    return { server, browser };
  };
  return {
    get server() {
      return started().server;
    },
    get browser() {
      return started().browser;
    },
    async freshPage(options = {}) {
      const { server: running, browser: chromium } = started();
      const context = await newContext(chromium, running.baseUrl, { ...defaults, ...options });
      contexts.push(context);
      return context.newPage();
    },
    async expectNoSeriousViolations(page, what) {
      const violations = await seriousAxeViolations(page);
      expect(violations, `${what}:\n${violations.join('\n')}`).toEqual([]);
    },
  };
}
