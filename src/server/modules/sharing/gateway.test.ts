// The sharing gateway's decisions: reads inside the rules are served and recorded once each,
// reads outside them are refused (SHARING_NOT_ALLOWED) and recorded as refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { AppError } from '../../platform/errors.ts';
import { sharingGateway, type GatewayReadInput } from './gateway.ts';

describeEachDialect('sharing gateway', (dialect) => {
  let t: TestApp;
  let people: Record<string, string>;
  const actor = { userId: 'test-user', name: '测试' };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const rows = await t.runtime.deps.database.db.selectFrom('people').select(['id', 'name']).execute();
    people = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  }, 60_000);
  afterAll(() => t?.close());

  const gateway = () =>
    sharingGateway({ db: t.runtime.deps.database.db, registers: t.runtime.deps.registers });
  const count = async (action: string) =>
    Number(
      (
        await t.runtime.deps.database.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const refusal = async (input: GatewayReadInput) => {
    try {
      await gateway().read(input);
    } catch (error) {
      if (error instanceof AppError)
        return { code: error.code, details: error.details as { reason: string } };
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('serves a form the fields its sharing rule names, and records the access with its purpose', async () => {
    const before = await count('data.read');
    const values = await gateway().read({
      consumer: { kind: 'service_form', serviceCode: 'HRSS-0001' },
      subject: { personId: people['张三']! },
      register: 'population',
      fields: ['name', 'idNumber'],
      purpose: '办理事项 HRSS-0001：预填表单',
      applicationId: '0190aaaa-0000-7000-8000-000000000001',
      actor,
    });
    expect(values.name).toBe('张三');
    expect(await count('data.read')).toBe(before + 1);
    const record = await t.runtime.deps.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'data.read')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(record.subjectPersonId).toBe(people['张三']);
    expect(JSON.parse(record.fields!)).toEqual(['population.name', 'population.idNumber']);
    expect(record.purpose).toBe('办理事项 HRSS-0001：预填表单');
    const details = JSON.parse(record.details!);
    expect(details.applicationId).toBe('0190aaaa-0000-7000-8000-000000000001');
    expect(details.consumer).toMatchObject({ kind: 'service_form', serviceCode: 'HRSS-0001' });
    expect(details.ruleIds).toHaveLength(1);
  });

  it('refuses and records a form reading a field outside its rule', async () => {
    const refusedBefore = await count('data.read.refused');
    const readsBefore = await count('data.read');
    const refused = await refusal({
      consumer: { kind: 'service_form', serviceCode: 'HRSS-0001' },
      subject: { personId: people['张三']! },
      register: 'population',
      fields: ['name', 'spouseIdNumber'],
      purpose: '预填',
      actor,
    });
    expect(refused).toEqual({
      code: 'SHARING_NOT_ALLOWED',
      details: { register: 'population', reason: 'no_rule' },
    });
    expect(await count('data.read.refused')).toBe(refusedBefore + 1);
    expect(await count('data.read')).toBe(readsBefore);
    const record = await t.runtime.deps.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'data.read.refused')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(record.subjectPersonId).toBe(people['张三']);
    expect(JSON.parse(record.details!).reason).toBe('no_rule');
  });

  it('refuses a form with no rule at all, a field the register does not have, and a stranger', async () => {
    expect(
      (
        await refusal({
          consumer: { kind: 'service_form', serviceCode: 'NO-SUCH-0001' },
          subject: { personId: people['张三']! },
          register: 'population',
          fields: ['name'],
          purpose: '预填',
          actor,
        })
      ).code,
    ).toBe('SHARING_NOT_ALLOWED');
    expect(
      (
        await refusal({
          consumer: { kind: 'service_form', serviceCode: 'HRSS-0001' },
          subject: { personId: people['张三']! },
          register: 'population',
          fields: ['bloodType'],
          purpose: '预填',
          actor,
        })
      ).code,
    ).toBe('REGISTER_FIELD_UNKNOWN');
    expect(
      await refusal({
        consumer: { kind: 'data_subject', personId: people['张三']! },
        subject: { personId: people['李四']! },
        register: 'housing_fund',
        fields: ['balanceFen'],
        purpose: '本人查询',
        actor,
      }),
    ).toEqual({
      code: 'SHARING_NOT_ALLOWED',
      details: { register: 'housing_fund', reason: 'not_the_data_subject' },
    });
  });

  it("lets caseworkers read within their office's district and rules only", async () => {
    const clerk = await loginAs(t.app, 'demo-clerk'); // 虹口区市场监管局
    const read = (name: string, register: string, fields: string[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/register-reads',
        headers: clerk.headers,
        payload: {
          subject: { personId: people[name] },
          register,
          fields,
          purpose: '受理食品经营许可申请，核对申请人身份',
        },
      });
    const ok = await read('张三', 'population', ['name', 'address']);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.name).toBe('张三');
    const elsewhere = await read('李四', 'population', ['name']); // 普陀区
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe('SHARING_NOT_ALLOWED');
    const noRule = await read('张三', 'housing_fund', ['balanceFen']);
    expect(noRule.statusCode).toBe(403);
    expect(noRule.json().error.code).toBe('SHARING_NOT_ALLOWED');
    const office = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/register-reads',
      headers: (await loginAs(t.app, 'demo-office-admin')).headers,
      payload: {
        subject: { personId: people['张三'] },
        register: 'population',
        fields: ['name'],
        purpose: '看看',
      },
    });
    expect(office.statusCode).toBe(403);
    expect(office.json().error.code).toBe('AUTH_FORBIDDEN');
    const resident = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/register-reads',
      headers: (await loginAs(t.app, 'demo-resident')).headers,
      payload: {
        subject: { personId: people['李四'] },
        register: 'population',
        fields: ['name'],
        purpose: '看看',
      },
    });
    expect(resident.statusCode).toBe(403);
  });

  it('prefills a form with sources and locks, one access record per register read', async () => {
    const resident = await loginAs(t.app, 'demo-resident');
    const before = await count('data.read');
    const response = await t.app.inject({
      url: '/api/v1/services/HRSS-0001/prefill',
      headers: resident.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.fields.applicantName).toEqual({
      value: '张三',
      source: {
        register: 'population',
        nameZh: '人口库（公安户籍）',
        nameEn: 'Population register (police household registration)',
      },
      locked: true,
    });
    expect(body.fields.idNumber.locked).toBe(true);
    // 张三's own ID card: the population register holds it.
    expect(body.materials.find((m: { nameZh: string }) => m.nameZh === '居民身份证')?.status).toBe('held');
    expect(body.filledCount).toBe(Object.keys(body.fields).length);
    const registers = new Set(
      Object.values(body.fields as Record<string, { source: { register: string } }>).map(
        (f) => f.source.register,
      ),
    );
    for (const m of body.materials)
      registers.add(m.sourceNameZh.includes('证照') ? 'certificates' : 'population');
    const reads = (await count('data.read')) - before;
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(registers.size + 1);
  });
});
