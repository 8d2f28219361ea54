// The policy library end to end: seeded policies matched by the durable job, dry runs before
// saving, a rule change re-matching (new matches told, benefits not duplicated), reruns and two
// runs racing leaving exactly one 免申即享 benefit per enterprise, the audit trail of a benefit, the
// enterprise's own view, and who is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { runPolicyMatching } from './policies-matching.ts';

const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';
const TECH = '上海曲阳数智科技有限公司（演示）';
const ROBOT = '上海北外滩机器人科技有限公司（演示）';
const SMALL_A_OR_B = {
  all: [
    { field: 'district', op: 'eq', value: '310109' },
    { field: 'sizeClass', op: 'in', value: ['micro', 'small'] },
    { field: 'taxCreditRating', op: 'in', value: ['A', 'B'] },
  ],
};

interface Policy {
  id: string;
  code: string;
  status: string;
  ruleVersion: number;
  matchedNow: number;
  benefitsGranted: number;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  districtCode: string | null;
  isAutoGrant: boolean;
  benefitAmountFen: number | null;
  rule: unknown;
  lastRun: { told: number; granted: number; matched: number; checked: number } | null;
}

describeEachDialect('enterprise desk: policies that find the enterprise', (dialect) => {
  let t: TestApp;
  let admin: TestSession;
  let deskHead: TestSession;
  let manager: TestSession;
  let samrAdmin: TestSession;
  let agent: TestSession;
  let resident: TestSession;
  const ids: Record<string, string> = {};
  const db = () => t.runtime.deps.database.db;
  const matchingDeps = () => ({ db: db(), registers: t.runtime.deps.registers, jobs: t.runtime.deps.jobs });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t.app, 'demo-admin');
    deskHead = await loginAs(t.app, 'demo-desk-head');
    manager = await loginAs(t.app, 'demo-manager');
    samrAdmin = await loginAs(t.app, 'demo-office-admin');
    agent = await loginAs(t.app, 'demo-enterprise');
    resident = await loginAs(t.app, 'demo-resident');
    for (const row of await db().selectFrom('enterprises').select(['id', 'name']).execute())
      ids[row.name] = row.id;
    // The seeded published policies are queued for matching when the app starts.
    await t.runtime.deps.jobs.drain();
  });
  afterAll(() => t.close());

  const get = (url: string, session?: TestSession) =>
    t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en', ...(session?.headers ?? {}) } });
  const send = (method: 'POST' | 'PUT', url: string, session: TestSession, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { 'accept-language': 'en', ...session.headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const policies = async (session = admin) =>
    ((await get('/api/v1/desk/policy-library', session)).json() as { items: Policy[] }).items;
  const policy = async (code: string) => (await policies()).find((p) => p.code === code)!;
  const benefitsOf = (policyId: string) =>
    db().selectFrom('deskPolicyBenefits').selectAll().where('policyId', '=', policyId).execute();
  const noticesOf = (username: string, kind: string) =>
    db()
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.userId')
      .select(['n.id', 'n.objectId', 'n.titleZh'])
      .where('u.username', '=', username)
      .where('n.kind', '=', kind)
      .execute();
  const editBody = (p: Policy, rule: unknown) => ({
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    summaryZh: p.summaryZh,
    summaryEn: p.summaryEn,
    districtCode: p.districtCode,
    isAutoGrant: p.isAutoGrant,
    benefitAmountFen: p.benefitAmountFen,
    rule,
  });

  it('matches the published demo policies through the sharing gateway when the app starts', async () => {
    const rd = await policy('HK-2026-001');
    expect(rd.status).toBe('published');
    expect(rd.matchedNow).toBe(4);
    const matched = await db()
      .selectFrom('deskPolicyMatches')
      .select('enterpriseId')
      .where('policyId', '=', rd.id)
      .execute();
    expect(new Set(matched.map((m) => m.enterpriseId))).toContain(ids[TECH]);
    expect(new Set(matched.map((m) => m.enterpriseId))).not.toContain(ids[CANTEEN]);
    // 免申即享 for small businesses rated A: only the tech company.
    const grant = await policy('HK-2026-002');
    expect(grant.benefitsGranted).toBe(1);
    expect((await benefitsOf(grant.id)).map((b) => b.enterpriseId)).toEqual([ids[TECH]]);
    // Each read left an access record naming the matcher as the consumer and the purpose.
    const reads = await db()
      .selectFrom('auditLog')
      .select(['details', 'purpose', 'fields'])
      .where('action', '=', 'data.read')
      .where('subjectEnterpriseId', '=', ids[TECH]!)
      .execute();
    const matcherReads = reads.filter((r) => String(r.details).includes('desk-policy-matching'));
    expect(matcherReads.length).toBeGreaterThanOrEqual(2);
    expect(matcherReads[0]!.purpose).toMatch(/政策找企业/);
    // Only the fields the rules name were asked for.
    expect(String(matcherReads.map((r) => r.fields).join(','))).not.toMatch(/businessScope|legalRep/);
  });

  it('dry-runs a rule against the register and against one enterprise, storing nothing', async () => {
    const before = await db().selectFrom('deskPolicyMatches').select('id').execute();
    const all = await send('POST', '/api/v1/desk/policy-library/dry-run', admin, {
      rule: SMALL_A_OR_B,
      districtCode: '310109',
    });
    expect(all.statusCode).toBe(200);
    const result = all.json() as {
      checked: number;
      matched: number;
      examples: { name: string; facts: Record<string, unknown> }[];
      nonMatching: { name: string }[];
    };
    expect(result.checked).toBe(8);
    expect(result.matched).toBe(3);
    expect(result.examples.map((e) => e.name).sort()).toEqual([CANTEEN, ROBOT, TECH].sort());
    expect(result.examples.find((e) => e.name === CANTEEN)!.facts).toEqual({
      district: '310109',
      sizeClass: 'small',
      taxCreditRating: 'B',
    });
    expect(result.nonMatching.length).toBe(5);
    const one = await send('POST', '/api/v1/desk/policy-library/dry-run', deskHead, {
      rule: { field: 'taxCreditRating', op: 'eq', value: 'A' },
      districtCode: null,
      enterpriseId: ids[CANTEEN],
    });
    expect(one.json()).toMatchObject({ checked: 1, matched: 0 });
    expect((await db().selectFrom('deskPolicyMatches').select('id').execute()).length).toBe(before.length);
    const unknown = await send('POST', '/api/v1/desk/policy-library/dry-run', admin, {
      rule: SMALL_A_OR_B,
      districtCode: null,
      enterpriseId: 'no-such-enterprise',
    });
    expect(unknown.json().error.code).toBe('POLICY_ENTERPRISE_NOT_FOUND');
  });

  it('refuses a rule with problems, pointing at them, and a 免申即享 policy without an amount', async () => {
    const p = await policy('HK-2026-002');
    const bad = await send(
      'PUT',
      `/api/v1/desk/policy-library/${p.id}`,
      admin,
      editBody(p, { all: [{ field: 'turnover', op: 'gt', value: 1 }] }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'POLICY_RULE_INVALID',
      details: [{ path: '/all/0/field', message: 'Unknown field "turnover"' }],
    });
    const malformed = await send('POST', '/api/v1/desk/policy-library/dry-run', admin, {
      rule: { any: 'x' },
      districtCode: null,
    });
    expect(malformed.json().error.code).toBe('POLICY_RULE_INVALID');
    const noAmount = await send('PUT', `/api/v1/desk/policy-library/${p.id}`, admin, {
      ...editBody(p, p.rule),
      benefitAmountFen: null,
    });
    expect(noAmount.json().error.code).toBe('POLICY_BENEFIT_AMOUNT_REQUIRED');
    expect((await policy('HK-2026-002')).ruleVersion).toBe(1);
  });

  it('re-matches on a rule change: new matches told once, benefits once, audited with rule version and data', async () => {
    const p = await policy('HK-2026-002');
    const changed = await send(
      'PUT',
      `/api/v1/desk/policy-library/${p.id}`,
      deskHead,
      editBody(p, SMALL_A_OR_B),
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json().ruleVersion).toBe(2);
    expect(await t.runtime.deps.jobs.drain()).toBeGreaterThanOrEqual(1);
    const benefits = await benefitsOf(p.id);
    expect(benefits.map((b) => b.enterpriseId).sort()).toEqual([ids[CANTEEN], ids[ROBOT], ids[TECH]].sort());
    const canteenBenefit = benefits.find((b) => b.enterpriseId === ids[CANTEEN])!;
    expect(canteenBenefit).toMatchObject({ amountFen: 500_000, ruleVersion: 2 });
    // The canteen's agent and legal representative are each told once.
    expect(await noticesOf('demo-enterprise', 'desk.policy.benefit_granted')).toHaveLength(1);
    expect(await noticesOf('demo-legal-rep', 'desk.policy.benefit_granted')).toHaveLength(1);
    const audit = await db()
      .selectFrom('auditLog')
      .select(['details', 'actorUserId'])
      .where('action', '=', 'desk.policy.benefit.granted')
      .where('subjectEnterpriseId', '=', ids[CANTEEN]!)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({
      policyCode: 'HK-2026-002',
      ruleVersion: 2,
      rule: SMALL_A_OR_B,
      facts: { district: '310109', sizeClass: 'small', taxCreditRating: 'B' },
      amountFen: 500_000,
    });
    const versions = await db()
      .selectFrom('deskPolicyRuleVersions')
      .select('version')
      .where('policyId', '=', p.id)
      .execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('grants nothing twice when the job reruns or two runs race', async () => {
    const p = await policy('HK-2026-002');
    const rerun = await send('POST', `/api/v1/desk/policy-library/${p.id}/match`, deskHead);
    expect(rerun.statusCode).toBe(202);
    await t.runtime.deps.jobs.drain();
    await Promise.all([
      runPolicyMatching(matchingDeps(), p.id, 'manual'),
      runPolicyMatching(matchingDeps(), p.id, 'manual'),
      runPolicyMatching(matchingDeps(), p.id, 'schedule'),
    ]);
    expect(await benefitsOf(p.id)).toHaveLength(3);
    expect(await noticesOf('demo-enterprise', 'desk.policy.benefit_granted')).toHaveLength(1);
    const latest = await policy('HK-2026-002');
    expect(latest.benefitsGranted).toBe(3);
    expect(latest.lastRun).toMatchObject({ matched: 3, granted: 0, told: 0 });
  });

  it('a new 免申即享 policy racing from its first run grants and tells each enterprise once', async () => {
    const created = await send('POST', '/api/v1/desk/policy-library', deskHead, {
      code: 'HK-TEST-RACE',
      issuerOfficeCode: 'commerce-310109',
      titleZh: '测试：并发兑现',
      titleEn: 'Test: concurrent grant',
      summaryZh: '测试',
      summaryEn: 'Test',
      districtCode: '310109',
      isAutoGrant: true,
      benefitAmountFen: 123_400,
      rule: { field: 'employees', op: 'gte', value: 1 },
    });
    expect(created.statusCode).toBe(201);
    const id = (created.json() as Policy).id;
    expect((created.json() as Policy).status).toBe('draft');
    // Publishing queues a run; two more runs start at the same moment.
    expect((await send('POST', `/api/v1/desk/policy-library/${id}/publish`, deskHead)).statusCode).toBe(200);
    await Promise.all([
      t.runtime.deps.jobs.drain(),
      runPolicyMatching(matchingDeps(), id, 'manual'),
      runPolicyMatching(matchingDeps(), id, 'manual'),
    ]);
    const benefits = await benefitsOf(id);
    expect(benefits).toHaveLength(8);
    expect(new Set(benefits.map((b) => b.enterpriseId)).size).toBe(8);
    const matches = await db()
      .selectFrom('deskPolicyMatches')
      .select('enterpriseId')
      .where('policyId', '=', id)
      .execute();
    expect(matches).toHaveLength(8);
    const told = (await noticesOf('demo-enterprise', 'desk.policy.benefit_granted')).filter(
      (n) => n.objectId === id,
    );
    expect(told).toHaveLength(1);
  });

  it('shows the enterprise the policies it may benefit from and its benefits, to its members only', async () => {
    const mine = await get(`/api/v1/desk/enterprises/${ids[CANTEEN]}/policies`, agent);
    expect(mine.statusCode).toBe(200);
    const body = mine.json() as {
      policies: { code: string }[];
      benefits: { code: string; amountFen: number }[];
    };
    expect(body.policies.map((p) => p.code)).toContain('HK-2026-002');
    expect(body.benefits.filter((b) => b.code === 'HK-2026-002')).toEqual([
      expect.objectContaining({ amountFen: 500_000 }),
    ]);
    expect((await get(`/api/v1/desk/enterprises/${ids[CANTEEN]}/policies`, resident)).statusCode).toBe(403);
    expect((await get(`/api/v1/desk/enterprises/${ids[TECH]}/policies`, agent)).statusCode).toBe(403);
    expect((await get(`/api/v1/desk/enterprises/${ids[CANTEEN]}/policies`)).statusCode).toBe(401);
  });

  describe('who may do what', () => {
    it('lets managers read published policies only, and refuses enterprises the library', async () => {
      const seen = await policies(manager);
      expect(seen.map((p) => p.code)).toContain('HK-2026-001');
      expect(seen.map((p) => p.code)).not.toContain('HK-2026-004');
      const draft = (await policies(admin)).find((p) => p.code === 'HK-2026-004')!;
      expect((await get(`/api/v1/desk/policy-library/${draft.id}`, manager)).statusCode).toBe(404);
      expect((await get('/api/v1/desk/policy-library', agent)).statusCode).toBe(403);
      const p = await policy('HK-2026-001');
      expect(
        (await send('PUT', `/api/v1/desk/policy-library/${p.id}`, manager, editBody(p, p.rule))).statusCode,
      ).toBe(403);
      expect(
        (
          await send('POST', '/api/v1/desk/policy-library/dry-run', agent, {
            rule: SMALL_A_OR_B,
            districtCode: null,
          })
        ).statusCode,
      ).toBe(403);
    });

    it("refuses an office admin another office's policies", async () => {
      const p = await policy('HK-2026-001');
      const refused = await send(
        'PUT',
        `/api/v1/desk/policy-library/${p.id}`,
        samrAdmin,
        editBody(p, p.rule),
      );
      expect(refused.statusCode).toBe(403);
      expect((await send('POST', `/api/v1/desk/policy-library/${p.id}/match`, samrAdmin)).statusCode).toBe(
        403,
      );
      const foreign = await send('POST', '/api/v1/desk/policy-library', samrAdmin, {
        code: 'HK-TEST-FOREIGN',
        issuerOfficeCode: 'commerce-310109',
        titleZh: '越权',
        titleEn: 'Not theirs',
        summaryZh: '越权',
        summaryEn: 'Not theirs',
        districtCode: '310109',
        isAutoGrant: false,
        benefitAmountFen: null,
        rule: { all: [] },
      });
      expect(foreign.statusCode).toBe(403);
    });

    it('keeps a retired policy as it is', async () => {
      const p = await policy('HK-2026-003');
      expect((await send('POST', `/api/v1/desk/policy-library/${p.id}/retire`, admin)).json().status).toBe(
        'retired',
      );
      expect((await send('POST', `/api/v1/desk/policy-library/${p.id}/match`, admin)).json().error.code).toBe(
        'POLICY_RETIRED',
      );
      expect(
        (await send('PUT', `/api/v1/desk/policy-library/${p.id}`, admin, editBody(p, p.rule))).statusCode,
      ).toBe(409);
      const draft = (await policies(admin)).find((x) => x.code === 'HK-2026-004')!;
      expect(
        (await send('POST', `/api/v1/desk/policy-library/${draft.id}/match`, admin)).json().error.code,
      ).toBe('POLICY_NOT_PUBLISHED');
    });
  });
});
