// Residents finding a community service facility: from a street, from where they are, from typed
// coordinates; filters; a facility's page with its hours and services; the network in figures;
// English, axe and a 360 px phone. Expected values come from the server's own answers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasHorizontalScroll } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney();
const { freshPage, expectNoSeriousViolations } = journey;

interface Facility {
  code: string;
  name: string;
  tier: string;
  streetName: string;
  lat: number;
  lng: number;
  openingHours: string;
  services: { key: string; name: string }[];
  distanceMeters?: number;
}

async function apiGet<T>(page: Page, path: string, language = 'zh-CN'): Promise<T> {
  const response = await page.request.get(path, { headers: { 'accept-language': language } });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** 嘉兴路街道's own (street-level) facility, whose coordinates stand for the street. */
async function jiaxingRoadCentre(page: Page): Promise<Facility> {
  const list = await apiGet<{ items: Facility[] }>(
    page,
    '/api/v1/facilities?district=310109&tier=street&limit=100',
  );
  const centre = list.items.find((item) => item.streetName === '嘉兴路街道');
  if (!centre) throw new Error('嘉兴路街道 has no street-level facility');
  return centre;
}

const FIRST_BRANCH = '嘉兴路街道市民驿站第一分站';
const resultNames = (page: Page) => page.locator('.facility-result .result__title').allInnerTexts();
const meters = (text: string) => {
  const match = /([\d.,]+)\s*(k?m)/.exec(text);
  if (!match) throw new Error(`no distance in ${text}`);
  const value = Number(match[1]!.replace(/,/g, ''));
  return match[2] === 'km' ? value * 1000 : value;
};

describe('facility finder', () => {
  it('lists 嘉兴路街道’s facilities nearest its centre first, and a filter narrows them', async () => {
    const page = await freshPage();
    const centre = await jiaxingRoadCentre(page);
    const inStreet = async (filter = '') => {
      const list = await apiGet<{ items: Facility[] }>(
        page,
        `/api/v1/facilities?near=${centre.lat},${centre.lng}&district=310109&limit=100${filter}`,
      );
      return list.items.filter((item) => item.streetName === '嘉兴路街道');
    };
    const expected = await inStreet();

    await page.goto('/facilities');
    await page.getByRole('heading', { level: 1, name: '找社区服务设施' }).waitFor();
    await page.getByLabel('区', { exact: true }).selectOption({ label: '虹口区' });
    await page.getByLabel('街道或镇').selectOption({ label: '嘉兴路街道' });
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL(`**/facilities?near=${centre.lat}%2C${centre.lng}&place=310109004`);
    await page.locator('.facility-result').first().waitFor();

    const names = await resultNames(page);
    expect(names).toEqual(expected.map((item) => item.name));
    expect(names[0]).toBe('嘉兴路街道市民驿站');
    expect(names).toContain(FIRST_BRANCH);
    const distances = (await page.locator('.facility-result__distance').allInnerTexts()).map(meters);
    expect(distances).toHaveLength(expected.length);
    for (let index = 1; index < distances.length; index += 1) {
      expect(distances[index]).toBeGreaterThanOrEqual(distances[index - 1]!);
    }
    expect(await page.locator('.result-count').innerText()).toBe(
      `嘉兴路街道的 ${expected.length} 处设施，离街镇中心由近到远排列`,
    );

    // The map: one linked point per result, plus the search point.
    const map = page.getByRole('group', { name: /地图/ });
    expect(await map.getByRole('link').count()).toBe(expected.length);
    expect(await page.locator('.facility-map__origin').count()).toBe(1);

    // Only area-level facilities (片区级): fewer, all of that tier, still nearest first.
    await page.getByLabel('设施层级').selectOption({ label: '片区级' });
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL('**tier=area');
    const areaLevel = await inStreet('&tier=area');
    await expect.poll(() => resultNames(page)).toEqual(areaLevel.map((item) => item.name));
    expect(areaLevel.length).toBeGreaterThan(0);
    expect(areaLevel.length).toBeLessThan(expected.length);
    expect(await resultNames(page)).toContain(FIRST_BRANCH);
    for (const meta of await page.locator('.facility-result__meta').allInnerTexts()) {
      expect(meta).toContain('片区级');
    }
    // The filter is in the address: reloading keeps it, and the form shows it.
    await page.reload();
    await page.locator('.facility-result').first().waitFor();
    expect(await page.getByLabel('设施层级').inputValue()).toBe('area');
    expect(await page.getByLabel('街道或镇').inputValue()).toBe('310109004');
  });

  it('finds the nearest facilities city-wide from typed coordinates, nearest first', async () => {
    const page = await freshPage();
    const centre = await jiaxingRoadCentre(page);
    const expected = await apiGet<{ items: Facility[]; total: number }>(
      page,
      `/api/v1/facilities?near=${centre.lat},${centre.lng}&limit=20`,
    );
    await page.goto('/facilities');
    await page.getByLabel(/或输入坐标/).fill(`${centre.lat}, ${centre.lng}`);
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL('**place=coords');
    await page.locator('.facility-result').first().waitFor();
    expect(await resultNames(page)).toEqual(expected.items.map((item) => item.name));
    const distances = (await page.locator('.facility-result__distance').allInnerTexts()).map(meters);
    expect(distances).toHaveLength(20);
    for (let index = 1; index < distances.length; index += 1) {
      expect(distances[index]).toBeGreaterThanOrEqual(distances[index - 1]!);
    }
    expect(await page.locator('.result-count').innerText()).toContain(
      `全市符合条件的共 ${expected.total} 处`,
    );

    // Open now narrows it (to none, at night): the count says so either way.
    const open = await apiGet<{ total: number }>(
      page,
      `/api/v1/facilities?near=${centre.lat},${centre.lng}&openNow=true&limit=20`,
    );
    await page.getByLabel('只看现在开放的').check();
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL('**open=1');
    if (open.total === 0) {
      await page.getByRole('heading', { name: '没有找到符合条件的设施' }).waitFor();
    } else {
      await expect.poll(() => page.locator('.result-count').innerText()).toContain(`共 ${open.total} 处`);
      for (const badge of await page.locator('.facility-result__hours .badge').allInnerTexts()) {
        expect(badge).toBe('正在开放');
      }
    }
  });

  it('searches from where you are, and from typed coordinates with a clear error for bad ones', async () => {
    const page = await freshPage();
    const list = await apiGet<{ items: Facility[] }>(page, '/api/v1/facilities?district=310109&limit=100');
    const branch = list.items.find((item) => item.name === FIRST_BRANCH)!;
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: branch.lat, longitude: branch.lng });

    await page.goto('/facilities');
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await page.waitForURL('**place=me');
    await page.locator('.facility-result').first().waitFor();
    expect((await resultNames(page))[0]).toBe(FIRST_BRANCH);
    expect(await page.locator('.facility-result__distance').first().innerText()).toMatch(/^距离 \d m$/);
    expect(await page.locator('.result-count').innerText()).toContain('离你的位置最近');

    await page.getByLabel(/或输入坐标/).fill('31.27 121');
    await page.getByRole('button', { name: '查找' }).click();
    await expect
      .poll(() => page.locator('#facility-coordinates-error').innerText())
      .toContain('坐标格式不对');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('facility-coordinates');

    await page.getByLabel(/或输入坐标/).fill(`${branch.lat}, ${branch.lng}`);
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL('**place=coords');
    await expect.poll(async () => (await resultNames(page))[0]).toBe(FIRST_BRANCH);
  });

  it('tells people what to do when the browser will not give a location', async () => {
    const page = await freshPage();
    await page.goto('/facilities');
    await page.getByRole('button', { name: '使用我的位置' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/请在下面选择区和街镇，或输入坐标/);
    await page.getByRole('button', { name: '查找' }).click();
    await expect.poll(() => page.getByRole('alert').last().innerText()).toContain('请选择区');
  });

  it('shows a facility’s hours by day, its services, who runs it and its neighbours', async () => {
    const page = await freshPage();
    const list = await apiGet<{ items: Facility[] }>(page, '/api/v1/facilities?district=310109&limit=100');
    const branch = list.items.find((item) => item.name === FIRST_BRANCH)!;
    const detail = await apiGet<{
      weeklyHours: { day: string; ranges: { from: string; to: string }[] }[];
      services: { name: string }[];
      builtYear: number;
    }>(page, `/api/v1/facilities/${branch.code}`);

    await page.goto('/facilities');
    await page.getByLabel('区', { exact: true }).selectOption({ label: '虹口区' });
    await page.getByLabel('街道或镇').selectOption({ label: '嘉兴路街道' });
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByRole('link', { name: FIRST_BRANCH }).first().click();
    await page.waitForURL(`**/facilities/${branch.code}`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(FIRST_BRANCH);

    const hours = page.getByRole('table', { name: '每周各天的开放时间（上海时间）' });
    const monday = detail.weeklyHours.find((day) => day.day === 'Mo')!;
    expect(await hours.getByRole('row', { name: /^周一/ }).innerText()).toContain(
      monday.ranges.map((range) => `${range.from}–${range.to}`).join('、'),
    );
    expect(await hours.getByRole('row', { name: /^周日/ }).innerText()).toContain('休息');
    const services = page.locator('section', { has: page.getByRole('heading', { name: '提供的服务' }) });
    expect(await services.getByRole('listitem').allInnerTexts()).toEqual(detail.services.map((s) => s.name));
    expect(await page.locator('.facility-page').innerText()).toContain(`${detail.builtYear} 年`);
    expect(await page.locator('.facility-page').innerText()).toMatch(/购买服务|街镇自主运营/);

    // Neighbours: the map's points are links; following one opens that facility.
    const map = page.getByRole('group', { name: /及附近设施/ });
    await map.getByRole('link').first().waitFor();
    const neighbour = (await page.locator('.facility-neighbours a').first().innerText()).trim();
    await map.getByRole('link', { name: new RegExp(`^1\\. ${neighbour}$`) }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe(neighbour);
  });

  it('gives the network in figures: 2130 facilities, 99 / 345 / 1686 by tier', async () => {
    const page = await freshPage();
    await page.goto('/facilities/overview');
    await expect.poll(() => page.getByTestId('facility-total').innerText()).toBe('2130');
    expect(await page.getByTestId('facility-tier-street').innerText()).toBe('99');
    expect(await page.getByTestId('facility-tier-area').innerText()).toBe('345');
    expect(await page.getByTestId('facility-tier-village').innerText()).toBe('1686');
    const figures = await page.locator('.stat-cards').innerText();
    expect(figures).toContain('95%');
    expect(figures).toContain('84%');
    const districts = page.getByRole('table', { name: /各区的设施数量/ });
    expect(await districts.getByRole('row').count()).toBe(17);
    expect(await districts.getByRole('row', { name: /^虹口区/ }).innerText()).toMatch(/虹口区\s+55/);
    const names = page.getByRole('table', { name: /13 种设施名称/ });
    expect(await names.getByRole('row').count()).toBe(14);
  });

  it('speaks English after the language switch', async () => {
    const page = await freshPage();
    await page.goto('/facilities/310109004-A01');
    await page.locator('.facility-hours').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Opening hours' }).waitFor();
    await expect.poll(() => page.locator('.facility-services').innerText()).toContain('Elderly care');
    expect(await page.locator('.facility-page').innerText()).toContain('Hongkou District');
    expect(await page.locator('.facility-page__badges').innerText()).toContain('Citizen station');
    expect(await page.locator('h1').innerText()).toBe(FIRST_BRANCH);

    await page.getByRole('link', { name: 'Facilities', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Find a community service facility' }).waitFor();
    await page.getByLabel('District', { exact: true }).selectOption({ label: 'Hongkou District' });
    await page.getByLabel('Street or town').selectOption({ label: 'Jiaxing Road Subdistrict' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => page.locator('.result-count').innerText())
      .toMatch(/^The \d+ facilities of Jiaxing Road Subdistrict, nearest to its centre first$/);
    expect(await page.locator('.facility-result__distance').first().innerText()).toBe('0 m away');
    expect(await page.locator('.facility-result__meta').first().innerText()).toContain('Citizen station');

    await page.goto('/facilities/overview');
    await expect.poll(() => page.getByTestId('facility-total').innerText()).toBe('2130');
    expect(await page.locator('.stat-cards').innerText()).toContain('Street level');
  });

  it('passes axe and fits a 360 px phone on all three pages, in both languages', async () => {
    const page = await freshPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const centre = await jiaxingRoadCentre(page);
    const pages = [
      { path: `/facilities?near=${centre.lat},${centre.lng}&place=${'310109004'}`, ready: '.facility-map' },
      { path: '/facilities/310109004-A01', ready: '.facility-map' },
      { path: '/facilities/overview', ready: '.stat-table' },
    ];
    for (const language of ['zh-CN', 'en']) {
      await page.goto('/');
      await page.evaluate((value) => localStorage.setItem('tongban.lang', value), language);
      for (const { path, ready } of pages) {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        expect(await hasHorizontalScroll(page), `${path} (${language}) scrolls sideways at 360 px`).toBe(
          false,
        );
        await expectNoSeriousViolations(page, `${path} (${language})`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const { path, ready } of pages) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await expectNoSeriousViolations(page, `${path} (desktop)`);
    }
  });
});
