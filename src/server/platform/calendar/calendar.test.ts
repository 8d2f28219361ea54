import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { CalendarHolder, ensureOfficialCalendar } from './official-calendar.ts';

const SOURCE_2027 = '国务院办公厅关于2027年部分节假日安排的通知（测试）';

describeEachDialect('working-day calendar', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let officeAdmin: TestSession;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t.app, 'demo-admin');
    officeAdmin = await loginAs(t.app, 'demo-office-admin');
  });
  afterAll(() => t.close());

  const deadline = async (from: string, days: number) => {
    const response = await t.app.inject({
      url: `/api/v1/calendar/deadline?from=${encodeURIComponent(from)}&days=${days}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { date: string; endsAt: string; isOfficial: boolean };
  };
  const putYear = (year: number | string, payload: unknown, session = admin, language = 'en') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/calendar/years/${year}`,
      headers: { ...session.headers, 'accept-language': language },
      payload: payload as Record<string, unknown>,
    });
  const yearOf = async (year: number) => {
    const response = await t.app.inject(`/api/v1/calendar?year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      isOfficial: boolean;
      source: string | null;
      officialYears: number[];
      days: { date: string; kind: string; note: string }[];
    };
  };

  it('ships the State Council notices of 2025 and 2026 in the database, with notes', async () => {
    const year = await yearOf(2026);
    expect(year.isOfficial).toBe(true);
    expect(year.source).toMatch(/2026年部分节假日安排/);
    expect(year.officialYears).toEqual([2025, 2026]);
    expect(year.days).toContainEqual({ date: '2026-10-10', kind: 'workday', note: '国庆节调休上班' });
    expect(year.days).toContainEqual({ date: '2026-02-17', kind: 'holiday', note: '春节' });
    expect(year.days.filter((day) => day.kind === 'workday')).toHaveLength(6);
    expect((await yearOf(2025)).days).toHaveLength(33);
    expect(await yearOf(2027)).toMatchObject({ isOfficial: false, source: null, days: [] });
  });

  it('seeds once: a second start leaves the rows (and any admin correction) alone', async () => {
    expect(await ensureOfficialCalendar(t.runtime.deps.database.db)).toEqual([]);
  });

  it('counts a deadline across National Day 2026 and its make-up Saturday', async () => {
    // Filed Wed 30 Sep 2026 16:00 in Shanghai; 1–7 Oct off; Sat 10 Oct works: Thu 8, Fri 9, Sat 10, Mon 12, Tue 13.
    expect(await deadline('2026-09-30T16:00:00+08:00', 5)).toEqual({
      date: '2026-10-13',
      endsAt: '2026-10-13T15:59:59.999Z',
      isOfficial: true,
    });
    expect((await deadline('2026-12-28T10:00:00+08:00', 10)).isOfficial).toBe(false);
  });

  it('lets a platform admin publish 2027: the deadline becomes official and skips its holidays', async () => {
    // Without 2027 (weekends only): filed Thu 31 Dec 2026, 3 working days are Fri 1, Mon 4, Tue 5 Jan.
    expect(await deadline('2026-12-31T10:00:00+08:00', 3)).toEqual(
      expect.objectContaining({ date: '2027-01-05', isOfficial: false }),
    );
    const response = await putYear(2027, {
      source: SOURCE_2027,
      days: [
        { date: '2027-01-01', kind: 'holiday', note: '元旦' },
        { date: '2027-01-04', kind: 'holiday', note: '元旦' },
        { date: '2027-01-05', kind: 'holiday', note: '元旦' },
        { date: '2027-01-09', kind: 'workday', note: '元旦调休上班' },
      ],
    });
    expect(response.statusCode, response.body).toBe(204);
    // Fri 1, Mon 4, Tue 5 off; Wed 6, Thu 7, Fri 8 count.
    expect(await deadline('2026-12-31T10:00:00+08:00', 3)).toEqual(
      expect.objectContaining({ date: '2027-01-08', isOfficial: true }),
    );
    // Sat 9 works: the 4th working day.
    expect((await deadline('2026-12-31T10:00:00+08:00', 4)).date).toBe('2027-01-09');
    const year = await yearOf(2027);
    expect(year).toMatchObject({ isOfficial: true, source: SOURCE_2027 });
    expect(year.days.map((day) => day.date)).toEqual([
      '2027-01-01',
      '2027-01-04',
      '2027-01-05',
      '2027-01-09',
    ]);
    const audit = await t.runtime.deps.database.db
      .selectFrom('auditLog')
      .select(['action', 'objectId', 'actorUserId'])
      .where('action', '=', 'calendar.year.set')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ objectId: '2027', actorUserId: expect.any(String) })]);
  });

  it('replaces the whole year on a second save', async () => {
    const response = await putYear(2027, {
      source: SOURCE_2027,
      days: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }],
    });
    expect(response.statusCode, response.body).toBe(204);
    expect((await yearOf(2027)).days).toEqual([{ date: '2027-01-01', kind: 'holiday', note: '元旦' }]);
    expect((await deadline('2026-12-31T10:00:00+08:00', 3)).date).toBe('2027-01-06');
  });

  it('sees edits made by another process at the next check', async () => {
    const other = new CalendarHolder(t.runtime.deps.database.db, { recheckMs: 0 });
    expect((await other.reload()).isWorkingDay('2027-01-04')).toBe(true);
    // Written behind its back (as another process would), then noticed by the change stamp.
    const saved = await putYear(2027, {
      source: SOURCE_2027,
      days: [
        { date: '2027-01-01', kind: 'holiday', note: '元旦' },
        { date: '2027-01-04', kind: 'holiday', note: '元旦' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(204);
    expect(other.current().isWorkingDay('2027-01-04')).toBe(true);
    expect((await other.fresh()).isWorkingDay('2027-01-04')).toBe(false);
    await putYear(2027, {
      source: SOURCE_2027,
      days: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }],
    });
  });

  it('refuses a caller who is not a platform admin, and anonymous callers', async () => {
    const payload = { source: SOURCE_2027, days: [] };
    const refused = await putYear(2027, payload, officeAdmin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('AUTH_FORBIDDEN');
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendar/years/2027',
      payload,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await yearOf(2027)).days).toHaveLength(1);
  });

  it('refuses impossible, out-of-year, repeated and weekday make-up days by field, changing nothing', async () => {
    const response = await putYear(
      2027,
      {
        source: '改过的来源',
        days: [
          { date: '2027-02-30', kind: 'holiday', note: '春节' },
          { date: '2028-01-01', kind: 'holiday', note: '元旦' },
          { date: '2027-02-08', kind: 'holiday', note: '春节' },
          { date: '2027-02-08', kind: 'holiday', note: '春节' },
          { date: '2027-02-10', kind: 'workday', note: '春节调休上班' },
          { date: '2027-02-20', kind: 'workday', note: '春节调休上班' },
        ],
      },
      admin,
      'zh-CN',
    );
    expect(response.statusCode, response.body).toBe(400);
    const error = response.json().error as { code: string; details: { path: string; message: string }[] };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([
      { path: '/days/0/date', message: '2027-02-30 不是有效的日期' },
      { path: '/days/1/date', message: '日期须在 2027 年内' },
      { path: '/days/3/date', message: '2027-02-08 重复出现' },
      { path: '/days/4/kind', message: '调休上班日须为星期六或星期日' },
    ]);
    const english = await putYear(2027, { source: 'x', days: [{ date: '27-1-1', kind: 'day', note: '' }] });
    expect(english.statusCode).toBe(400);
    expect(
      english
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['/days/0/date', '/days/0/kind', '/days/0/note', '/source']);
    expect(await yearOf(2027)).toMatchObject({
      source: SOURCE_2027,
      days: [{ date: '2027-01-01', kind: 'holiday', note: '元旦' }],
    });
  });

  it('refuses a year outside 2000–2100 and a bad deadline query', async () => {
    expect((await putYear(1999, { source: SOURCE_2027, days: [] })).statusCode).toBe(400);
    const bad = await t.app.inject('/api/v1/calendar/deadline?from=yesterday&days=-1');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['?/days', '?/from']);
  });
});
