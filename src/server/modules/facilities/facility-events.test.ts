import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  buildTestApp,
  DEMO_PASSWORD,
  loginAs,
  type TestApp,
  type TestSession,
} from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { DEMO_OPERATOR_FACILITY } from '../../../../demo/facilities.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { findOfficeByCode } from '../reference/reference.service.ts';

const CODE = DEMO_OPERATOR_FACILITY.code;
const TERMINAL = `T-${CODE}-1`;

describeEachDialect('facility device keys and events', (dialect) => {
  let t: TestApp;
  let operator: TestSession;
  let key = '';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    operator = await loginAs(t.app, 'demo-operator');
  });
  afterAll(() => t.close());

  const rotate = (session: TestSession | undefined, code = CODE) =>
    t.app.inject({ method: 'POST', url: `/api/v1/facilities/${code}/keys`, headers: session?.headers ?? {} });
  const send = (events: unknown[], facilityKey: string | undefined, locale = 'en') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/facility-events',
      headers: { 'accept-language': locale, ...(facilityKey ? { 'x-facility-key': facilityKey } : {}) },
      payload: events,
    });

  it('lets the operator of the street office rotate the key, audited', async () => {
    const response = await rotate(operator);
    expect(response.statusCode, response.body).toBe(201);
    key = response.json().key;
    expect(key).toMatch(/^fk_/);
    const db = t.runtime.deps.database.db;
    const stored = await db.selectFrom('facilityKeys').select('keyHash').execute();
    expect(stored.some((row) => row.keyHash === key)).toBe(false);
    const audit = await db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .where('action', '=', 'facility.key.rotate')
      .execute();
    expect(audit).toEqual([{ action: 'facility.key.rotate', objectId: CODE }]);
  });

  it('refuses key rotation to a resident, a clerk and the operator of another street', async () => {
    for (const username of ['demo-resident', 'demo-clerk']) {
      const response = await rotate(await loginAs(t.app, username));
      expect(response.statusCode, username).toBe(403);
    }
    expect((await rotate(undefined)).statusCode).toBe(401);
    const db = t.runtime.deps.database.db;
    const office = await findOfficeByCode(db, 'street-office-310109005');
    const userId = uuidv7();
    const now = new Date().toISOString();
    await db
      .insertInto('users')
      .values({
        id: userId,
        username: 'other-operator',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        kind: 'staff',
        personId: null,
        displayName: '另一街道运营',
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: null,
        disabledAt: null,
        createdAt: now,
      })
      .execute();
    await db
      .insertInto('staffRoles')
      .values({ id: uuidv7(), userId, officeId: office!.id, role: 'operator', createdAt: now })
      .execute();
    const other = await loginAs(t.app, 'other-operator');
    const refused = await rotate(other);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('AUTH_FORBIDDEN');
    // …but that operator manages the facilities of their own street.
    expect((await rotate(other, '310109005-V001')).statusCode).toBe(201);
    expect((await rotate(operator, 'NO-SUCH')).statusCode).toBe(404);
  });

  it('stores good events once, reports duplicates, accepts late and out-of-order ones, rejects bad ones', async () => {
    const id = () => uuidv7();
    const [a, b, c] = [id(), id(), id()];
    const events = [
      { eventId: a, kind: 'check_in', occurredAt: '2026-11-23T09:05:00+08:00' },
      {
        eventId: b,
        kind: 'service_session',
        occurredAt: '2026-11-23T08:00:00Z',
        service: 'meals',
        durationMinutes: 45,
        staffId: 's-12',
      },
      {
        eventId: c,
        kind: 'terminal_transaction',
        occurredAt: '2025-01-01T00:00:00Z',
        terminalId: TERMINAL,
        type: 'payment',
      },
      { eventId: a, kind: 'check_in', occurredAt: '2026-11-23T09:05:00+08:00' },
      {
        eventId: id(),
        kind: 'wearable_trace',
        occurredAt: '2026-11-22T10:00:00Z',
        deviceId: 'w-9f3a2c',
        zone: 'gym',
        dwellSeconds: 600,
      },
      { eventId: id(), kind: 'teleport', occurredAt: '2026-11-22T10:00:00Z' },
      {
        eventId: id(),
        kind: 'service_session',
        occurredAt: '2026-11-22T10:00:00Z',
        service: 'karaoke',
        durationMinutes: 5,
      },
      {
        eventId: id(),
        kind: 'terminal_transaction',
        occurredAt: '2026-11-22T10:00:00Z',
        terminalId: 'T-other',
        type: 'query',
      },
      { eventId: id(), kind: 'wearable_trace', occurredAt: '2026-11-22T10:00:00Z', deviceId: '13800001234' },
      { eventId: id(), kind: 'check_in', occurredAt: 'yesterday' },
      { eventId: id(), kind: 'check_in', occurredAt: '2099-01-01T00:00:00Z' },
      { eventId: id(), kind: 'check_in', occurredAt: '2026-11-22T10:00:00Z', facilityCode: '310109004-S01' },
      { kind: 'check_in', occurredAt: '2026-11-22T10:00:00Z' },
      'not an event',
    ];
    const response = await send(events, key);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'duplicate',
      'accepted',
      ...Array(9).fill('rejected'),
    ]);
    expect(answer.results.slice(5).map((r: { reason: { code: string } }) => r.reason.code)).toEqual([
      'KIND_UNKNOWN',
      'SERVICE_UNKNOWN',
      'TERMINAL_UNKNOWN',
      'DEVICE_ID_NOT_PSEUDONYMOUS',
      'OCCURRED_AT_INVALID',
      'OCCURRED_AT_FUTURE',
      'FACILITY_MISMATCH',
      'EVENT_ID_INVALID',
      'NOT_AN_OBJECT',
    ]);
    expect(answer).toMatchObject({ accepted: 4, duplicates: 1, rejected: 9 });
    expect(answer.results[11].reason.message).toContain(CODE);
    // The same batch again: everything stored before is a duplicate, nothing is stored twice.
    const again = (await send(events.slice(0, 5), key, 'zh-CN')).json();
    expect(again).toMatchObject({ accepted: 0, duplicates: 5, rejected: 0 });
    const zh = (
      await send([{ eventId: id(), kind: 'teleport', occurredAt: '2026-11-22T10:00:00Z' }], key, 'zh-CN')
    ).json();
    expect(zh.results[0].reason.message).toContain('未知的事件类型');
    const db = t.runtime.deps.database.db;
    const stored = await db
      .selectFrom('facilityEvents')
      .selectAll()
      .where('eventId', 'in', [a, b, c])
      .orderBy('occurredAt')
      .execute();
    expect(stored.map((row) => row.eventId)).toEqual([c, a, b]);
    expect(stored[1]!.occurredAt).toBe('2026-11-23T01:05:00.000Z');
    expect(stored.every((row) => row.receivedAt > row.occurredAt)).toBe(true);
    expect(stored[2]).toMatchObject({ serviceKey: 'meals', durationMinutes: 45, staffId: 's-12' });
    // Device events are not audit-logged one by one.
    const audited = await db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'facility.event%')
      .execute();
    expect(audited).toEqual([]);
  });

  it('refuses a missing or wrong key, and the old key after a rotation', async () => {
    const event = () => [{ eventId: uuidv7(), kind: 'check_in', occurredAt: new Date().toISOString() }];
    for (const bad of [undefined, 'fk_wrong']) {
      const response = await send(event(), bad);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('FACILITY_KEY_INVALID');
    }
    const rotated = await rotate(operator);
    expect(rotated.json().revoked).toBe(1);
    const old = await send(event(), key);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('FACILITY_KEY_INVALID');
    const fresh = await send(event(), rotated.json().key as string);
    expect(fresh.json().accepted).toBe(1);
  });
});
