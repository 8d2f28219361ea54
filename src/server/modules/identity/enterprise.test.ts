import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { makeIdNumber } from '../../../contracts/id-number.ts';

const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';
const GRANT = 'enterprise.agent.grant';
const REVOKE = 'enterprise.agent.revoke';

interface Member {
  linkId: string;
  personName: string;
  idNumberMasked: string;
  role: string;
  validFrom: string;
  expiresAt: string | null;
  isActive: boolean;
}

// Managing an enterprise's agents: the members list, granting (found by ID number and name)
// and withdrawing, each change audited in the same transaction as the change itself.
describeEachDialect('enterprises: members and agents', (dialect) => {
  let t: TestApp;
  let legalRep: TestSession;
  let agent: TestSession;
  let canteenId: string;

  const db = () => t.runtime.deps.database.db;
  const inOneMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

  const personNamed = (name: string) =>
    db().selectFrom('people').select(['id', 'idNumber']).where('name', '=', name).executeTakeFirstOrThrow();

  const grant = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/${canteenId}/agents`,
      headers: legalRep.headers,
      payload: body,
    });

  const withdraw = (linkId: string) =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/v1/enterprises/${canteenId}/agents/${linkId}`,
      headers: legalRep.headers,
    });

  const members = async (session: TestSession) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/enterprises/${canteenId}/members`,
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    return { body: response.body, items: (response.json() as { items: Member[] }).items };
  };

  const counts = async () => {
    const links = await db()
      .selectFrom('enterpriseLinks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const audits = await db()
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'in', [GRANT, REVOKE])
      .execute();
    return {
      links: Number(links.n),
      grants: audits.filter((a) => a.action === GRANT).length,
      revokes: audits.filter((a) => a.action === REVOKE).length,
    };
  };

  /** Makes every audit write of an agent change fail, to show the change rolls back with it. */
  const breakAgentAudit = async () => {
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER refuse_agent_audit BEFORE INSERT ON audit_log
        WHEN NEW.action LIKE 'enterprise.agent.%' BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END`.execute(
        db(),
      );
    } else {
      await sql`CREATE FUNCTION refuse_agent_audit() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END $$`.execute(db());
      await sql`CREATE TRIGGER refuse_agent_audit BEFORE INSERT ON audit_log FOR EACH ROW
        WHEN (NEW.action LIKE 'enterprise.agent.%') EXECUTE FUNCTION refuse_agent_audit()`.execute(db());
    }
    return async () => {
      if (dialect === 'sqlite') {
        await sql`DROP TRIGGER refuse_agent_audit`.execute(db());
      } else {
        await sql`DROP TRIGGER refuse_agent_audit ON audit_log`.execute(db());
        await sql`DROP FUNCTION refuse_agent_audit()`.execute(db());
      }
    };
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    legalRep = await loginAs(t.app, 'demo-legal-rep');
    agent = await loginAs(t.app, 'demo-enterprise');
    const canteen = await db()
      .selectFrom('enterprises')
      .select('id')
      .where('name', '=', CANTEEN)
      .executeTakeFirstOrThrow();
    canteenId = canteen.id;
  });
  afterAll(() => t.close());

  it('lists the legal representative and agents to members, with ID numbers masked', async () => {
    const wangfang = await personNamed('王芳');
    const zhaomin = await personNamed('赵敏');
    for (const session of [legalRep, agent]) {
      const { body, items } = await members(session);
      expect(items.map(({ personName, role, isActive }) => ({ personName, role, isActive }))).toEqual([
        { personName: '王芳', role: 'legal_rep', isActive: true },
        { personName: '赵敏', role: 'agent', isActive: true },
      ]);
      expect(items[0]!.expiresAt).toBeNull();
      expect(Date.parse(items[1]!.expiresAt!)).toBeGreaterThan(Date.now());
      expect(items.map((m) => m.idNumberMasked)).toEqual([
        `${wangfang.idNumber.slice(0, 6)}********${wangfang.idNumber.slice(14)}`,
        `${zhaomin.idNumber.slice(0, 6)}********${zhaomin.idNumber.slice(14)}`,
      ]);
      expect(body).not.toContain(wangfang.idNumber);
      expect(body).not.toContain(zhaomin.idNumber);
    }
  });

  it('refuses a malformed ID number with a field error, before looking anyone up', async () => {
    const before = await counts();
    const valid = makeIdNumber('310109', '19850312', 101);
    const badCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const response = await grant({ idNumber: badCheck, name: '张三', expiresAt: inOneMonth() });
    expect(response.statusCode).toBe(400);
    const error = response.json().error as { code: string; details: { path: string; message: string }[] };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(['/idNumber']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a name that does not match the ID number, or a person the city does not know, and stores nothing', async () => {
    const before = await counts();
    const zhangsan = await personNamed('张三');
    const mismatch = await grant({ idNumber: zhangsan.idNumber, name: '张三丰', expiresAt: inOneMonth() });
    expect(mismatch.statusCode).toBe(404);
    expect(mismatch.json().error.code).toBe('PERSON_NOT_FOUND');

    // In the population register, but never a person on the platform.
    const people = await db().selectFrom('people').select('idNumber').execute();
    const stranger = await db()
      .selectFrom('populationRecords')
      .select(['idNumber', 'name'])
      .where(
        'idNumber',
        'not in',
        people.map((p) => p.idNumber),
      )
      .orderBy('idNumber')
      .executeTakeFirstOrThrow();
    const unknown = await grant({
      idNumber: stranger.idNumber,
      name: stranger.name,
      expiresAt: inOneMonth(),
    });
    expect(unknown.statusCode).toBe(404);
    // The same answer either way, so the route does not tell whether an ID number is known.
    expect(unknown.json().error.message).toBe(mismatch.json().error.message);

    expect(await counts()).toEqual(before);
  });

  it('refuses to authorise someone who already holds an active authorisation', async () => {
    const liuqiang = await personNamed('刘强');
    const body = { idNumber: liuqiang.idNumber, name: '刘强', expiresAt: inOneMonth() };
    const first = await grant(body);
    expect(first.statusCode).toBe(201);
    const after = await counts();

    const second = await grant(body);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ENTERPRISE_LINK_EXISTS');
    const zhaomin = await personNamed('赵敏');
    const existingAgent = await grant({ idNumber: zhaomin.idNumber, name: '赵敏', expiresAt: inOneMonth() });
    expect(existingAgent.statusCode).toBe(409);
    expect(await counts()).toEqual(after);
    expect((await members(legalRep)).items.filter((m) => m.personName === '刘强')).toHaveLength(1);
  });

  it('audits every grant and withdrawal with who, what, for which enterprise and person', async () => {
    const chenjing = await personNamed('陈静');
    const legalRepUser = await db()
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'demo-legal-rep')
      .executeTakeFirstOrThrow();
    const expiresAt = inOneMonth();
    const before = await counts();

    const granted = await grant({ idNumber: chenjing.idNumber, name: '陈静', expiresAt });
    expect(granted.statusCode).toBe(201);
    const { linkId } = granted.json() as { linkId: string };
    const withdrawn = await withdraw(linkId);
    expect(withdrawn.statusCode).toBe(204);
    expect(await counts()).toEqual({
      links: before.links + 1,
      grants: before.grants + 1,
      revokes: before.revokes + 1,
    });

    const records = await db()
      .selectFrom('auditLog')
      .selectAll()
      .where('objectId', '=', linkId)
      .orderBy('seq')
      .execute();
    const common = {
      actorUserId: legalRepUser.id,
      actorName: '王芳',
      objectType: 'enterpriseLink',
      objectId: linkId,
      subjectEnterpriseId: canteenId,
      subjectPersonId: chenjing.id,
    };
    expect(records).toEqual([
      expect.objectContaining({ ...common, action: GRANT, requestId: granted.headers['x-request-id'] }),
      expect.objectContaining({ ...common, action: REVOKE, requestId: withdrawn.headers['x-request-id'] }),
    ]);
    expect(JSON.parse(records[0]!.details!)).toEqual({ expiresAt });
  });

  it('writes the audit record in the same transaction: when it fails, the change is not made', async () => {
    const liuqiangLink = (await members(legalRep)).items.find((m) => m.personName === '刘强')!;
    const chenjing = await personNamed('陈静');
    const before = await counts();

    const restoreAudit = await breakAgentAudit();
    try {
      const granted = await grant({ idNumber: chenjing.idNumber, name: '陈静', expiresAt: inOneMonth() });
      expect(granted.statusCode).toBe(500);
      expect(granted.json().error.code).toBe('INTERNAL_ERROR');
      expect(granted.body).not.toContain('audit unavailable');
      const withdrawn = await withdraw(liuqiangLink.linkId);
      expect(withdrawn.statusCode).toBe(500);
    } finally {
      await restoreAudit();
    }

    expect(await counts()).toEqual(before);
    const after = (await members(legalRep)).items;
    expect(after.find((m) => m.linkId === liuqiangLink.linkId)).toMatchObject({ isActive: true });
    expect(after.filter((m) => m.personName === '陈静' && m.isActive)).toEqual([]);

    // The chain is still whole: nothing half-written was left behind.
    const admin = await loginAs(t.app, 'demo-admin');
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/audit/verify',
      headers: admin.headers,
    });
    expect(verified.json()).toMatchObject({ ok: true });
  });
});
