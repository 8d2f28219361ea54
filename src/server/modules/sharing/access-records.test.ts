// 用数记录: a resident sees every access to their data (including the read they just caused),
// filters it, exports CSV, objects to a record; the admins answer. Nobody sees another's log.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';

describeEachDialect('who used my data', (dialect) => {
  let t: TestApp;
  let zhang: TestSession;
  let li: TestSession;
  let people: Record<string, string>;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    zhang = await loginAs(t.app, 'demo-resident');
    li = await loginAs(t.app, 'demo-resident2');
    const rows = await t.runtime.deps.database.db.selectFrom('people').select(['id', 'name']).execute();
    people = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  }, 60_000);
  afterAll(() => t?.close());

  const records = (session: TestSession, query = '') =>
    t.app.inject({ url: `/api/v1/me/data-access-records${query}`, headers: session.headers });

  it('lists my own query and a caseworker’s read, with office, fields, purpose and application', async () => {
    expect(
      (await t.app.inject({ url: '/api/v1/me/registers/housing-fund', headers: zhang.headers })).statusCode,
    ).toBe(200);
    const clerk = await loginAs(t.app, 'demo-clerk');
    const staffRead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/register-reads',
      headers: clerk.headers,
      payload: {
        subject: { personId: people['张三'] },
        register: 'population',
        fields: ['name', 'address'],
        purpose: '受理食品经营许可申请',
        applicationId: '0190aaaa-0000-7000-8000-0000000000aa',
      },
    });
    expect(staffRead.statusCode).toBe(200);
    const page = (await records(zhang)).json();
    const [latest, own] = page.items;
    expect(latest).toMatchObject({
      consumerKind: 'staff_role',
      actorName: expect.any(String),
      officeName: expect.stringContaining('市场监管局'),
      register: 'population',
      fields: ['population.name', 'population.address'],
      purpose: '受理食品经营许可申请',
      applicationId: '0190aaaa-0000-7000-8000-0000000000aa',
    });
    expect(own).toMatchObject({
      consumerKind: 'self',
      register: 'housing_fund',
      purpose: '本人查询公积金余额与明细',
    });
    expect(page.total).toBeGreaterThanOrEqual(2);
  });

  it('filters by consumer, purpose and day', async () => {
    const self = (await records(zhang, '?consumer=self')).json();
    expect(self.items.length).toBeGreaterThan(0);
    expect(self.items.every((i: { consumerKind: string }) => i.consumerKind === 'self')).toBe(true);
    const byPurpose = (await records(zhang, `?purpose=${encodeURIComponent('食品经营')}`)).json();
    expect(byPurpose.items.map((i: { consumerKind: string }) => i.consumerKind)).toEqual(['staff_role']);
    const office = byPurpose.items[0].officeId;
    expect((await records(zhang, `?consumer=office:${office}`)).json().total).toBe(1);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const all = (await records(zhang)).json().total;
    expect((await records(zhang, `?from=${today}&to=${today}`)).json().total).toBe(all);
    expect((await records(zhang, '?from=2020-01-01&to=2020-01-31')).json().total).toBe(0);
    expect((await records(zhang, '?consumer=nobody')).statusCode).toBe(400);
    // Wildcards typed into the filter are taken literally, on both databases.
    expect((await records(zhang, `?purpose=${encodeURIComponent('%')}`)).json().total).toBe(0);
    expect((await records(zhang, `?purpose=${encodeURIComponent('食品_营')}`)).json().total).toBe(0);
  });

  it('exports CSV with a BOM for Excel', async () => {
    const response = await t.app.inject({
      url: '/api/v1/me/data-access-records.csv',
      headers: zhang.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('时间（北京时间）');
    expect(lines.some((line) => line.includes('受理食品经营许可申请'))).toBe(true);
  });

  it('never shows one resident another resident’s log', async () => {
    const mine = (await records(li)).json();
    const zhangIds = new Set(
      (await records(zhang, '?limit=100')).json().items.map((i: { id: string }) => i.id),
    );
    expect(mine.items.some((i: { id: string }) => zhangIds.has(i.id))).toBe(false);
    const someoneElses = [...zhangIds][0] as string;
    const objection = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/data-access-records/${someoneElses}/objections`,
      headers: li.headers,
      payload: { note: '这不是我的记录' },
    });
    expect(objection.statusCode).toBe(404);
    expect(objection.json().error.code).toBe('ACCESS_RECORD_NOT_FOUND');
    // An enterprise log only for its members.
    const enterprise = await t.runtime.deps.database.db
      .selectFrom('enterprises')
      .select('id')
      .executeTakeFirstOrThrow();
    expect((await records(li, `?enterpriseId=${enterprise.id}`)).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/me/data-access-records.csv?enterpriseId=${enterprise.id}`,
          headers: li.headers,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('shows an enterprise’s log to its members', async () => {
    const agent = await loginAs(t.app, 'demo-enterprise');
    const me = (await t.app.inject({ url: '/api/v1/me', headers: agent.headers })).json();
    const enterpriseId = me.enterprises[0].id as string;
    const prefill = await t.app.inject({
      url: `/api/v1/services/SAMR-0003/prefill?enterpriseId=${enterpriseId}`,
      headers: agent.headers,
    });
    expect(prefill.statusCode).toBe(200);
    const page = (await records(agent, `?enterpriseId=${enterpriseId}`)).json();
    expect(page.items[0]).toMatchObject({ consumerKind: 'service_form', serviceCode: 'SAMR-0003' });
  });

  it('files an objection with the record attached, which the admins see and answer once', async () => {
    const record = (await records(zhang, '?consumer=self')).json().items[0];
    const filed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/data-access-records/${record.id}/objections`,
      headers: zhang.headers,
      payload: { note: '我没有做过这次查询' },
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ status: 'open', record: { id: record.id } });
    const admin = await loginAs(t.app, 'demo-admin');
    const open = (
      await t.app.inject({ url: '/api/v1/admin/data-access-objections?status=open', headers: admin.headers })
    ).json();
    expect(open.items[0]).toMatchObject({
      note: '我没有做过这次查询',
      record: { id: record.id, register: 'housing_fund' },
    });
    const id = open.items[0].id;
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/data-access-objections/${id}/answer`,
      headers: admin.headers,
      payload: { answer: '经核查，该记录为您本人于网上查询公积金时产生。' },
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().status).toBe('answered');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/data-access-objections/${id}/answer`,
      headers: admin.headers,
      payload: { answer: '再答一次' },
    });
    expect(again.json().error.code).toBe('OBJECTION_ALREADY_ANSWERED');
    const mine = (
      await t.app.inject({ url: '/api/v1/me/data-access-objections', headers: zhang.headers })
    ).json();
    expect(mine.items[0].answer).toContain('经核查');
    expect(
      (await t.app.inject({ url: '/api/v1/me/data-access-objections', headers: li.headers })).json().items,
    ).toEqual([]);
    const audit = await t.runtime.deps.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'sharing.objection.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['sharing.objection.answer', 'sharing.objection.file']);
  });

  it('refuses the wrong roles', async () => {
    const clerk = await loginAs(t.app, 'demo-clerk');
    for (const url of [
      '/api/v1/me/data-access-records',
      '/api/v1/me/data-access-records.csv',
      '/api/v1/me/consents',
      '/api/v1/me/registers/vehicles',
    ]) {
      expect((await t.app.inject({ url, headers: clerk.headers })).statusCode).toBe(403);
      expect((await t.app.inject({ url })).statusCode).toBe(401);
    }
    expect(
      (await t.app.inject({ url: '/api/v1/admin/data-access-objections', headers: zhang.headers }))
        .statusCode,
    ).toBe(403);
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/data-access-objections/x/answer',
      headers: clerk.headers,
      payload: { answer: '不行' },
    });
    expect(answer.statusCode).toBe(403);
  });
});
