import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { SAMPLE_PDF, uploadBody } from '../attachments/attachments.test-support.ts';

const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';
const TECH = '上海曲阳数智科技有限公司（演示）';

// Who is refused on the desk's request and message routes: a member of another enterprise,
// a service manager of another district, and staff of an office the request was not routed to.
// (The route-level role refusals are in test/authz/route-matrix.authz.test.ts.)
describeEachDialect('enterprise desk: refusals', (dialect) => {
  let t: TestApp;
  let agent: TestSession;
  let manager: TestSession;
  let otherMember: TestSession;
  let pudongManager: TestSession;
  let fire: TestSession;
  let canteenId: string;
  let requestId: string;
  let attachmentId: string;
  let samrHongkou: string;
  const db = () => t.runtime.deps.database.db;
  const call = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: method === 'GET' ? { cookie: session.cookie } : session.headers,
      payload: payload as never,
    });
  const officeId = async (code: string) =>
    (await db().selectFrom('offices').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const enterprises = await db().selectFrom('enterprises').select(['id', 'name']).execute();
    canteenId = enterprises.find((e) => e.name === CANTEEN)!.id;
    const techId = enterprises.find((e) => e.name === TECH)!.id;
    samrHongkou = await officeId('samr-310109');
    const users = await db().selectFrom('users').select(['id', 'username', 'personId']).execute();
    const now = new Date().toISOString();
    await db()
      .insertInto('enterpriseLinks')
      .values({
        id: uuidv7(),
        enterpriseId: techId,
        personId: users.find((u) => u.username === 'demo-resident2')!.personId!,
        role: 'agent',
        validFrom: now,
        expiresAt: null,
        grantedByUserId: null,
        revokedAt: null,
        createdAt: now,
      })
      .execute();
    await db()
      .insertInto('staffRoles')
      .values({
        id: uuidv7(),
        userId: users.find((u) => u.username === 'demo-clerk-pudong')!.id,
        officeId: await officeId('commerce-310115'),
        role: 'service_manager',
        createdAt: now,
      })
      .execute();
    agent = await loginAs(t.app, 'demo-enterprise');
    manager = await loginAs(t.app, 'demo-manager');
    otherMember = await loginAs(t.app, 'demo-resident2');
    pudongManager = await loginAs(t.app, 'demo-clerk-pudong');
    fire = await loginAs(t.app, 'demo-fire');

    const { payload, headers } = uploadBody('现场照片.pdf', SAMPLE_PDF, { materialKey: 'desk-request' });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { ...agent.headers, ...headers },
      payload,
    });
    attachmentId = (upload.json() as { id: string }).id;
    const filed = await call(agent, 'POST', `/api/v1/desk/enterprises/${canteenId}/requests`, {
      category: 'construction',
      title: '装修审批',
      description: '装修需要哪些审批？',
      attachmentIds: [attachmentId],
    });
    requestId = (filed.json() as { id: string }).id;
  });
  afterAll(() => t.close());

  it('attachments: only those who may see the request download them', async () => {
    const url = `/api/v1/desk/requests/${requestId}/attachments/${attachmentId}`;
    expect((await call(manager, 'GET', url)).statusCode).toBe(200);
    for (const session of [otherMember, pudongManager, fire])
      expect((await call(session, 'GET', url)).json().error.code, session.username).toBe(
        'DESK_REQUEST_NOT_FOUND',
      );
    const wrongId = await call(agent, 'GET', `/api/v1/desk/requests/${requestId}/attachments/${uuidv7()}`);
    expect(wrongId.json().error.code).toBe('DESK_ATTACHMENT_NOT_FOUND');
  });

  it("route offices, accept, route and answer: refused to another district's manager", async () => {
    expect((await call(manager, 'GET', `/api/v1/desk/requests/${requestId}/route-offices`)).statusCode).toBe(
      200,
    );
    const offices = (
      await call(manager, 'GET', `/api/v1/desk/requests/${requestId}/route-offices`)
    ).json() as {
      items: { code: string }[];
    };
    expect(offices.items.some((o) => o.code === 'samr-310109')).toBe(true);
    expect(offices.items.some((o) => o.code === 'samr-310115')).toBe(false);
    expect(
      (await call(pudongManager, 'GET', `/api/v1/desk/requests/${requestId}/route-offices`)).statusCode,
    ).toBe(404);
    for (const [path, body] of [
      ['accept', {}],
      ['answer', { answer: '越权答复' }],
      ['route', { offices: [{ officeId: samrHongkou, instructions: '越权转办' }] }],
    ] as const) {
      const response = await call(pudongManager, 'POST', `/api/v1/desk/requests/${requestId}/${path}`, body);
      expect(response.json().error.code, path).toBe('DESK_REQUEST_NOT_FOUND');
    }
    expect((await call(manager, 'GET', `/api/v1/desk/requests/${requestId}`)).json().status).toBe(
      'submitted',
    );
  });

  it("confirm and reopen: refused to another enterprise's member", async () => {
    expect(
      (await call(manager, 'POST', `/api/v1/desk/requests/${requestId}/answer`, { answer: '需要施工许可。' }))
        .statusCode,
    ).toBe(204);
    for (const [path, body] of [
      ['confirm', { rating: 1 }],
      ['reopen', { reason: '冒名重开' }],
    ] as const) {
      const response = await call(otherMember, 'POST', `/api/v1/desk/requests/${requestId}/${path}`, body);
      expect(response.json().error.code, path).toBe('DESK_REQUEST_NOT_FOUND');
    }
    expect((await call(agent, 'GET', `/api/v1/desk/requests/${requestId}`)).json().status).toBe('answered');
    // Their own list does not show another enterprise's requests.
    expect((await call(otherMember, 'GET', '/api/v1/desk/requests')).json().items).toEqual([]);
  });

  it("messages: another enterprise's member and another district's manager neither read, write nor mark", async () => {
    const url = `/api/v1/desk/enterprises/${canteenId}/messages`;
    expect((await call(otherMember, 'GET', url)).statusCode).toBe(403);
    expect((await call(otherMember, 'POST', url, { body: '你好' })).statusCode).toBe(403);
    expect((await call(otherMember, 'POST', `${url}/read`)).statusCode).toBe(403);
    expect((await call(pudongManager, 'GET', url)).json().error.code).toBe('DESK_THREAD_NOT_FOUND');
    expect((await call(pudongManager, 'POST', url, { body: '你好' })).json().error.code).toBe(
      'DESK_THREAD_NOT_FOUND',
    );
    expect((await call(pudongManager, 'POST', `${url}/read`)).json().error.code).toBe(
      'DESK_THREAD_NOT_FOUND',
    );
    const threads = await call(pudongManager, 'GET', '/api/v1/desk/manager/threads');
    expect(threads.json().items).toEqual([]);
    expect(await db().selectFrom('deskMessages').select('id').execute()).toEqual([]);
  });

  it('an office sees only its own routed parts', async () => {
    expect(
      (
        await call(manager, 'POST', `/api/v1/desk/requests/${requestId}/route`, {
          offices: [{ officeId: samrHongkou, instructions: '请答复' }],
        })
      ).json().error.code,
    ).toBe('DESK_REQUEST_STATE');
    expect((await call(fire, 'GET', '/api/v1/desk/office/request-parts')).json().items).toEqual([]);
  });
});
