import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';

const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';
const TECH = '上海曲阳数智科技有限公司（演示）';

interface MeEnterprise {
  id: string;
  name: string;
  role: string;
  expiresAt: string | null;
}

// Who may act for an enterprise: its legal representative and the agents the representative
// authorised, while the authorisation runs. Everyone else is refused without learning anything.
describeEachDialect('enterprises: who may act for an enterprise', (dialect) => {
  let t: TestApp;
  let agent: TestSession; // 赵敏, authorised agent of the canteen
  let legalRep: TestSession; // 王芳, its legal representative
  let zhangsan: TestSession;
  let lisi: TestSession;
  let clerk: TestSession;
  let canteenId: string;
  let techId: string;

  const get = (session: TestSession, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });

  const myEnterprises = async (session: TestSession) => {
    const me = await get(session, '/api/v1/me');
    expect(me.statusCode).toBe(200);
    return (me.json() as { enterprises: MeEnterprise[] }).enterprises;
  };

  const idNumberOf = async (name: string) => {
    const person = await t.runtime.deps.database.db
      .selectFrom('people')
      .select('idNumber')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return person.idNumber;
  };

  const grant = async (by: TestSession, name: string, expiresAt: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${canteenId}/agents`,
      headers: by.headers,
      payload: { idNumber: await idNumberOf(name), name, expiresAt },
    });

  const expectRefused = (response: { statusCode: number; body: string }, what: string) => {
    expect(response.statusCode, what).toBe(403);
    expect(JSON.parse(response.body).error.code, what).toBe('AUTH_FORBIDDEN');
    expect(response.body, what).not.toContain(CANTEEN);
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    agent = await loginAs(t.app, 'demo-enterprise');
    legalRep = await loginAs(t.app, 'demo-legal-rep');
    zhangsan = await loginAs(t.app, 'demo-resident');
    lisi = await loginAs(t.app, 'demo-resident2');
    clerk = await loginAs(t.app, 'demo-clerk');
    const { db } = t.runtime.deps.database;
    const enterprises = await db.selectFrom('enterprises').select(['id', 'name']).execute();
    canteenId = enterprises.find((e) => e.name === CANTEEN)!.id;
    techId = enterprises.find((e) => e.name === TECH)!.id;
  });
  afterAll(() => t.close());

  it('the authorised agent sees the enterprise among theirs and can open it', async () => {
    const mine = await myEnterprises(agent);
    expect(mine).toEqual([expect.objectContaining({ id: canteenId, name: CANTEEN, role: 'agent' })]);
    expect(Date.parse(mine[0]!.expiresAt!)).toBeGreaterThan(Date.now());

    const enterprise = await get(agent, `/api/v1/enterprises/${canteenId}`);
    expect(enterprise.statusCode).toBe(200);
    expect(enterprise.json()).toMatchObject({ id: canteenId, name: CANTEEN, myRole: 'agent' });
    expect((await get(agent, `/api/v1/enterprises/${canteenId}/members`)).statusCode).toBe(200);

    const asLegalRep = await get(legalRep, `/api/v1/enterprises/${canteenId}`);
    expect(asLegalRep.json()).toMatchObject({ myRole: 'legal_rep' });
  });

  it('anyone else is refused, the same way as for an enterprise that does not exist', async () => {
    expect(await myEnterprises(zhangsan)).toEqual([]);
    expectRefused(await get(zhangsan, `/api/v1/enterprises/${canteenId}`), 'non-member reads');
    expectRefused(await get(zhangsan, `/api/v1/enterprises/${canteenId}/members`), 'non-member lists');
    expectRefused(await get(zhangsan, `/api/v1/enterprises/${randomUUID()}`), 'unknown enterprise');
    // Being an agent of one enterprise says nothing about another.
    expectRefused(await get(agent, `/api/v1/enterprises/${techId}`), 'agent of another enterprise');
    // Staff are not residents acting for an enterprise.
    expectRefused(await get(clerk, `/api/v1/enterprises/${canteenId}`), 'staff');
  });

  it('an agent cannot authorise or withdraw agents; only the legal representative can', async () => {
    const { db } = t.runtime.deps.database;
    const linksBefore = await db.selectFrom('enterpriseLinks').select('id').execute();

    const byAgent = await grant(agent, '张三', new Date(Date.now() + 86_400_000).toISOString());
    expectRefused(byAgent, 'agent grants');
    const bySelf = await grant(zhangsan, '张三', new Date(Date.now() + 86_400_000).toISOString());
    expectRefused(bySelf, 'a resident grants themselves');
    expect(await db.selectFrom('enterpriseLinks').select('id').execute()).toHaveLength(linksBefore.length);

    const members = await get(legalRep, `/api/v1/enterprises/${canteenId}/members`);
    const agentLink = (members.json() as { items: { linkId: string; personName: string }[] }).items.find(
      (m) => m.personName === '赵敏',
    )!;
    const withdrawByAgent = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/enterprises/${canteenId}/agents/${agentLink.linkId}`,
      headers: agent.headers,
    });
    expectRefused(withdrawByAgent, 'agent withdraws');
    expect((await get(agent, `/api/v1/enterprises/${canteenId}`)).statusCode).toBe(200);
  });

  it('an authorisation stops working the moment it expires', async () => {
    const expiresAt = new Date(Date.now() + 2_000).toISOString();
    const granted = await grant(legalRep, '张三', expiresAt);
    expect(granted.statusCode).toBe(201);
    const { linkId } = granted.json() as { linkId: string };

    const during = await get(zhangsan, `/api/v1/enterprises/${canteenId}`);
    expect(during.statusCode).toBe(200);
    expect(during.json()).toMatchObject({ id: canteenId, myRole: 'agent' });
    expect(await myEnterprises(zhangsan)).toEqual([
      expect.objectContaining({ id: canteenId, role: 'agent', expiresAt }),
    ]);

    await sleep(Math.max(0, Date.parse(expiresAt) - Date.now()) + 100);

    expectRefused(await get(zhangsan, `/api/v1/enterprises/${canteenId}`), 'after expiry');
    expectRefused(await get(zhangsan, `/api/v1/enterprises/${canteenId}/members`), 'members after expiry');
    expect(await myEnterprises(zhangsan)).toEqual([]);
    const members = await get(legalRep, `/api/v1/enterprises/${canteenId}/members`);
    expect((members.json() as { items: { linkId: string; isActive: boolean }[] }).items).toContainEqual(
      expect.objectContaining({ linkId, isActive: false }),
    );
  });

  it('withdrawing an authorisation takes effect at once', async () => {
    const granted = await grant(legalRep, '李四', new Date(Date.now() + 30 * 86_400_000).toISOString());
    expect(granted.statusCode).toBe(201);
    const { linkId } = granted.json() as { linkId: string };
    expect((await get(lisi, `/api/v1/enterprises/${canteenId}`)).statusCode).toBe(200);
    expect((await myEnterprises(lisi)).map((e) => e.id)).toEqual([canteenId]);

    const withdraw = () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/v1/enterprises/${canteenId}/agents/${linkId}`,
        headers: legalRep.headers,
      });
    expect((await withdraw()).statusCode).toBe(204);

    expectRefused(await get(lisi, `/api/v1/enterprises/${canteenId}`), 'after withdrawal');
    expect(await myEnterprises(lisi)).toEqual([]);
    const again = await withdraw();
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('ENTERPRISE_LINK_NOT_FOUND');
  });

  it('the legal representative’s own standing cannot be withdrawn as if it were an agent', async () => {
    const members = await get(legalRep, `/api/v1/enterprises/${canteenId}/members`);
    const own = (members.json() as { items: { linkId: string; role: string }[] }).items.find(
      (m) => m.role === 'legal_rep',
    )!;
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/enterprises/${canteenId}/agents/${own.linkId}`,
      headers: legalRep.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ENTERPRISE_LINK_NOT_FOUND');
    expect((await get(legalRep, `/api/v1/enterprises/${canteenId}`)).json()).toMatchObject({
      myRole: 'legal_rep',
    });
  });
});
