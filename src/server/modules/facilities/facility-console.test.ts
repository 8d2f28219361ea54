import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { JIAXING_ROAD_STREET } from '../../../../demo/facilities.ts';

const QUYANG_ROAD = '310109002';
const HEADER =
  'code,name,name_type,tier,district,street,address,lat,lng,built_year,renovated_year,operator_model,operator_name,services,opening_hours';
const row = (code: string, street: string, services: string, name = `测试站${code}`) =>
  `${code},${name},市民驿站,area,310109,${street},上海市虹口区测试路1号,31.27,121.49,2018,,self,,${services},Mo-Fr 09:00-17:00`;

/** The Monday 10:00 Shanghai time (02:00 UTC) first after ten days ago: inside the 4-week window. */
function recentMonday10(): number {
  const start = Date.now() - 10 * 86_400_000;
  let at = Math.ceil(start / 3_600_000) * 3_600_000;
  while (!(new Date(at).getUTCDay() === 1 && new Date(at).getUTCHours() === 2)) at += 3_600_000;
  return at;
}

interface Recommendation {
  id: string;
  serviceKey: string;
  unit: string;
  amount: number;
  rule: string;
  from: { code: string };
  to: { code: string };
  figures: Record<string, unknown>;
  status: string;
}

describeEachDialect('facility operator console', (dialect) => {
  let t: TestApp;
  let operator: TestSession;
  let admin: TestSession;
  const db = () => t.runtime.deps.database.db;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    operator = await loginAs(t.app, 'demo-operator');
    admin = await loginAs(t.app, 'demo-admin');
  });
  afterAll(() => t.close());

  const get = (url: string, session?: TestSession) =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', ...(session?.headers ?? {}) } });
  const send = (method: 'POST' | 'PUT', url: string, session: TestSession | undefined, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { 'accept-language': 'en', ...(session?.headers ?? {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const upload = (csv: string, session: TestSession) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/facility-imports?fileName=test.csv',
      headers: { ...session.headers, 'content-type': 'text/csv', 'accept-language': 'en' },
      payload: csv,
    });
  const audits = (action: string) =>
    db()
      .selectFrom('auditLog')
      .select(['action', 'objectId', 'details'])
      .where('action', '=', action)
      .execute();

  describe('street filter, facets and district figures', () => {
    it('filters by street and counts by service under the other filters', async () => {
      const all = (await get(`/api/v1/facilities?street=${JIAXING_ROAD_STREET}&limit=100`)).json();
      expect(all.total).toBe(7);
      expect(all.items.every((item: { streetCode: string }) => item.streetCode === JIAXING_ROAD_STREET)).toBe(
        true,
      );
      const expected = new Map<string, number>();
      for (const item of all.items as { services: { key: string }[] }[])
        for (const service of item.services) expected.set(service.key, (expected.get(service.key) ?? 0) + 1);
      const facets = new Map(
        (all.facets.services as { key: string; count: number }[]).map((facet) => [facet.key, facet.count]),
      );
      expect(facets).toEqual(expected);
      const meals = (await get(`/api/v1/facilities?street=${JIAXING_ROAD_STREET}&service=meals`)).json();
      expect(meals.total).toBe(expected.get('meals'));
      expect(meals.facets.services).toEqual(all.facets.services);
      expect((await get('/api/v1/facilities?street=12')).statusCode).toBe(400);
    });

    it('gives one district per street', async () => {
      const stats = (await get('/api/v1/facilities/stats?district=310109')).json();
      const street = stats.byStreet.find((s: { code: string }) => s.code === JIAXING_ROAD_STREET);
      expect(street).toMatchObject({
        name: 'Jiaxing Road Subdistrict',
        total: 7,
        byTier: { street: 1, area: 3, village: 3 },
      });
      expect(stats.total).toBe(
        stats.byStreet.reduce((sum: number, s: { total: number }) => sum + s.total, 0),
      );
      expect(stats.byDistrict).toHaveLength(1);
      expect((await get('/api/v1/facilities/stats')).json().byStreet).toBeUndefined();
      expect((await get('/api/v1/facilities/stats?district=999999')).statusCode).toBe(404);
    });
  });

  describe('console views', () => {
    it("shows the operator their street with the demo usage and recommendations, and no one else's", async () => {
      const streets = (await get('/api/v1/facility-console/streets', operator)).json();
      expect(streets.districts).toEqual([
        {
          code: '310109',
          name: 'Hongkou District',
          streets: [{ code: JIAXING_ROAD_STREET, name: 'Jiaxing Road Subdistrict' }],
        },
      ]);
      const view = await get(`/api/v1/facility-console/streets/${JIAXING_ROAD_STREET}`, operator);
      expect(view.statusCode, view.body).toBe(200);
      const body = view.json();
      expect(body.facilities).toHaveLength(7);
      expect(body.hours).toHaveLength(168);
      expect(body.window).not.toBeNull();
      const a01 = body.facilities.find((f: { code: string }) => f.code === '310109004-A01');
      expect(
        a01.utilisation.services.find((s: { serviceKey: string }) => s.serviceKey === 'meals').band,
      ).toBe('over');
      const moves = (body.recommendations as Recommendation[]).map((r) => [
        r.serviceKey,
        r.from.code,
        r.to.code,
      ]);
      expect(moves).toEqual(
        expect.arrayContaining([
          ['legal_aid', '310109004-S01', '310109004-A01'],
          ['meals', '310109004-A03', '310109004-A01'],
        ]),
      );
      expect((await get(`/api/v1/facility-console/streets/${QUYANG_ROAD}`, operator)).statusCode).toBe(403);
      expect((await get(`/api/v1/facility-console/streets/${QUYANG_ROAD}`, admin)).statusCode).toBe(200);
      expect((await get('/api/v1/facility-console/streets/310109999', admin)).statusCode).toBe(404);
      for (const username of ['demo-resident', 'demo-clerk']) {
        const session = await loginAs(t.app, username);
        expect(
          (await get(`/api/v1/facility-console/streets/${JIAXING_ROAD_STREET}`, session)).statusCode,
        ).toBe(403);
      }
      expect((await get(`/api/v1/facility-console/streets/${JIAXING_ROAD_STREET}`)).statusCode).toBe(401);
    });

    it('gives the district view to platform admins only', async () => {
      const district = (await get('/api/v1/facility-console/districts/310109', admin)).json();
      const jiaxing = district.streets.find((s: { code: string }) => s.code === JIAXING_ROAD_STREET);
      expect(jiaxing).toMatchObject({ facilities: 7, measuredFacilities: 7 });
      expect(jiaxing.openRecommendations).toBeGreaterThanOrEqual(2);
      expect(jiaxing.visits).toBeGreaterThan(1000);
      expect((await get('/api/v1/facility-console/districts/310109', operator)).statusCode).toBe(403);
    });
  });

  describe('import with preview', () => {
    it('previews without writing, refuses other streets, then applies exactly the preview', async () => {
      const before = await db().selectFrom('facilities').select(['code', 'name', 'updatedAt']).execute();
      const a01 = before.find((f) => f.code === '310109004-A01')!;
      const exported = await db()
        .selectFrom('facilities')
        .selectAll()
        .where('code', '=', '310109004-A02')
        .executeTakeFirstOrThrow();
      const unchanged = [
        exported.code,
        exported.name,
        exported.nameType,
        exported.tier,
        exported.districtCode,
        exported.streetCode,
        exported.address,
        exported.lat,
        exported.lng,
        exported.builtYear,
        exported.renovatedYear ?? '',
        exported.operatorModel,
        exported.operatorName ?? '',
        exported.services,
        exported.openingHours,
      ]
        .map((v) => (String(v).includes(',') || String(v).includes(';') ? `"${String(v)}"` : String(v)))
        .join(',');
      const a01Row = await db()
        .selectFrom('facilities')
        .selectAll()
        .where('code', '=', '310109004-A01')
        .executeTakeFirstOrThrow();
      const renamed = [
        a01Row.code,
        '嘉兴路街道市民驿站第一分站（新）',
        a01Row.nameType,
        a01Row.tier,
        a01Row.districtCode,
        a01Row.streetCode,
        a01Row.address,
        a01Row.lat,
        a01Row.lng,
        a01Row.builtYear,
        a01Row.renovatedYear ?? '',
        a01Row.operatorModel,
        a01Row.operatorName ?? '',
        a01Row.services,
        a01Row.openingHours,
      ]
        .map((v) => (String(v).includes(',') || String(v).includes(';') ? `"${String(v)}"` : String(v)))
        .join(',');
      const quyang = await db()
        .selectFrom('facilities')
        .select('code')
        .where('streetCode', '=', QUYANG_ROAD)
        .orderBy('code')
        .executeTakeFirstOrThrow();
      const csv = [
        HEADER,
        row('JX-NEW-1', JIAXING_ROAD_STREET, 'meals;legal_aid'),
        renamed,
        unchanged,
        row('QY-NEW-1', QUYANG_ROAD, 'meals'), // another street
        row(quyang.code, JIAXING_ROAD_STREET, 'meals'), // another street's facility moved here
        row('JX-BAD-1', JIAXING_ROAD_STREET, 'meals').replace(',area,', ',tower,'),
        row('JX-NEW-1', JIAXING_ROAD_STREET, 'meals'), // repeated code
      ].join('\n');
      const auditsBefore = await db().selectFrom('auditLog').select('id').execute();
      const preview = await upload(csv, operator);
      expect(preview.statusCode, preview.body).toBe(201);
      const body = preview.json();
      expect(body.status).toBe('previewed');
      expect(body.streetScope).toEqual([JIAXING_ROAD_STREET]);
      expect(body.preview).toMatchObject({ rows: 7, new: 1, updated: 1, unchanged: 1, bad: 4 });
      expect(body.preview.badRows).toEqual([
        { line: 5, code: 'QY-NEW-1', reason: 'not your street' },
        { line: 6, code: quyang.code, reason: 'not your street' },
        { line: 7, code: 'JX-BAD-1', reason: 'tier must be street, area or village' },
        { line: 8, code: 'JX-NEW-1', reason: 'code repeated (first on line 2)' },
      ]);
      expect(body.preview.changes).toEqual([
        {
          line: 3,
          code: '310109004-A01',
          name: '嘉兴路街道市民驿站第一分站（新）',
          diffs: [{ field: 'name', from: a01.name, to: '嘉兴路街道市民驿站第一分站（新）' }],
        },
      ]);
      expect(body.preview.newRows).toEqual([{ line: 2, code: 'JX-NEW-1', name: '测试站JX-NEW-1' }]);
      // The same preview in Chinese.
      const zh = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/facility-imports/${body.id}`,
          headers: { ...operator.headers, 'accept-language': 'zh-CN' },
        })
      ).json();
      expect(zh.preview.badRows.map((bad: { reason: string }) => bad.reason)).toEqual([
        '不是您所在街道的设施',
        '不是您所在街道的设施',
        '层级须为 street、area 或 village',
        '设施编码重复（首次出现在第 2 行）',
      ]);
      // Nothing written but the import and its audit record.
      expect(await db().selectFrom('facilities').select(['code', 'name', 'updatedAt']).execute()).toEqual(
        before,
      );
      const auditsAfter = await db().selectFrom('auditLog').select(['id', 'action']).execute();
      expect(
        auditsAfter.filter((a) => !auditsBefore.some((b) => b.id === a.id)).map((a) => a.action),
      ).toEqual(['facility.import.preview']);

      // Someone else's import is not found; an admin sees it.
      const other = await loginAs(t.app, 'demo-clerk');
      expect((await get(`/api/v1/facility-imports/${body.id}`, other)).statusCode).toBe(403);
      expect((await get(`/api/v1/facility-imports/${body.id}`, admin)).statusCode).toBe(200);

      const applied = await send('POST', `/api/v1/facility-imports/${body.id}/apply`, operator);
      expect(applied.statusCode, applied.body).toBe(202);
      expect(applied.json().status).toBe('applying');
      expect((await send('POST', `/api/v1/facility-imports/${body.id}/apply`, operator)).statusCode).toBe(
        409,
      );
      await t.runtime.deps.jobs.drain();
      const done = (await get(`/api/v1/facility-imports/${body.id}`, operator)).json();
      expect(done.status).toBe('applied');
      expect(done.result).toEqual({ rows: 7, new: 1, updated: 1, unchanged: 1, bad: 4 });
      expect(done.progress).toEqual({ appliedRows: 2, toApply: 2 });
      const after = await db().selectFrom('facilities').select(['code', 'name', 'streetCode']).execute();
      expect(after).toHaveLength(before.length + 1);
      expect(after.find((f) => f.code === 'JX-NEW-1')).toMatchObject({
        streetCode: JIAXING_ROAD_STREET,
        name: '测试站JX-NEW-1',
      });
      expect(after.find((f) => f.code === '310109004-A01')!.name).toBe('嘉兴路街道市民驿站第一分站（新）');
      expect(after.find((f) => f.code === quyang.code)!.streetCode).toBe(QUYANG_ROAD);
      expect(after.some((f) => f.code === 'QY-NEW-1')).toBe(false);
      expect((await audits('facility.import.applied')).map((a) => a.objectId)).toEqual([body.id]);
      expect(await audits('facility.import')).toHaveLength(1);
    });

    it('stops an import whose facilities changed after the preview', async () => {
      const first = (
        await upload([HEADER, row('JX-NEW-2', JIAXING_ROAD_STREET, 'meals')].join('\n'), operator)
      ).json();
      const second = (
        await upload([HEADER, row('JX-NEW-2', JIAXING_ROAD_STREET, 'health')].join('\n'), operator)
      ).json();
      await send('POST', `/api/v1/facility-imports/${second.id}/apply`, operator);
      await t.runtime.deps.jobs.drain();
      await send('POST', `/api/v1/facility-imports/${first.id}/apply`, operator);
      await t.runtime.deps.jobs.drain();
      expect((await get(`/api/v1/facility-imports/${first.id}`, operator)).json().status).toBe('stale');
      const stored = await db()
        .selectFrom('facilities')
        .select('services')
        .where('code', '=', 'JX-NEW-2')
        .executeTakeFirstOrThrow();
      expect(stored.services).toBe('health');
    });

    it('resumes an interrupted apply where it stopped and reports the whole result', async () => {
      const { applyFacilityImport } = await import('./facility-import.service.ts');
      const rows = Array.from({ length: 5 }, (_, i) => row(`JX-RES-${i}`, JIAXING_ROAD_STREET, 'meals'));
      const preview = (await upload([HEADER, ...rows].join('\n'), operator)).json();
      // Queue it, then run the job by hand with batches of two rows, failing after the first batch.
      await send('POST', `/api/v1/facility-imports/${preview.id}/apply`, operator);
      await db().deleteFrom('jobs').where('queue', '=', 'facilities.import').execute();
      await expect(
        applyFacilityImport(db(), preview.id, {
          batchSize: 2,
          afterBatch: () => {
            throw new Error('power cut');
          },
        }),
      ).rejects.toThrow('power cut');
      const halfway = (await get(`/api/v1/facility-imports/${preview.id}`, operator)).json();
      expect(halfway).toMatchObject({
        status: 'applying',
        progress: { appliedRows: 2, toApply: 5 },
        result: null,
      });
      await applyFacilityImport(db(), preview.id, { batchSize: 2 });
      const done = (await get(`/api/v1/facility-imports/${preview.id}`, operator)).json();
      expect(done).toMatchObject({ status: 'applied', progress: { appliedRows: 5, toApply: 5 } });
      expect(done.result).toEqual({ rows: 5, new: 5, updated: 0, unchanged: 0, bad: 0 });
      const stored = await db()
        .selectFrom('facilities')
        .select('code')
        .where('code', 'like', 'JX-RES-%')
        .execute();
      expect(stored).toHaveLength(5);
    });

    it('refuses unusable and oversized files', async () => {
      const noHeader = await upload('code,name\nx,y', operator);
      expect(noHeader.statusCode).toBe(400);
      expect(noHeader.json().error.code).toBe('FACILITY_IMPORT_FILE_INVALID');
      const empty = await t.app.inject({
        method: 'POST',
        url: '/api/v1/facility-imports',
        headers: operator.headers,
      });
      expect(empty.statusCode).toBe(400);
      const huge = await upload(`${HEADER}\n${'x'.repeat(21 * 1024 * 1024)}`, operator);
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error.code).toBe('FACILITY_IMPORT_TOO_LARGE');
      const resident = await loginAs(t.app, 'demo-resident');
      expect((await upload(HEADER, resident)).statusCode).toBe(403);
    });
  });

  describe('utilisation and recommendations', () => {
    let x2Key = '';
    it('computes hand-checked figures and a recommendation from a constructed street', async () => {
      const csv = [
        HEADER,
        row('QY-X1', QUYANG_ROAD, 'legal_aid;meals'),
        row('QY-X2', QUYANG_ROAD, 'legal_aid'),
      ].join('\n');
      const imported = (await upload(csv, admin)).json();
      await send('POST', `/api/v1/facility-imports/${imported.id}/apply`, admin);
      await t.runtime.deps.jobs.drain();
      for (const [code, service, unit, weeklyAmount] of [
        ['QY-X1', 'legal_aid', 'staff_hours', 20],
        ['QY-X1', 'meals', 'slots', 10],
        ['QY-X2', 'legal_aid', 'staff_hours', 30],
      ] as const) {
        const set = await send(
          'PUT',
          `/api/v1/facility-console/facilities/${code}/capacities/${service}`,
          admin,
          { unit, weeklyAmount },
        );
        expect(set.statusCode, set.body).toBe(200);
      }
      const notOffered = await send(
        'PUT',
        '/api/v1/facility-console/facilities/QY-X2/capacities/meals',
        admin,
        {
          unit: 'slots',
          weeklyAmount: 5,
        },
      );
      expect(notOffered.json().error.code).toBe('FACILITY_SERVICE_NOT_OFFERED');
      const keyOf = async (code: string) =>
        (await send('POST', `/api/v1/facilities/${code}/keys`, admin)).json().key as string;
      const monday10 = recentMonday10();
      const at = (offsetMinutes: number) => new Date(monday10 + offsetMinutes * 60_000).toISOString();
      const events = (prefix: string, count: number, fields: object, offset = 0) =>
        Array.from({ length: count }, (_, i) => ({
          eventId: `${prefix}-${i}`,
          occurredAt: at(offset),
          ...fields,
        }));
      const ingest = async (key: string, batch: object[]) => {
        const answer = await t.app.inject({
          method: 'POST',
          url: '/api/v1/facility-events',
          headers: { 'x-facility-key': key },
          payload: batch,
        });
        expect(answer.json().rejected, answer.body).toBe(0);
      };
      const x1Key = await keyOf('QY-X1');
      x2Key = await keyOf('QY-X2');
      await ingest(x1Key, [
        ...events('x1-legal', 76, { kind: 'service_session', service: 'legal_aid', durationMinutes: 60 }),
        ...events('x1-meals', 8, { kind: 'service_session', service: 'meals', durationMinutes: 30 }),
        ...events('x1-in', 3, { kind: 'check_in' }),
      ]);
      // 24 one-hour sessions on Monday, one of 90 minutes from Tuesday 16:30 (past closing).
      await ingest(x2Key, [
        ...events('x2-legal', 24, { kind: 'service_session', service: 'legal_aid', durationMinutes: 60 }),
        ...events(
          'x2-late',
          1,
          { kind: 'service_session', service: 'legal_aid', durationMinutes: 90 },
          24 * 60 + 390,
        ),
      ]);
      const queued = await send('POST', `/api/v1/facility-console/streets/${QUYANG_ROAD}/recompute`, admin);
      expect(queued.statusCode).toBe(202);
      expect(
        (await send('POST', `/api/v1/facility-console/streets/${QUYANG_ROAD}/recompute`, operator))
          .statusCode,
      ).toBe(403);
      await t.runtime.deps.jobs.drain();
      const view = (await get(`/api/v1/facility-console/streets/${QUYANG_ROAD}`, admin)).json();
      const x1 = view.facilities.find((f: { code: string }) => f.code === 'QY-X1').utilisation;
      const x2 = view.facilities.find((f: { code: string }) => f.code === 'QY-X2').utilisation;
      expect(x1).toMatchObject({ weeks: 4, checkIns: 3, sessions: 84, utilisation: 0.575 });
      expect(x1.services).toEqual([
        expect.objectContaining({
          serviceKey: 'legal_aid',
          capacity: 80,
          demand: 76,
          utilisation: 0.95,
          band: 'over',
        }),
        expect.objectContaining({
          serviceKey: 'meals',
          unit: 'slots',
          capacity: 40,
          demand: 8,
          utilisation: 0.2,
          band: 'under',
        }),
      ]);
      // 20 staff hours over 40 open hours a week: 0.5 an hour, 2 over four weeks.
      expect(x1.hours[10]).toEqual({ visits: 87, demandHours: 76, capacityHours: 2, utilisation: 38 });
      expect(x2.services[0]).toMatchObject({
        demand: 25.5,
        capacity: 120,
        utilisation: 0.2125,
        band: 'under',
      });
      expect(x2.hours[24 + 16]).toEqual({
        visits: 1,
        demandHours: 0.5,
        capacityHours: 3,
        utilisation: 0.1667,
      });
      expect(x2.hours[24 + 17]).toEqual({ visits: 0, demandHours: 1, capacityHours: 0, utilisation: null });
      expect(view.recommendations).toHaveLength(1);
      const [recommendation] = view.recommendations as Recommendation[];
      expect(recommendation).toMatchObject({
        serviceKey: 'legal_aid',
        unit: 'staff_hours',
        amount: 6,
        rule: 'rebalance-same-service',
        from: { code: 'QY-X2' },
        to: { code: 'QY-X1' },
        figures: {
          weeks: 4,
          target: 0.75,
          from: {
            weeklyCapacity: 30,
            weeklyDemand: 6.375,
            utilisation: 0.2125,
            weeklyCapacityAfter: 24,
            utilisationAfter: 0.2656,
          },
          to: {
            weeklyCapacity: 20,
            weeklyDemand: 19,
            utilisation: 0.95,
            weeklyCapacityAfter: 26,
            utilisationAfter: 0.7308,
          },
        },
      });
      // The operator of another street may not decide it.
      expect(
        (
          await send(
            'POST',
            `/api/v1/facility-console/recommendations/${recommendation!.id}/accept`,
            operator,
          )
        ).statusCode,
      ).toBe(403);
      const accepted = await send(
        'POST',
        `/api/v1/facility-console/recommendations/${recommendation!.id}/accept`,
        admin,
      );
      expect(accepted.statusCode, accepted.body).toBe(200);
      const capacities = await db()
        .selectFrom('facilityCapacities as c')
        .innerJoin('facilities as f', 'f.id', 'c.facilityId')
        .select(['f.code', 'c.weeklyAmount'])
        .where('c.serviceKey', '=', 'legal_aid')
        .where('f.streetCode', '=', QUYANG_ROAD)
        .orderBy('f.code')
        .execute();
      expect(capacities).toEqual([
        { code: 'QY-X1', weeklyAmount: 26 },
        { code: 'QY-X2', weeklyAmount: 24 },
      ]);
      const [audit] = await audits('facility.recommendation.accept');
      expect(audit!.objectId).toBe(recommendation!.id);
      expect(JSON.parse(audit!.details!)).toMatchObject({
        amount: 6,
        from: { before: 30, after: 24 },
        to: { before: 20, after: 26 },
      });
      expect(
        (
          await send('POST', `/api/v1/facility-console/recommendations/${recommendation!.id}/accept`, admin)
        ).json().error.code,
      ).toBe('FACILITY_RECOMMENDATION_DECIDED');
      // The accept queued a recompute: 76 / (26 × 4) = 0.7308 is no longer over-used.
      await t.runtime.deps.jobs.drain();
      const again = (await get(`/api/v1/facility-console/streets/${QUYANG_ROAD}`, admin)).json();
      expect(again.recommendations).toEqual([]);
    });

    it('dismisses with a reason and keeps the capacities', async () => {
      const view = (await get(`/api/v1/facility-console/streets/${JIAXING_ROAD_STREET}`, operator)).json();
      const meals = (view.recommendations as Recommendation[]).find((r) => r.serviceKey === 'meals')!;
      const capacitiesBefore = await db()
        .selectFrom('facilityCapacities')
        .select(['id', 'weeklyAmount'])
        .orderBy('id')
        .execute();
      const blank = await send(
        'POST',
        `/api/v1/facility-console/recommendations/${meals.id}/dismiss`,
        operator,
        { reason: '  ' },
      );
      expect(blank.statusCode).toBe(400);
      const dismissed = await send(
        'POST',
        `/api/v1/facility-console/recommendations/${meals.id}/dismiss`,
        operator,
        {
          reason: '第三分站助餐点下月扩建，暂不调整',
        },
      );
      expect(dismissed.statusCode, dismissed.body).toBe(200);
      expect(
        await db().selectFrom('facilityCapacities').select(['id', 'weeklyAmount']).orderBy('id').execute(),
      ).toEqual(capacitiesBefore);
      const [audit] = await audits('facility.recommendation.dismiss');
      expect(JSON.parse(audit!.details!)).toMatchObject({
        reason: '第三分站助餐点下月扩建，暂不调整',
        serviceKey: 'meals',
      });
      // A recompute does not propose the dismissed move again.
      await send('POST', `/api/v1/facility-console/streets/${JIAXING_ROAD_STREET}/recompute`, operator);
      await t.runtime.deps.jobs.drain();
      const after = (await get(`/api/v1/facility-console/streets/${JIAXING_ROAD_STREET}`, operator)).json();
      expect(
        (after.recommendations as Recommendation[]).some(
          (r) => r.serviceKey === 'meals' && r.from.code === '310109004-A03',
        ),
      ).toBe(false);
      expect(
        (
          await send('PUT', '/api/v1/facility-console/facilities/QY-X1/capacities/meals', operator, {
            unit: 'slots',
            weeklyAmount: 1,
          })
        ).statusCode,
      ).toBe(403);
    });

    it("refuses the operator another street's recommendation, terminal and an admin's import", async () => {
      const quyang = await db()
        .selectFrom('facilityRecommendations')
        .select('id')
        .where('streetCode', '=', QUYANG_ROAD)
        .executeTakeFirstOrThrow();
      const dismiss = await send(
        'POST',
        `/api/v1/facility-console/recommendations/${quyang.id}/dismiss`,
        operator,
        {
          reason: '不是我的街道',
        },
      );
      expect(dismiss.statusCode).toBe(403);
      expect(
        (await send('POST', '/api/v1/facility-console/recommendations/nope/accept', operator)).statusCode,
      ).toBe(404);
      const retire = await send(
        'POST',
        '/api/v1/facility-console/facilities/QY-X1/terminals/T-QY-X1-1/retire',
        operator,
        {
          retiredOn: '2026-11-24',
        },
      );
      expect(retire.statusCode).toBe(403);
      const adminImport = await db()
        .selectFrom('facilityImports as i')
        .innerJoin('users as u', 'u.id', 'i.createdByUserId')
        .select('i.id')
        .where('u.username', '=', 'demo-admin')
        .executeTakeFirstOrThrow();
      const read = await get(`/api/v1/facility-imports/${adminImport.id}`, operator);
      expect(read.json().error.code).toBe('FACILITY_IMPORT_NOT_FOUND');
      expect(
        (await send('POST', `/api/v1/facility-imports/${adminImport.id}/apply`, operator)).statusCode,
      ).toBe(404);
    });

    it('recomputes every street with usage at night and queues the next night', async () => {
      const { scheduleNightlyUtilisation } = await import('./facility-utilisation.jobs.ts');
      const before = await db()
        .selectFrom('facilityUtilisation')
        .select(['facilityId', 'computedAt'])
        .execute();
      await db()
        .updateTable('jobs')
        .set({ runAt: new Date(Date.now() - 1000).toISOString() })
        .where('queue', '=', 'facilities.utilisation')
        .where('status', '=', 'queued')
        .execute();
      await scheduleNightlyUtilisation(t.runtime.deps.jobs, new Date(Date.now() - 86_400_000 * 2));
      await db()
        .updateTable('jobs')
        .set({ runAt: new Date(Date.now() - 1000).toISOString() })
        .where('queue', '=', 'facilities.utilisation')
        .where('status', '=', 'queued')
        .execute();
      await t.runtime.deps.jobs.drain();
      const after = await db()
        .selectFrom('facilityUtilisation')
        .select(['facilityId', 'streetCode', 'computedAt'])
        .execute();
      expect(new Set(after.map((row) => row.streetCode))).toEqual(
        new Set([JIAXING_ROAD_STREET, QUYANG_ROAD]),
      );
      for (const row of before)
        expect(after.find((a) => a.facilityId === row.facilityId)!.computedAt >= row.computedAt).toBe(true);
      const next = await db()
        .selectFrom('jobs')
        .select('runAt')
        .where('queue', '=', 'facilities.utilisation')
        .where('status', '=', 'queued')
        .execute();
      expect(next.length).toBeGreaterThanOrEqual(1);
      expect(
        next.every((job) => new Date(job.runAt).getUTCHours() === 18 && job.runAt > new Date().toISOString()),
      ).toBe(true);
    });

    it('manages terminals, audited, and refuses a retired terminal at ingest', async () => {
      const list = await get('/api/v1/facility-console/facilities/310109004-A01/terminals', operator);
      expect(list.statusCode).toBe(200);
      expect(list.json().terminals).toEqual([
        expect.objectContaining({ id: 'T-310109004-A01-1', status: 'active', retiredOn: null }),
      ]);
      const added = await send(
        'POST',
        '/api/v1/facility-console/facilities/310109004-A01/terminals',
        operator,
        {
          model: '自助终端 Z-9',
          installedOn: '2026-11-20',
        },
      );
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toEqual({
        id: 'T-310109004-A01-2',
        model: '自助终端 Z-9',
        installedOn: '2026-11-20',
        status: 'active',
        retiredOn: null,
      });
      const key = (await send('POST', '/api/v1/facilities/310109004-A01/keys', operator)).json()
        .key as string;
      const transaction = (eventId: string) => ({
        eventId,
        kind: 'terminal_transaction',
        occurredAt: new Date().toISOString(),
        terminalId: 'T-310109004-A01-2',
        type: 'query',
      });
      const post = (eventId: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/facility-events',
          headers: { 'x-facility-key': key },
          payload: [transaction(eventId)],
        });
      expect((await post('term-1')).json().accepted).toBe(1);
      const retired = await send(
        'POST',
        '/api/v1/facility-console/facilities/310109004-A01/terminals/T-310109004-A01-2/retire',
        operator,
        {
          retiredOn: '2026-11-24',
        },
      );
      expect(retired.statusCode, retired.body).toBe(200);
      expect(retired.json().status).toBe('retired');
      // The device cache forgot the facility: the retired terminal is refused at once.
      expect((await post('term-2')).json().results[0].reason.code).toBe('TERMINAL_UNKNOWN');
      const twice = await send(
        'POST',
        '/api/v1/facility-console/facilities/310109004-A01/terminals/T-310109004-A01-2/retire',
        operator,
        {
          retiredOn: '2026-11-24',
        },
      );
      expect(twice.json().error.code).toBe('FACILITY_TERMINAL_RETIRED');
      expect((await audits('facility.terminal.add')).map((a) => a.objectId)).toEqual(['310109004-A01']);
      expect(await audits('facility.terminal.retire')).toHaveLength(1);
      // Another street's facility, a resident, a clerk.
      expect((await get('/api/v1/facility-console/facilities/QY-X1/terminals', operator)).statusCode).toBe(
        403,
      );
      expect(
        (
          await send('POST', '/api/v1/facility-console/facilities/QY-X1/terminals', operator, {
            model: 'x',
            installedOn: '2026-11-20',
          })
        ).statusCode,
      ).toBe(403);
      for (const username of ['demo-resident', 'demo-clerk']) {
        const session = await loginAs(t.app, username);
        expect(
          (await get('/api/v1/facility-console/facilities/310109004-A01/terminals', session)).statusCode,
        ).toBe(403);
      }
      expect((await get('/api/v1/facility-console/facilities/NOPE-1/terminals', operator)).statusCode).toBe(
        404,
      );
      expect(x2Key).not.toBe('');
    });
  });
});
