// The kiosk API on both databases: the terminal's credentials on every call, card + phone code and
// QR sign-in with their expiry, single use and limits, sessions bound to their terminal and useless
// elsewhere, sign-out and idle ends, queries and applications, and one facility event per transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { DEMO_OPERATOR_FACILITY } from '../../../../demo/facilities.ts';
import { startFakeSmsServer, type FakeSmsServer } from './kiosk-test-support.ts';

const AREA_SITE = DEMO_OPERATOR_FACILITY.code; // 嘉兴路街道市民驿站第一分站, one terminal

interface Terminal {
  key: string;
  terminalId: string;
  headers: Record<string, string>;
}

describeEachDialect('kiosk', (dialect) => {
  let t: TestApp;
  let sms: FakeSmsServer;
  let operator: TestSession;
  let here: Terminal; // the area site's terminal
  let there: Terminal; // a terminal of 嘉兴路街道's street-level site
  let thereToo: Terminal; // another terminal of the same street-level site
  const people: Record<string, { idNumber: string; phone: string; personId: string }> = {};

  const db = () => t.runtime.deps.database.db;

  async function terminalsOf(code: string, session: TestSession) {
    const rotated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/facilities/${code}/keys`,
      headers: session.headers,
    });
    expect(rotated.statusCode, rotated.body).toBe(201);
    const key = rotated.json().key as string;
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/facilities/${code}` });
    const ids = (page.json().terminals as { id: string }[]).map((terminal) => terminal.id);
    return ids.map((terminalId) => ({
      key,
      terminalId,
      headers: { 'x-facility-key': key, 'x-kiosk-terminal': terminalId, 'accept-language': 'en' },
    }));
  }

  beforeAll(async () => {
    sms = await startFakeSmsServer();
    t = await buildTestApp(dialect, { smsUrl: sms.url, kioskDemoSms: false, kioskCodesPerPerson: 3 });
    testsStartedAt = new Date().toISOString();
    operator = await loginAs(t.app, 'demo-operator');
    here = (await terminalsOf(AREA_SITE, operator))[0]!;
    const street = await db()
      .selectFrom('facilities')
      .select('code')
      .where('streetCode', '=', '310109004')
      .where('tier', '=', 'street')
      .executeTakeFirstOrThrow();
    const streetTerminals = await terminalsOf(street.code, operator);
    there = streetTerminals[0]!;
    thereToo = streetTerminals[1]!;
    expect(thereToo).toBeDefined();
    for (const username of ['demo-resident', 'demo-resident2', 'demo-enterprise']) {
      const row = await db()
        .selectFrom('users as u')
        .innerJoin('people as p', 'p.id', 'u.personId')
        .select(['p.idNumber', 'p.phone', 'p.id'])
        .where('u.username', '=', username)
        .executeTakeFirstOrThrow();
      people[username] = { idNumber: row.idNumber, phone: row.phone!, personId: row.id };
    }
  });
  afterAll(async () => {
    await t.close();
    await sms.close();
  });

  const call = (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: Record<string, unknown>,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  const readCard = (terminal: Terminal, username: string) =>
    call('POST', '/api/v1/kiosk/sign-in/card', terminal.headers, { idNumber: people[username]!.idNumber });

  async function signIn(terminal: Terminal, username: string) {
    const card = await readCard(terminal, username);
    expect(card.statusCode, card.body).toBe(201);
    const code = sms.lastCode(people[username]!.phone);
    const answer = await call('POST', '/api/v1/kiosk/sign-in/code', terminal.headers, {
      challengeId: card.json().challengeId,
      code,
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const token = answer.json().token as string;
    return { token, headers: { ...terminal.headers, 'x-kiosk-session': token } };
  }

  const events = (terminal: Terminal) =>
    db()
      .selectFrom('facilityEvents')
      .selectAll()
      .where('terminalId', '=', terminal.terminalId)
      .where('kind', '=', 'terminal_transaction')
      .orderBy('receivedAt')
      .execute();

  /** Lets the code limit window forget earlier sign-ins, so tests do not depend on their order. */
  const forgetCodes = () =>
    db().updateTable('kioskChallenges').set({ createdAt: '2000-01-01T00:00:00.000Z' }).execute();

  describe('terminal credentials', () => {
    it('refuses kiosk calls without a valid facility key, or from a terminal not of that facility', async () => {
      const noKey = await call('GET', '/api/v1/kiosk/terminal', { 'x-kiosk-terminal': here.terminalId });
      expect([noKey.statusCode, noKey.json().error.code]).toEqual([401, 'FACILITY_KEY_INVALID']);
      const wrongKey = await call('GET', '/api/v1/kiosk/terminal', {
        ...here.headers,
        'x-facility-key': 'fk_nope',
      });
      expect(wrongKey.json().error.code).toBe('FACILITY_KEY_INVALID');
      const otherFacility = await call('GET', '/api/v1/kiosk/terminal', {
        ...here.headers,
        'x-kiosk-terminal': there.terminalId,
      });
      expect([otherFacility.statusCode, otherFacility.json().error.code]).toEqual([
        401,
        'KIOSK_TERMINAL_UNKNOWN',
      ]);
      const noTerminal = await call('GET', '/api/v1/kiosk/services', { 'x-facility-key': here.key });
      expect(noTerminal.json().error.code).toBe('KIOSK_TERMINAL_UNKNOWN');
      for (const url of [
        '/api/v1/kiosk/sign-in/card',
        '/api/v1/kiosk/sign-in/code',
        '/api/v1/kiosk/sign-in/qr',
      ]) {
        const refused = await call('POST', url, {}, { idNumber: people['demo-resident']!.idNumber });
        expect([url, refused.statusCode, refused.json().error.code]).toEqual([
          url,
          401,
          'FACILITY_KEY_INVALID',
        ]);
      }
      expect(sms.messages).toHaveLength(0);
    });

    it('tells an authenticated terminal its facility and timings', async () => {
      const answer = await call('GET', '/api/v1/kiosk/terminal', here.headers);
      expect(answer.statusCode, answer.body).toBe(200);
      const body = answer.json();
      expect(body.terminalId).toBe(here.terminalId);
      expect(body.facility.code).toBe(AREA_SITE);
      expect(body.settings).toEqual({
        idleSeconds: 60,
        countdownSeconds: 15,
        sessionIdleSeconds: 300,
        demoSms: false,
      });
    });

    it('lists the services offered at terminals with what the kiosk can do for each', async () => {
      const answer = await call('GET', '/api/v1/kiosk/services', here.headers);
      expect(answer.statusCode, answer.body).toBe(200);
      const items = answer.json().items as { kind: string; availability: string }[];
      expect(items.length).toBeGreaterThan(10);
      expect(
        items.filter((item) => item.kind === 'query').every((item) => item.availability === 'query'),
      ).toBe(true);
      expect(items.some((item) => item.availability === 'apply')).toBe(true);
    });
  });

  describe('ID card and phone code', () => {
    it('signs in with the card read and the code sent to the phone on record, and the session reads 医保', async () => {
      await forgetCodes();
      const card = await readCard(here, 'demo-resident');
      expect(card.statusCode, card.body).toBe(201);
      const phone = people['demo-resident']!.phone;
      expect(card.json().phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      expect(card.json().demoSms).toBeUndefined();
      expect(sms.messages.at(-1)!.to).toBe(phone);
      const stored = await db().selectFrom('kioskChallenges').select('codeHash').execute();
      expect(stored.some((row) => row.codeHash.includes(sms.lastCode(phone)))).toBe(false);

      const before = (await events(here)).length;
      const session = await call('POST', '/api/v1/kiosk/sign-in/code', here.headers, {
        challengeId: card.json().challengeId,
        code: sms.lastCode(phone),
      });
      expect(session.statusCode, session.body).toBe(201);
      expect(session.json().displayName).toBe('张三');
      expect(session.headers['set-cookie']).toBeUndefined();
      const headers = { ...here.headers, 'x-kiosk-session': session.json().token };

      const record = await call('GET', '/api/v1/kiosk/me/registers/medical-insurance', headers);
      expect(record.statusCode, record.body).toBe(200);
      expect(record.json().register).toBe('medical_insurance');
      expect(record.json().data).toHaveProperty('status');
      const fund = await call('GET', '/api/v1/kiosk/me/registers/housing-fund', headers);
      expect(fund.statusCode, fund.body).toBe(200);
      const mine = await call('GET', '/api/v1/kiosk/me/applications', headers);
      expect(mine.statusCode, mine.body).toBe(200);
      const after = await events(here);
      expect(after.slice(before).map((event) => event.transactionType)).toEqual([
        'sign_in',
        'query',
        'query',
        'query',
      ]);
      // The read is the resident's own, in their 用数记录, and names the kiosk's purpose.
      const reads = await db()
        .selectFrom('auditLog')
        .select(['action', 'subjectPersonId'])
        .where('subjectPersonId', '=', people['demo-resident']!.personId)
        .where('action', 'like', '%read%')
        .execute();
      expect(reads.length).toBeGreaterThan(0);
    });

    it('refuses a card with no account, a wrong code (with tries left), then an exhausted challenge', async () => {
      await forgetCodes();
      const unknown = await call('POST', '/api/v1/kiosk/sign-in/card', here.headers, {
        idNumber: '110101198001010037',
      });
      expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'KIOSK_CARD_NOT_REGISTERED']);

      const card = await readCard(here, 'demo-resident2');
      const right = sms.lastCode(people['demo-resident2']!.phone);
      const wrong = right === '000000' ? '000001' : '000000';
      const attempt = () =>
        call('POST', '/api/v1/kiosk/sign-in/code', here.headers, {
          challengeId: card.json().challengeId,
          code: wrong,
        });
      const first = await attempt();
      expect([first.statusCode, first.json().error.code, first.json().error.details]).toEqual([
        401,
        'KIOSK_CODE_INVALID',
        { remaining: 4 },
      ]);
      expect(first.json().error.message).toBe('The code is not correct. You can try 4 more times.');
      for (let i = 0; i < 3; i += 1) expect((await attempt()).json().error.code).toBe('KIOSK_CODE_INVALID');
      expect((await attempt()).json().error.code).toBe('KIOSK_CODE_EXPIRED');
      const late = await call('POST', '/api/v1/kiosk/sign-in/code', here.headers, {
        challengeId: card.json().challengeId,
        code: right,
      });
      expect([late.statusCode, late.json().error.code]).toEqual([410, 'KIOSK_CODE_EXPIRED']);
    });

    it('refuses an expired code, a used code, and a code at another terminal than the card read', async () => {
      await forgetCodes();
      const card = await readCard(here, 'demo-resident2');
      const code = sms.lastCode(people['demo-resident2']!.phone);
      const challengeId = card.json().challengeId as string;
      const elsewhere = await call('POST', '/api/v1/kiosk/sign-in/code', there.headers, {
        challengeId,
        code,
      });
      expect(elsewhere.json().error.code).toBe('KIOSK_CODE_EXPIRED');
      await db()
        .updateTable('kioskChallenges')
        .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', challengeId)
        .execute();
      const expired = await call('POST', '/api/v1/kiosk/sign-in/code', here.headers, { challengeId, code });
      expect([expired.statusCode, expired.json().error.code]).toEqual([410, 'KIOSK_CODE_EXPIRED']);

      const fresh = await readCard(here, 'demo-resident2');
      const body = {
        challengeId: fresh.json().challengeId,
        code: sms.lastCode(people['demo-resident2']!.phone),
      };
      expect((await call('POST', '/api/v1/kiosk/sign-in/code', here.headers, body)).statusCode).toBe(201);
      const again = await call('POST', '/api/v1/kiosk/sign-in/code', here.headers, body);
      expect(again.json().error.code).toBe('KIOSK_CODE_EXPIRED');
    });

    it('limits the codes sent to one person, wherever the card is read', async () => {
      await forgetCodes();
      for (const terminal of [here, there, thereToo])
        expect((await readCard(terminal, 'demo-enterprise')).statusCode).toBe(201);
      const sent = sms.messages.length;
      const fourth = await readCard(here, 'demo-enterprise');
      expect([fourth.statusCode, fourth.json().error.code]).toEqual([429, 'KIOSK_CODE_LIMIT']);
      expect(fourth.json().error.message).toBe('Too many codes were sent. Please try again in 15 minutes.');
      expect(sms.messages.length).toBe(sent);
      // Another person at the same terminal is not held back.
      expect((await readCard(here, 'demo-resident')).statusCode).toBe(201);
    });

    it('says so when the SMS gateway refuses, and a failed code is not shown anywhere', async () => {
      await forgetCodes();
      sms.failWith(503);
      try {
        const card = await readCard(here, 'demo-resident');
        expect([card.statusCode, card.json().error.code]).toEqual([502, 'KIOSK_SMS_FAILED']);
      } finally {
        sms.failWith(null);
      }
    });
  });

  describe('QR token from the web app', () => {
    const makeToken = async (session: TestSession) => {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/kiosk-sign-in-tokens',
        headers: session.headers,
      });
      expect(answer.statusCode, answer.body).toBe(201);
      return answer.json() as { token: string; expiresAt: string };
    };

    it('signs in once with a fresh token; a second scan is refused', async () => {
      const resident = await loginAs(t.app, 'demo-resident');
      const { token, expiresAt } = await makeToken(resident);
      expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);
      const first = await call('POST', '/api/v1/kiosk/sign-in/qr', there.headers, { token });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().displayName).toBe('张三');
      const second = await call('POST', '/api/v1/kiosk/sign-in/qr', thereToo.headers, { token });
      expect([second.statusCode, second.json().error.code]).toEqual([401, 'KIOSK_QR_INVALID']);
      const row = await db().selectFrom('kioskQrTokens').select(['usedTerminalId', 'tokenHash']).execute();
      expect(row.find((r) => r.usedTerminalId === there.terminalId)).toBeDefined();
      expect(row.some((r) => r.tokenHash === token)).toBe(false);
    });

    it('refuses an expired or made-up token, and only residents can make one', async () => {
      const resident = await loginAs(t.app, 'demo-resident2');
      const { token } = await makeToken(resident);
      await db()
        .updateTable('kioskQrTokens')
        .set({ expiresAt: new Date(Date.now() - 1).toISOString() })
        .where('usedAt', 'is', null)
        .execute();
      const expired = await call('POST', '/api/v1/kiosk/sign-in/qr', here.headers, { token });
      expect(expired.json().error.code).toBe('KIOSK_QR_INVALID');
      const madeUp = await call('POST', '/api/v1/kiosk/sign-in/qr', here.headers, {
        token: `${token.slice(0, -2)}xx`,
      });
      expect(madeUp.json().error.code).toBe('KIOSK_QR_INVALID');
      for (const username of ['demo-clerk', 'demo-operator', 'demo-admin']) {
        const session = await loginAs(t.app, username);
        const refused = await t.app.inject({
          method: 'POST',
          url: '/api/v1/me/kiosk-sign-in-tokens',
          headers: session.headers,
        });
        expect([username, refused.statusCode]).toEqual([username, 403]);
      }
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/me/kiosk-sign-in-tokens' });
      expect(anonymous.statusCode).toBe(401);
      const noCsrf = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/kiosk-sign-in-tokens',
        headers: { cookie: resident.cookie },
      });
      expect(noCsrf.json().error.code).toBe('AUTH_CSRF_INVALID');
    });
  });

  describe('kiosk sessions', () => {
    it('are bound to their terminal and worth nothing outside the kiosk API', async () => {
      await forgetCodes();
      const { token, headers } = await signIn(there, 'demo-resident');
      const sameFacilityOtherTerminal = await call('GET', '/api/v1/kiosk/me/registers/medical-insurance', {
        ...thereToo.headers,
        'x-kiosk-session': token,
      });
      expect([sameFacilityOtherTerminal.statusCode, sameFacilityOtherTerminal.json().error.code]).toEqual([
        401,
        'KIOSK_SESSION_INVALID',
      ]);
      const otherFacility = await call('GET', '/api/v1/kiosk/session', {
        ...here.headers,
        'x-kiosk-session': token,
      });
      expect(otherFacility.json().error.code).toBe('KIOSK_SESSION_INVALID');
      const withoutTerminal = await call('GET', '/api/v1/kiosk/session', { 'x-kiosk-session': token });
      expect(withoutTerminal.json().error.code).toBe('FACILITY_KEY_INVALID');
      // Outside the kiosk API the token is neither a session cookie nor a header anybody reads.
      for (const url of ['/api/v1/me', '/api/v1/me/registers/medical-insurance', '/api/v1/applications']) {
        const asCookie = await t.app.inject({
          method: 'GET',
          url,
          headers: { cookie: `tb_session=${token}` },
        });
        expect([url, asCookie.statusCode]).toEqual([url, 401]);
        const asHeader = await t.app.inject({ method: 'GET', url, headers });
        expect([url, asHeader.statusCode]).toEqual([url, 401]);
      }
      expect((await call('GET', '/api/v1/kiosk/session', headers)).statusCode).toBe(200);
    });

    it('end on sign-out, and the token is refused afterwards', async () => {
      await forgetCodes();
      const { headers } = await signIn(here, 'demo-resident');
      const out = await call('POST', '/api/v1/kiosk/sign-out', headers, { reason: 'sign_out' });
      expect(out.json()).toEqual({ ended: true });
      const after = await call('GET', '/api/v1/kiosk/me/registers/medical-insurance', headers);
      expect([after.statusCode, after.json().error.code]).toEqual([401, 'KIOSK_SESSION_INVALID']);
      expect((await call('POST', '/api/v1/kiosk/sign-out', headers, { reason: 'sign_out' })).json()).toEqual({
        ended: false,
      });
    });

    it('end when idle: on the server after the idle timeout, and when the kiosk’s countdown runs out', async () => {
      await forgetCodes();
      const first = await signIn(here, 'demo-resident');
      await db()
        .updateTable('kioskSessions')
        .set({ lastActivityAt: new Date(Date.now() - 301_000).toISOString() })
        .where('endedAt', 'is', null)
        .where('terminalId', '=', here.terminalId)
        .execute();
      const stale = await call('GET', '/api/v1/kiosk/session', first.headers);
      expect(stale.json().error.code).toBe('KIOSK_SESSION_INVALID');
      const ended = await db()
        .selectFrom('kioskSessions')
        .select('endReason')
        .where('tokenHash', '!=', '')
        .where('terminalId', '=', here.terminalId)
        .orderBy('createdAt', 'desc')
        .executeTakeFirstOrThrow();
      expect(ended.endReason).toBe('idle');

      const second = await signIn(here, 'demo-resident');
      expect(
        (await call('POST', '/api/v1/kiosk/sign-out', second.headers, { reason: 'idle' })).json(),
      ).toEqual({
        ended: true,
      });
      expect((await call('GET', '/api/v1/kiosk/session', second.headers)).statusCode).toBe(401);
    });

    it('a new sign-in at a terminal ends the session left open there', async () => {
      await forgetCodes();
      const left = await signIn(here, 'demo-resident');
      const next = await signIn(here, 'demo-resident2');
      expect((await call('GET', '/api/v1/kiosk/session', left.headers)).statusCode).toBe(401);
      expect((await call('GET', '/api/v1/kiosk/session', next.headers)).json()).toEqual({
        displayName: expect.any(String),
      });
    });

    it('shows each resident only their own records', async () => {
      await forgetCodes();
      const mine = await signIn(here, 'demo-resident');
      const a = (await call('GET', '/api/v1/kiosk/me/registers/housing-fund', mine.headers)).json();
      const theirs = await signIn(there, 'demo-resident2');
      const b = (await call('GET', '/api/v1/kiosk/me/registers/housing-fund', theirs.headers)).json();
      expect(a.data).not.toEqual(b.data);
    });
  });

  describe('applications at the terminal', () => {
    it('files an application on the terminal channel, once per Idempotency-Key, with one event', async () => {
      await forgetCodes();
      const { headers } = await signIn(here, 'demo-resident');
      const services = (await call('GET', '/api/v1/kiosk/services', headers)).json().items as {
        id: string;
        availability: string;
      }[];
      let filed: { receiptNo: string; id: string } | undefined;
      for (const service of services.filter((item) => item.availability === 'apply')) {
        const form = await call('GET', `/api/v1/kiosk/services/${service.id}/form`, headers);
        expect(form.statusCode, form.body).toBe(200);
        const prefill = form.json().prefill as Record<string, { value: unknown }>;
        const schema = form.json().form.schema as { required?: string[] };
        const data = Object.fromEntries(Object.entries(prefill).map(([name, field]) => [name, field.value]));
        if (!(schema.required ?? []).every((name) => name in data)) continue;
        const before = (await events(here)).length;
        const submit = () =>
          call(
            'POST',
            '/api/v1/kiosk/applications',
            { ...headers, 'idempotency-key': `kiosk-test-${service.id}` },
            {
              serviceId: service.id,
              data,
              prefilledFields: Object.keys(data),
            },
          );
        const first = await submit();
        expect(first.statusCode, first.body).toBe(201);
        const replay = await submit();
        expect(replay.statusCode).toBe(200);
        expect(replay.json().receiptNo).toBe(first.json().receiptNo);
        expect((await events(here)).slice(before).map((event) => event.transactionType)).toEqual([
          'application',
        ]);
        filed = first.json();
        break;
      }
      expect(filed, 'a terminal service whose form the registers fill').toBeDefined();
      const row = await db()
        .selectFrom('applications')
        .select('channel')
        .where('id', '=', filed!.id)
        .executeTakeFirstOrThrow();
      expect(row.channel).toBe('terminal');
      const mine = (await call('GET', '/api/v1/kiosk/me/applications', headers)).json().items as {
        receiptNo: string;
      }[];
      expect(mine.map((item) => item.receiptNo)).toContain(filed!.receiptNo);
    });

    it('refuses services that cannot be done at a terminal, and needs a session and a key', async () => {
      await forgetCodes();
      const { headers } = await signIn(here, 'demo-resident');
      const services = (await call('GET', '/api/v1/kiosk/services', headers)).json().items as {
        id: string;
        availability: string;
      }[];
      const query = services.find((item) => item.availability === 'query')!;
      const refused = await call('GET', `/api/v1/kiosk/services/${query.id}/form`, headers);
      expect([refused.statusCode, refused.json().error.code]).toEqual([404, 'KIOSK_SERVICE_NOT_AT_TERMINAL']);
      const notTerminal = await call(
        'POST',
        '/api/v1/kiosk/applications',
        { ...headers, 'idempotency-key': 'kiosk-test-x1' },
        {
          serviceId: 'HPF-0007',
          data: {},
        },
      );
      expect(notTerminal.json().error.code).toBe('KIOSK_SERVICE_NOT_AT_TERMINAL');
      const noSession = await call(
        'POST',
        '/api/v1/kiosk/applications',
        { ...here.headers, 'idempotency-key': 'kiosk-test-x2' },
        {
          serviceId: query.id,
          data: {},
        },
      );
      expect(noSession.json().error.code).toBe('KIOSK_SESSION_INVALID');
    });
  });

  describe('facility events', () => {
    it('are pseudonymous: the terminal and what was done, nothing about the person', async () => {
      const all = await db()
        .selectFrom('facilityEvents')
        .selectAll()
        .where('kind', '=', 'terminal_transaction')
        // Only this file's kiosk work, not the demo city's recorded usage.
        .where('receivedAt', '>=', testsStartedAt)
        .execute();
      expect(all.length).toBeGreaterThan(10);
      const people = Object.values(people_());
      for (const event of all) {
        expect(event.deviceId).toBeNull();
        expect(event.details).toBeNull();
        expect(event.staffId).toBeNull();
        const text = JSON.stringify(event);
        for (const person of people) {
          expect(text).not.toContain(person.idNumber);
          expect(text).not.toContain(person.personId);
          expect(text).not.toContain(person.phone);
        }
      }
      expect(new Set(all.map((event) => event.transactionType))).toEqual(
        new Set(['sign_in', 'query', 'application']),
      );
    });
  });

  const people_ = () => people;
  let testsStartedAt = '';
});
