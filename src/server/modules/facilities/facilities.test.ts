import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { DEMO_OPERATOR_FACILITY } from '../../../../demo/facilities.ts';
import { listFacilities } from './facilities-query.service.ts';
import { haversineMeters } from './geo.ts';
import { isOpenAt, parseOpeningHours } from './opening-hours.ts';

interface Item {
  code: string;
  lat: number;
  lng: number;
  tier: string;
  districtCode: string;
  services: { key: string }[];
  openingHours: string;
  isOpenNow: boolean;
  distanceMeters?: number;
}

describeEachDialect('facility finder and figures', (dialect) => {
  let t: TestApp;
  const all: Item[] = [];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    for (let offset = 0; ; offset += 100) {
      const page = (await t.app.inject(`/api/v1/facilities?limit=100&offset=${offset}`)).json() as {
        items: Item[];
        total: number;
      };
      all.push(...page.items);
      if (all.length >= page.total) break;
    }
  });
  afterAll(() => t.close());

  it('holds the demo city exactly as published', async () => {
    const response = await t.app.inject('/api/v1/facilities/stats');
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    expect(stats.total).toBe(2130);
    expect(stats.byTier).toEqual({ street: 99, area: 345, village: 1686 });
    expect(Object.keys(stats.byNameType)).toHaveLength(13);
    expect(Object.values(stats.byNameType as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(2130);
    expect(Math.abs(stats.builtOrRenovatedSince2014Share - 0.95)).toBeLessThan(0.005);
    expect(Math.abs(stats.purchasedServiceShare - 0.84)).toBeLessThan(0.005);
    expect(stats.byDistrict).toHaveLength(16);
    expect(stats.byDistrict.reduce((sum: number, d: { total: number }) => sum + d.total, 0)).toBe(2130);
    expect(all).toHaveLength(2130);
    expect(new Set(all.map((item) => item.code)).size).toBe(2130);
  });

  it('lists by code with paging and filters', async () => {
    expect(all.map((item) => item.code)).toEqual([...all.map((item) => item.code)].sort());
    const street = (
      await t.app.inject('/api/v1/facilities?tier=street&district=310109&service=health&limit=100')
    ).json();
    const expected = all.filter(
      (item) =>
        item.tier === 'street' &&
        item.districtCode === '310109' &&
        item.services.some((s) => s.key === 'health'),
    );
    expect(street.total).toBe(expected.length);
    expect(street.items.map((item: Item) => item.code)).toEqual(expected.map((item) => item.code));
    const bad = await t.app.inject({
      url: '/api/v1/facilities?near=abc',
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('?/near');
  });

  it('orders by great-circle distance exactly as a brute-force haversine over all facilities', async () => {
    for (const [lat, lng, filter] of [
      [31.2625, 121.4885, ''],
      [31.1443, 121.8083, '&service=meals'],
      [31.62, 121.4, '&tier=area'],
      [30.74, 121.34, '&district=310109'],
    ] as const) {
      const response = await t.app.inject(`/api/v1/facilities?near=${lat},${lng}&limit=25${filter}`);
      expect(response.statusCode, response.body).toBe(200);
      const got = response.json().items as Item[];
      const candidates = all.filter(
        (item) =>
          (!filter.includes('service=') || item.services.some((s) => s.key === 'meals')) &&
          (!filter.includes('tier=') || item.tier === 'area') &&
          (!filter.includes('district=') || item.districtCode === '310109'),
      );
      const brute = candidates
        .map((item) => ({ code: item.code, d: haversineMeters(lat, lng, item.lat, item.lng) }))
        .sort((a, b) => a.d - b.d || a.code.localeCompare(b.code))
        .slice(0, 25);
      expect(got.map((item) => item.code)).toEqual(brute.map((entry) => entry.code));
      expect(got.map((item) => item.distanceMeters)).toEqual(brute.map((entry) => Math.round(entry.d)));
    }
  });

  it('shows the demo operator facility page with hours, next opening and terminals', async () => {
    const response = await t.app.inject({
      url: `/api/v1/facilities/${DEMO_OPERATOR_FACILITY.code}`,
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({
      name: '嘉兴路街道市民驿站第一分站',
      nameType: '市民驿站',
      tier: 'area',
      districtName: 'Hongkou District',
      operatorModel: 'purchased',
    });
    expect(page.weeklyHours).toHaveLength(7);
    expect(page.terminals.length).toBeGreaterThan(0);
    expect(page.nextOpening).toMatch(/\+08:00$/);
    expect(page.services[0].name).toMatch(/^[A-Z]/);
    const missing = await t.app.inject('/api/v1/facilities/NO-SUCH');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('FACILITY_NOT_FOUND');
  });

  it('filters open facilities at a fixed time in Shanghai', async () => {
    const db = t.runtime.deps.database.db;
    for (const at of [
      '2026-11-23T10:00:00+08:00',
      '2026-11-28T10:30:00+08:00',
      '2026-11-29T19:00:00+08:00',
      '2026-11-24T23:00:00+08:00',
    ]) {
      const now = new Date(at);
      const expected = all.filter((item) => {
        const parsed = parseOpeningHours(item.openingHours);
        return parsed.ok && isOpenAt(parsed.schedule, now);
      });
      const open = await listFacilities(db, { openNow: true, limit: 100, offset: 0 }, 'zh-CN', now);
      expect(open.total, at).toBe(expected.length);
      expect(open.items.every((item) => item.isOpenNow)).toBe(true);
      const nearOpen = await listFacilities(
        db,
        { near: { lat: 31.2625, lng: 121.4885 }, openNow: true, limit: 10, offset: 0 },
        'zh-CN',
        now,
      );
      const brute = expected
        .map((item) => ({ code: item.code, d: haversineMeters(31.2625, 121.4885, item.lat, item.lng) }))
        .sort((a, b) => a.d - b.d || a.code.localeCompare(b.code))
        .slice(0, 10);
      expect(nearOpen.items.map((item) => item.code)).toEqual(brute.map((entry) => entry.code));
    }
    // Sunday 19:00: only the late street-level centres are open; 23:00 on a weekday none is.
    const late = await listFacilities(
      db,
      { openNow: true, limit: 100, offset: 0 },
      'zh-CN',
      new Date('2026-11-24T23:00:00+08:00'),
    );
    expect(late.total).toBe(0);
  });
});
