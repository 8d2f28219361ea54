import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';

interface DataAccessItem {
  actorName: string | null;
  officeName: string | null;
  officeNameEn: string | null;
  action: string;
  purpose: string | null;
  fields: string[];
}

// Who may read a person's record: the person, and staff of an office in the person's district
// who state a purpose (every such read shows up in the person's 用数记录). Everyone else is
// refused the same way, whether or not the person exists.
describeEachDialect('people: who may read a person record', (dialect) => {
  let t: TestApp;
  let zhangsan: TestSession;
  let lisi: TestSession;
  let clerk: TestSession;
  let clerkPudong: TestSession;
  let zhangsanId: string;
  let lisiId: string;

  const read = (session: TestSession, personId: string, purpose?: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${personId}`,
      query: purpose === undefined ? {} : { purpose },
      headers: { cookie: session.cookie },
    });

  const personIdOf = async (session: TestSession) => {
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    return (me.json() as { person: { id: string } }).person.id;
  };

  const dataAccessOf = async (session: TestSession) => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/data-access',
      query: { limit: '100' },
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { items: DataAccessItem[]; total: number };
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    zhangsan = await loginAs(t.app, 'demo-resident');
    lisi = await loginAs(t.app, 'demo-resident2');
    clerk = await loginAs(t.app, 'demo-clerk');
    clerkPudong = await loginAs(t.app, 'demo-clerk-pudong');
    zhangsanId = await personIdOf(zhangsan);
    lisiId = await personIdOf(lisi);
  });
  afterAll(() => t.close());

  it('a resident reads their own record but not another resident’s', async () => {
    const own = await read(lisi, lisiId);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: lisiId, name: '李四' });

    const other = await read(lisi, zhangsanId);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('AUTH_FORBIDDEN');
    expect(other.body).not.toContain('张三');

    // A purpose does not turn a resident into staff.
    const withPurpose = await read(lisi, zhangsanId, '核对身份');
    expect(withPurpose.statusCode).toBe(403);

    // Reading yourself is not "someone used my data".
    expect((await dataAccessOf(lisi)).items.filter((item) => item.action === 'person.read')).toEqual([]);
  });

  it('a clerk of the person’s district must state a purpose, and the read is shown to the person', async () => {
    const before = await dataAccessOf(zhangsan);

    const withoutPurpose = await read(clerk, zhangsanId);
    expect(withoutPurpose.statusCode).toBe(400);
    expect(withoutPurpose.json().error.code).toBe('PURPOSE_REQUIRED');
    const blankPurpose = await read(clerk, zhangsanId, '   ');
    expect(blankPurpose.statusCode).toBe(400);
    expect(blankPurpose.json().error.code).toBe('PURPOSE_REQUIRED');
    expect((await dataAccessOf(zhangsan)).total).toBe(before.total);

    const purpose = '受理个体工商户设立登记，核对经营者身份';
    const allowed = await read(clerk, zhangsanId, purpose);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json()).toMatchObject({ id: zhangsanId, name: '张三', districtCode: '310109' });

    const after = await dataAccessOf(zhangsan);
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]).toMatchObject({
      action: 'person.read',
      actorName: '周晓燕（窗口受理）',
      officeName: '虹口区市场监管局',
      purpose,
    });
    expect(after.items[0]!.fields).toEqual(expect.arrayContaining(['name', 'idNumber']));
  });

  it('a clerk of another district is refused, and nothing is added to the person’s record of use', async () => {
    const before = await dataAccessOf(zhangsan);
    const refused = await read(clerkPudong, zhangsanId, '受理个体工商户设立登记');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('AUTH_FORBIDDEN');
    expect(refused.body).not.toContain('张三');
    const withoutPurpose = await read(clerkPudong, zhangsanId);
    expect(withoutPurpose.statusCode).toBe(403);

    const after = await dataAccessOf(zhangsan);
    expect(after.total).toBe(before.total);
    expect(after.items.filter((item) => item.actorName === '郑思远（窗口受理）')).toEqual([]);

    // The same holds the other way round: 李四 lives in 普陀区, outside the 虹口区 clerk's scope.
    const lisiBefore = await dataAccessOf(lisi);
    const outOfScope = await read(clerk, lisiId, '受理个体工商户设立登记');
    expect(outOfScope.statusCode).toBe(403);
    expect((await dataAccessOf(lisi)).total).toBe(lisiBefore.total);
  });

  it('staff cannot probe for ids: an unknown person is refused like a foreign one', async () => {
    const unknownId = randomUUID();
    for (const session of [clerk, clerkPudong]) {
      for (const purpose of ['核对身份', undefined]) {
        const response = await read(session, unknownId, purpose);
        expect(response.statusCode, `${session.username} purpose=${String(purpose)}`).toBe(403);
        expect(response.json().error.code).toBe('AUTH_FORBIDDEN');
      }
    }
    const resident = await read(lisi, unknownId);
    expect(resident.statusCode).toBe(403);
    expect(resident.json().error.code).toBe('AUTH_FORBIDDEN');
  });
});
