// The desk's figures per district, street and manager, computed from requests and visits seeded
// here with known times and ratings, and the retained enterprises of the demo register; and who
// is refused.
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';

const HOUR = 3_600_000;
const JIAXING = '310109004';
const iso = (at: number) => new Date(at).toISOString();

describeEachDialect('enterprise desk: metrics', (dialect) => {
  let t: TestApp;
  let manager: TestSession;
  let admin: TestSession;
  let agent: TestSession;
  let clerkPudong: TestSession;
  let managerId = '';
  const db = () => t.runtime.deps.database.db;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.runtime.deps.clock.now = () => new Date('2026-11-25T04:00:00Z');
    manager = await loginAs(t.app, 'demo-manager');
    admin = await loginAs(t.app, 'demo-admin');
    agent = await loginAs(t.app, 'demo-enterprise');
    clerkPudong = await loginAs(t.app, 'demo-clerk-pudong');
    const users = await db().selectFrom('users').select(['id', 'username']).execute();
    managerId = users.find((u) => u.username === 'demo-manager')!.id;
    const filer = users.find((u) => u.username === 'demo-enterprise')!.id;
    const office = await db()
      .selectFrom('offices')
      .select('id')
      .where('code', '=', 'commerce-310109')
      .executeTakeFirstOrThrow();
    const canteen = await db()
      .selectFrom('enterprises')
      .select('id')
      .where('name', 'like', '上海虹通示范餐饮%')
      .executeTakeFirstOrThrow();
    const request = (
      n: number,
      filedAt: number,
      responded: number | null,
      answered: number | null,
      rating: number | null,
      districtCode = '310109',
    ) => ({
      id: uuidv7(),
      referenceNo: `TEST-METRICS-${n}`,
      enterpriseId: canteen.id,
      personId: null,
      filedByUserId: filer,
      districtCode,
      streetCode: districtCode === '310109' ? JIAXING : null,
      managerUserId: managerId,
      managerOfficeId: office.id,
      category: 'permits' as const,
      title: `测试诉求 ${n}`,
      description: '测试',
      status: (rating !== null
        ? 'resolved'
        : answered !== null
          ? 'answered'
          : responded !== null
            ? 'accepted'
            : 'submitted') as 'resolved' | 'answered' | 'accepted' | 'submitted',
      filedAt: iso(filedAt),
      firstResponseDueAt: iso(filedAt + 4 * HOUR),
      firstRespondedAt: responded === null ? null : iso(filedAt + responded * HOUR),
      resolutionDueAt: iso(filedAt + 48 * HOUR),
      answeredAt: answered === null ? null : iso(filedAt + answered * HOUR),
      resolvedAt: rating === null ? null : iso(filedAt + (answered ?? 0) * HOUR + HOUR),
      firstResponseRemindedAt: null,
      firstResponseEscalatedAt: null,
      resolutionRemindedAt: null,
      resolutionEscalatedAt: null,
      reopenCount: 0,
      rating,
      ratingComment: null,
      ratedAt: rating === null ? null : iso(filedAt + (answered ?? 0) * HOUR + HOUR),
      updatedAt: iso(filedAt),
    });
    const oct = (day: number) => Date.parse(`2026-10-${String(day).padStart(2, '0')}T01:00:00Z`);
    await db()
      .insertInto('deskRequests')
      .values([
        request(1, oct(5), 2, 26, 5),
        request(2, oct(6), 6, 100, 3),
        request(3, oct(7), null, null, null),
        request(4, oct(8), 1, 2, 5, '310115'),
        request(5, Date.parse('2026-09-01T01:00:00Z'), 1, 2, 1),
      ])
      .execute();
    const visit = (date: string, status: 'done' | 'planned') => ({
      id: uuidv7(),
      enterpriseId: canteen.id,
      managerUserId: managerId,
      scheduledAt: `${date}T02:00:00.000Z`,
      visitDate: date,
      status,
      purpose: '走访',
      participants: '冯俊杰',
      outcome: status === 'done' ? '了解经营情况' : null,
      warnings: '[]',
      overrideReason: null,
      createdAt: `${date}T01:00:00.000Z`,
      updatedAt: `${date}T03:00:00.000Z`,
    });
    await db()
      .insertInto('deskVisits')
      .values([
        visit('2026-10-10', 'done'),
        visit('2026-10-20', 'done'),
        visit('2026-10-28', 'planned'),
        visit('2026-09-15', 'done'),
      ])
      .execute();
  });
  afterAll(() => t.close());

  const get = (url: string, session?: TestSession) =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', ...(session?.headers ?? {}) } });
  const URL = '/api/v1/desk/metrics/districts/310109?from=2026-10-01&to=2026-10-31';

  it('computes the district, street and manager figures from the data', async () => {
    const response = await get(URL, manager);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(body.district.figures).toMatchObject({
      requests: 3,
      firstResponseHoursMedian: 4,
      firstResponseHoursMean: 4,
      resolutionHoursMedian: 63,
      satisfactionMean: 4,
      rated: 2,
      visits: 2,
      enterprises: 8,
      retained: 3,
      lost: 0,
      retentionRate: 1,
    });
    // On time: #1 responded and answered in time; #2 late on both; #3 overdue and unanswered.
    expect(body.district.figures.firstResponseOnTimeRate).toBeCloseTo(1 / 3);
    expect(body.district.figures.resolutionOnTimeRate).toBeCloseTo(1 / 3);
    const streets = new Map(body.streets.map((s: { code: string; figures: unknown }) => [s.code, s.figures]));
    expect(body.streets).toHaveLength(8);
    expect(streets.get(JIAXING)).toMatchObject({
      requests: 3,
      visits: 2,
      enterprises: 1,
      retained: 0,
      lost: 1,
      retentionRate: 0,
    });
    expect(streets.get('310109002')).toMatchObject({ requests: 0, retained: 1, retentionRate: 1 });
    expect(streets.get('310109007')).toMatchObject({ enterprises: 2, retained: 1, lost: 0 });
    expect(streets.get('310109001')).toMatchObject({
      requests: 0,
      firstResponseHoursMedian: null,
      retentionRate: null,
    });
    const mine = body.managers.find((m: { userId: string }) => m.userId === managerId);
    expect(mine.name).toBe('冯俊杰（店小二）');
    expect(mine.figures).toMatchObject({ requests: 3, visits: 2, enterprises: 8, retained: 2 });
    expect(body.unreadableEnterprises).toBe(0);
    // The register was read as the desk's metrics service, with its purpose.
    const reads = await db()
      .selectFrom('auditLog')
      .select(['purpose'])
      .where('action', '=', 'data.read')
      .where('details', 'like', '%desk-service-metrics%')
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(8);
  });

  it('lets admins see every district and refuses others', async () => {
    expect((await get(URL, admin)).statusCode).toBe(200);
    expect((await get('/api/v1/desk/metrics/districts', admin)).json().items).toHaveLength(16);
    expect(
      (await get('/api/v1/desk/metrics/districts', manager))
        .json()
        .items.map((d: { code: string }) => d.code),
    ).toEqual(['310109']);
    expect((await get('/api/v1/desk/metrics/districts/310115', manager)).statusCode).toBe(403);
    expect((await get(URL, agent)).statusCode).toBe(403);
    expect((await get(URL, clerkPudong)).statusCode).toBe(403);
    expect((await get(URL)).statusCode).toBe(401);
    const reversed = await get(
      '/api/v1/desk/metrics/districts/310109?from=2026-10-31&to=2026-10-01',
      manager,
    );
    expect(reversed.statusCode).toBe(400);
  });
});
