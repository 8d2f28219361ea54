// The investment pipeline: zones and parcels, prospects and their stages, parcel scores with
// reasons, the funnel and the year-on-year figures computed from the demo data, and who is refused
// (enterprises, another district's manager).
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  DEMO_PASSWORD,
  loginAs,
  type TestApp,
  type TestSession,
} from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { demoFixedAssetInvestment } from '../../../../demo/desk-invest.ts';

const WAN = 1_000_000;
interface Period {
  period: string;
  throughMonth: string | null;
  fdiProjects: number;
  fdiContractFen: number;
  fixedAssetFen: number;
  fdiProjectsYoy: number | null;
  fdiContractYoy: number | null;
  fixedAssetYoy: number | null;
  fixedAssetMonthsReported: number;
}

describeEachDialect('enterprise desk: investment pipeline', (dialect) => {
  let t: TestApp;
  let manager: TestSession;
  let deskHead: TestSession;
  let admin: TestSession;
  let agent: TestSession;
  let pudongManager: TestSession;
  const db = () => t.runtime.deps.database.db;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.runtime.deps.clock.now = () => new Date('2026-11-25T04:00:00Z');
    manager = await loginAs(t.app, 'demo-manager');
    deskHead = await loginAs(t.app, 'demo-desk-head');
    admin = await loginAs(t.app, 'demo-admin');
    agent = await loginAs(t.app, 'demo-enterprise');
    // A service manager of 浦东新区商务委: another district.
    const office = await db()
      .selectFrom('offices')
      .select('id')
      .where('code', '=', 'commerce-310115')
      .executeTakeFirstOrThrow();
    const userId = uuidv7();
    const at = new Date().toISOString();
    await db()
      .insertInto('users')
      .values({
        id: userId,
        username: 'test-manager-pudong',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        kind: 'staff',
        personId: null,
        displayName: '浦东店小二',
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: null,
        disabledAt: null,
        createdAt: at,
      })
      .execute();
    await db()
      .insertInto('staffRoles')
      .values({ id: uuidv7(), userId, officeId: office.id, role: 'service_manager', createdAt: at })
      .execute();
    pudongManager = await loginAs(t.app, 'test-manager-pudong');
  });
  afterAll(() => t.close());

  const get = (url: string, session?: TestSession) =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', ...(session?.headers ?? {}) } });
  const send = (method: 'POST' | 'PUT', url: string, session: TestSession, payload: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { 'accept-language': 'en', ...session.headers },
      payload: payload as object,
    });
  const zones = async () =>
    (
      (await get('/api/v1/desk/investment/zones', manager)).json() as {
        items: {
          code: string;
          districtCode: string;
          parcels: { id: string; code: string; areaMu: number; areaSqm: number; status: string }[];
        }[];
      }
    ).items;

  it('lists the zones with their parcels, areas in m² and 亩', async () => {
    const all = await zones();
    const lingang = all.find((z) => z.code === 'LINGANG')!;
    expect(lingang.parcels.map((p) => p.code)).toEqual(['101', '103', '105']);
    expect(lingang.parcels.map((p) => p.status)).toEqual(['available', 'reserved', 'signed']);
    const robot = all.find((z) => z.code === 'BAOSHAN-ROBOT')!;
    expect(robot.districtCode).toBe('310113');
    expect(robot.parcels.find((p) => p.code === 'R-01')).toMatchObject({ areaMu: 431, areaSqm: 287_333 });
  });

  it("gives each caller their district's prospects only", async () => {
    expect(
      (await get('/api/v1/desk/investment/districts', manager))
        .json()
        .items.map((d: { code: string }) => d.code),
    ).toEqual(['310109']);
    expect((await get('/api/v1/desk/investment/districts', admin)).json().items).toHaveLength(16);
    const mine = await get('/api/v1/desk/investment/districts/310109/prospects', manager);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toHaveLength(10);
    const prospectId = mine.json().items[0].id as string;
    // Another district's manager: refused the list, the prospect, its changes and the figures.
    expect((await get('/api/v1/desk/investment/districts/310109/prospects', pudongManager)).statusCode).toBe(
      403,
    );
    expect((await get(`/api/v1/desk/investment/prospects/${prospectId}`, pudongManager)).statusCode).toBe(
      403,
    );
    expect((await get('/api/v1/desk/investment/districts/310109/funnel', pudongManager)).statusCode).toBe(
      403,
    );
    expect((await get('/api/v1/desk/investment/districts/310109/figures', pudongManager)).statusCode).toBe(
      403,
    );
    expect(
      (
        await send('POST', `/api/v1/desk/investment/prospects/${prospectId}/stage`, pudongManager, {
          to: 'operating',
          on: '2026-11-01',
          note: null,
          contractAmountFen: 1,
          parcelId: null,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await get('/api/v1/desk/investment/districts/310115/prospects', pudongManager)).json().items,
    ).toHaveLength(2);
    // Enterprises and residents never see investment data.
    for (const url of [
      '/api/v1/desk/investment/districts',
      '/api/v1/desk/investment/zones',
      '/api/v1/desk/investment/districts/310109/prospects',
      `/api/v1/desk/investment/prospects/${prospectId}`,
      '/api/v1/desk/investment/districts/310109/figures',
    ])
      expect((await get(url, agent)).statusCode, url).toBe(403);
    expect((await get('/api/v1/desk/investment/zones')).statusCode).toBe(401);
    expect((await get('/api/v1/desk/investment/districts/999999/prospects', admin)).json().error.code).toBe(
      'INVEST_DISTRICT_NOT_FOUND',
    );
  });

  it("computes the district's funnel from the prospects", async () => {
    const funnel = (await get('/api/v1/desk/investment/districts/310109/funnel', manager)).json().steps as {
      stage: string;
      current: number;
      reached: number;
      conversion: number | null;
    }[];
    expect(funnel.map((s) => [s.stage, s.current, s.reached])).toEqual([
      ['lead', 2, 10],
      ['talks', 1, 8],
      ['signed', 4, 7],
      ['landed', 2, 3],
      ['operating', 1, 1],
    ]);
    expect(funnel[0]!.conversion).toBeNull();
    expect(funnel[2]!.conversion).toBeCloseTo(7 / 8);
  });

  it('computes FDI and fixed-asset figures with year-on-year growth from the seeded data', async () => {
    const body = (
      await get('/api/v1/desk/investment/districts/310109/figures?year=2026', manager)
    ).json() as {
      year: number;
      periods: Period[];
    };
    const by = new Map(body.periods.map((p) => [p.period, p]));
    // Signed FDI in 虹口: 2025 — DE 03-18 ¥4.2亿, SG 06-26 ¥1.8亿, JP 11-20 ¥2.5亿; 2026 — FR 02-27 ¥3亿,
    // US 05-19 ¥5.2亿, KR 08-07 ¥1.6亿 (the domestic signing does not count).
    expect(by.get('2026-Q1')).toMatchObject({
      fdiProjects: 1,
      fdiContractFen: 30_000 * WAN,
      fdiProjectsYoy: 0,
    });
    expect(by.get('2026-Q1')!.fdiContractYoy).toBeCloseTo((30_000 - 42_000) / 42_000);
    expect(by.get('2026-Q2')!.fdiContractYoy).toBeCloseTo((52_000 - 18_000) / 18_000);
    expect(by.get('2026-Q3')).toMatchObject({ fdiProjects: 1, fdiProjectsYoy: null, fdiContractYoy: null });
    // The year to date (through November) against January–November 2025.
    const year = by.get('2026')!;
    expect(year).toMatchObject({
      throughMonth: '2026-11',
      fdiProjects: 3,
      fdiContractFen: 98_000 * WAN,
      fdiProjectsYoy: 0,
    });
    expect(year.fdiContractYoy).toBeCloseTo((98_000 - 85_000) / 85_000);
    expect(by.get('2026-Q4')).toMatchObject({ fdiProjects: 0, fdiProjectsYoy: -1 });
    // Fixed-asset investment: the quarter's reports against the same quarter a year before.
    const reports = demoFixedAssetInvestment().filter((r) => r.districtCode === '310109');
    const sum = (months: string[]) =>
      reports.filter((r) => months.includes(r.month)).reduce((s, r) => s + r.amountFen, 0);
    const q3 = sum(['2026-07', '2026-08', '2026-09']);
    const q3Before = sum(['2025-07', '2025-08', '2025-09']);
    expect(by.get('2026-Q3')).toMatchObject({ fixedAssetFen: q3, fixedAssetMonthsReported: 3 });
    expect(by.get('2026-Q3')!.fixedAssetYoy).toBeCloseTo((q3 - q3Before) / q3Before);
    // November 2026 is not reported yet: the year to date is not compared (10 months against 11).
    expect(year.fixedAssetMonthsReported).toBe(10);
    expect(year.fixedAssetYoy).toBeNull();
    // A report for November makes the year comparable.
    const nov = await send(
      'PUT',
      '/api/v1/desk/investment/districts/310109/fixed-asset-investment/2026-11',
      deskHead,
      {
        amountFen: 20_000 * WAN,
      },
    );
    expect(nov.statusCode).toBe(200);
    const after = (
      await get('/api/v1/desk/investment/districts/310109/figures?year=2026', manager)
    ).json() as { periods: Period[] };
    const ytd = after.periods.find((p) => p.period === '2026')!;
    const before = sum(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2025-${m}`),
    );
    const now =
      sum(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`)) +
      20_000 * WAN;
    expect(ytd.fixedAssetYoy).toBeCloseTo((now - before) / before);
    expect(
      (
        await send(
          'PUT',
          '/api/v1/desk/investment/districts/310109/fixed-asset-investment/2026-11',
          pudongManager,
          { amountFen: 1 },
        )
      ).statusCode,
    ).toBe(403);
  });

  it("sets a parcel's status for callers of the zone's district only", async () => {
    const parcel103 = (await zones())
      .find((z) => z.code === 'LINGANG')!
      .parcels.find((p) => p.code === '103')!;
    const body = { status: 'reserved', notes: '预留给洽谈中的项目' };
    expect(
      (await send('PUT', `/api/v1/desk/investment/parcels/${parcel103.id}/status`, manager, body)).statusCode,
    ).toBe(403);
    const set = await send(
      'PUT',
      `/api/v1/desk/investment/parcels/${parcel103.id}/status`,
      pudongManager,
      body,
    );
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      code: '103',
      status: 'reserved',
      notes: '预留给洽谈中的项目',
      areaMu: 100,
    });
    expect(
      (await send('PUT', '/api/v1/desk/investment/parcels/no-such-parcel/status', admin, body)).json().error
        .code,
    ).toBe('INVEST_PARCEL_NOT_FOUND');
  });

  it('changes requirements and rescores the parcels', async () => {
    const prospect = (await get('/api/v1/desk/investment/districts/310109/prospects', manager))
      .json()
      .items.find((p: { name: string }) => p.name === '长三角文创集团（演示）');
    const changed = await send(
      'PUT',
      `/api/v1/desk/investment/prospects/${prospect.id}/requirements`,
      manager,
      {
        needFloorAreaSqm: 20_000,
        needPowerKva: 1_000,
        needFitOut: 'full',
        needLandUse: 'commercial',
        specialNeeds: null,
      },
    );
    expect(changed.statusCode).toBe(200);
    const best = changed.json().matches[0];
    expect(best).toMatchObject({ parcelCode: 'NB-07', score: 100 });
    expect(
      (
        await send('PUT', `/api/v1/desk/investment/prospects/${prospect.id}/requirements`, pudongManager, {
          needFloorAreaSqm: null,
          needPowerKva: null,
          needFitOut: null,
          needLandUse: null,
          specialNeeds: null,
        })
      ).statusCode,
    ).toBe(403);
  });

  describe('a prospect from lead to signed', () => {
    let prospectId = '';
    it('captures requirements and scores the parcels with reasons', async () => {
      const created = await send('POST', '/api/v1/desk/investment/districts/310109/prospects', manager, {
        name: '测试重型装备（演示）',
        industry: '通用设备制造业',
        originCountry: 'DE',
        plannedInvestmentFen: 50_000 * WAN,
        needFloorAreaSqm: 100_000,
        needPowerKva: 15_000,
        needFitOut: 'bare',
        needLandUse: 'industrial',
        specialNeeds: '铁路专用线',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ stage: 'lead', isForeign: true });
      prospectId = created.json().id;
      const detail = (await get(`/api/v1/desk/investment/prospects/${prospectId}`, manager)).json() as {
        history: { toStage: string }[];
        matches: {
          parcelCode: string;
          score: number;
          reasons: { criterion: string; outcome: string; points: number }[];
        }[];
      };
      expect(detail.history.map((h) => h.toStage)).toEqual(['lead']);
      // 105 is signed already: not offered.
      expect(detail.matches.map((m) => m.parcelCode)).not.toContain('105');
      const top = detail.matches
        .slice(0, 2)
        .map((m) => m.parcelCode)
        .sort();
      expect(top).toEqual(['101', 'R-01']);
      expect(detail.matches[0]!.score).toBe(100);
      const lab = detail.matches.find((m) => m.parcelCode === '103')!;
      // Research land (0/25), floor area met (30), power 8000 of 15000 kVA (13/25), fit-out (10), reserved (5/10).
      expect(lab.score).toBe(58);
      expect(lab.reasons.map((r) => [r.criterion, r.outcome, r.points])).toEqual([
        ['land_use', 'unmet', 0],
        ['floor_area', 'met', 30],
        ['power', 'partial', 13],
        ['fit_out', 'met', 10],
        ['availability', 'partial', 5],
        ['special_needs', 'check', 0],
      ]);
    });

    it('moves forward only, needs the contract to sign, and keeps the parcel to one project', async () => {
      const stage = (session: TestSession, body: Record<string, unknown>, id = prospectId) =>
        send('POST', `/api/v1/desk/investment/prospects/${id}/stage`, session, {
          note: null,
          contractAmountFen: null,
          parcelId: null,
          on: '2026-11-20',
          ...body,
        });
      expect((await stage(manager, { to: 'talks' })).statusCode).toBe(200);
      const back = await stage(manager, { to: 'lead' });
      expect(back.statusCode).toBe(409);
      expect(back.json().error.code).toBe('INVEST_STAGE_NOT_ALLOWED');
      expect((await stage(manager, { to: 'signed' })).json().error.code).toBe('INVEST_SIGNING_INCOMPLETE');
      const parcel101 = (await zones())
        .find((z) => z.code === 'LINGANG')!
        .parcels.find((p) => p.code === '101')!;
      const signed = await stage(manager, {
        to: 'signed',
        contractAmountFen: 45_000 * WAN,
        parcelId: parcel101.id,
        on: '2026-11-22',
      });
      expect(signed.statusCode).toBe(200);
      expect(signed.json().prospect).toMatchObject({
        stage: 'signed',
        signedOn: '2026-11-22',
        contractAmountFen: 45_000 * WAN,
      });
      expect(signed.json().history.map((h: { toStage: string }) => h.toStage)).toEqual([
        'lead',
        'talks',
        'signed',
      ]);
      expect(
        (await zones()).find((z) => z.code === 'LINGANG')!.parcels.find((p) => p.code === '101')!.status,
      ).toBe('signed');
      const other = (await get('/api/v1/desk/investment/districts/310109/prospects', manager))
        .json()
        .items.find((p: { stage: string }) => p.stage === 'talks');
      expect(
        (
          await stage(manager, { to: 'signed', contractAmountFen: 1, parcelId: parcel101.id }, other.id)
        ).json().error.code,
      ).toBe('INVEST_PARCEL_TAKEN');
      // The signing counts in the figures at once.
      const q4 = (await get('/api/v1/desk/investment/districts/310109/figures?year=2026', manager))
        .json()
        .periods.find((p: Period) => p.period === '2026-Q4');
      expect(q4).toMatchObject({ fdiProjects: 1, fdiContractFen: 45_000 * WAN });
      const audit = await db()
        .selectFrom('auditLog')
        .select('details')
        .where('action', '=', 'desk.prospect.stage')
        .where('objectId', '=', prospectId)
        .execute();
      expect(audit).toHaveLength(2);
    });
  });
});
