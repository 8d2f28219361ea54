import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { DEMO_SERVICES } from '../../../../demo/catalog/index.ts';
import { seedDemo } from '../../../../demo/seed.ts';
import { findOfficeByCode } from '../reference/reference.service.ts';
import { loadCertificateSigner, type CertificateSigner } from './certificate-signing.ts';
import type { CertificateHolder } from './certificates.repository.ts';
import { findHeldCertificate, issueCertificate } from './certificates.service.ts';

const service = (code: string) => DEMO_SERVICES.find((candidate) => candidate.code === code)!;

interface Summary {
  id: string;
  number: string;
  certificateType: string;
  status: string;
  holder: { kind: string; name: string };
  issuingOffice: { nameZh: string };
}

describeEachDialect('certificates: wallet, verification, revocation', (dialect) => {
  let t: TestApp;
  let resident: TestSession;
  let resident2: TestSession;
  let agent: TestSession;
  let approver: TestSession;
  let zhangsanId: string;
  let lisiId: string;
  let canteenId: string;
  let samrHongkou: string;
  let trafficHongkou: string;

  const db = () => t.runtime.deps.database.db;
  const issue = (
    holder: CertificateHolder,
    serviceCode: string,
    options: {
      officeId?: string;
      issuedAt?: Date;
      signer?: CertificateSigner;
      data?: Record<string, unknown>;
    } = {},
  ) =>
    db()
      .transaction()
      .execute(async (trx) => {
        const issued = await issueCertificate(trx, options.signer ?? t.runtime.deps.signer, {
          applicationId: null,
          serviceCode,
          service: service(serviceCode),
          holder,
          issuingOfficeId: options.officeId ?? samrHongkou,
          data: options.data ?? { enterpriseName: '测试', applicantName: '张三', operatingArea: 90 },
          issuedAt: options.issuedAt,
          actor: null,
        });
        if (!issued) throw new Error(`${serviceCode} issued nothing`);
        return issued;
      });
  const get = (url: string, session?: TestSession) =>
    t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
  const verify = async (number: string) =>
    (await get(`/api/v1/certificates/verify?number=${encodeURIComponent(number)}`)).json() as {
      status: string;
      signatureValid: boolean | null;
      holderNameMasked: string | null;
      issuingOfficeNameZh: string | null;
      revokedAt: string | null;
      validUntil: string | null;
    };
  const revoke = (id: string, session: TestSession, reason = '申请人提供虚假材料') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${id}/revoke`,
      headers: session.headers,
      payload: { reason },
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    resident = await loginAs(t.app, 'demo-resident');
    resident2 = await loginAs(t.app, 'demo-resident2');
    agent = await loginAs(t.app, 'demo-enterprise');
    approver = await loginAs(t.app, 'demo-approver');
    const me = (session: TestSession) => get('/api/v1/me', session).then((r) => r.json());
    zhangsanId = (await me(resident)).person.id;
    lisiId = (await me(resident2)).person.id;
    canteenId = (await me(agent)).enterprises[0].id;
    samrHongkou = (await findOfficeByCode(db(), 'samr-310109'))!.id;
    trafficHongkou = (await findOfficeByCode(db(), 'police-traffic-310109'))!.id;
  });
  afterAll(() => t.close());

  it('loads the demo certificates once: the canteen’s licences and 张三’s driving licence', async () => {
    const enterprise = await get(`/api/v1/me/certificates?enterpriseId=${canteenId}`, agent);
    expect(enterprise.statusCode).toBe(200);
    const types = (enterprise.json().items as Summary[]).map((item) => item.certificateType).sort();
    expect(types).toEqual(['business_licence', 'food_business_licence']);
    const own = (await get('/api/v1/me/certificates', resident)).json().items as Summary[];
    expect(own.map((item) => item.certificateType)).toContain('driving_licence');
    await seedDemo(db(), { signer: t.runtime.deps.signer });
    const again = (await get(`/api/v1/me/certificates?enterpriseId=${canteenId}`, agent)).json().items;
    expect(again).toHaveLength(2);
    const licence = (enterprise.json().items as Summary[]).find(
      (i) => i.certificateType === 'business_licence',
    )!;
    expect(licence.number).toMatch(/^SH-BL-2025-\d{6}$/);
    expect(await verify(licence.number)).toMatchObject({
      status: 'valid',
      signatureValid: true,
      holderNameMasked: '上海****餐饮管理有限公司（演示）',
      issuingOfficeNameZh: '虹口区市场监管局',
      validUntil: null,
    });
  });

  it('shows a certificate to its holder only', async () => {
    const { id, number } = await issue({ personId: zhangsanId }, 'PSBT-0003', { officeId: trafficHongkou });
    const mine = (await get('/api/v1/me/certificates', resident)).json().items as Summary[];
    expect(mine.map((item) => item.number)).toContain(number);
    const detail = await get(`/api/v1/me/certificates/${id}`, resident);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      number,
      status: 'valid',
      signatureValid: true,
      nameZh: '机动车驾驶证',
      holder: { kind: 'person', name: '张三' },
      verifyPath: expect.stringMatching(new RegExp(`/verify/${number}$`)),
    });
    expect(detail.json().display[0]).toMatchObject({
      key: 'applicantName',
      labelZh: '申请人姓名',
      valueZh: '张三',
    });

    const others = (await get('/api/v1/me/certificates', resident2)).json().items as Summary[];
    expect(others.map((item) => item.number)).not.toContain(number);
    const refused = await get(`/api/v1/me/certificates/${id}`, resident2);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('CERTIFICATE_NOT_FOUND');
    expect((await get(`/api/v1/me/certificates/${id}`, approver)).statusCode).toBe(403);
    expect((await get(`/api/v1/me/certificates/${id}`)).statusCode).toBe(401);
  });

  it('shows an enterprise’s certificates to its members only', async () => {
    const { id } = await issue({ enterpriseId: canteenId }, 'SAMR-0010');
    expect((await get(`/api/v1/me/certificates/${id}`, agent)).statusCode).toBe(200);
    const outsider = await get(`/api/v1/me/certificates?enterpriseId=${canteenId}`, resident);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.code).toBe('AUTH_FORBIDDEN');
    expect((await get(`/api/v1/me/certificates/${id}`, resident)).statusCode).toBe(404);
    // An enterprise's certificate is not in the agent's own wallet.
    const own = (await get('/api/v1/me/certificates', agent)).json().items as Summary[];
    expect(own.map((item) => item.id)).not.toContain(id);
  });

  it('verifies by number: not found, bad format, and a tampered certificate', async () => {
    expect(await verify('SH-BL-2026-999999')).toMatchObject({ status: 'not_found', signatureValid: null });
    const bad = await get('/api/v1/certificates/verify?number=hello');
    expect(bad.statusCode).toBe(400);
    const { id, number } = await issue({ personId: lisiId }, 'PSBT-0003', { officeId: trafficHongkou });
    expect(await verify(number)).toMatchObject({
      status: 'valid',
      signatureValid: true,
      holderNameMasked: '李*',
    });
    await db()
      .updateTable('certificates')
      .set({ data: JSON.stringify({ applicantName: '王五' }) })
      .where('id', '=', id)
      .execute();
    expect(await verify(number)).toMatchObject({ status: 'valid', signatureValid: false });
    expect((await get(`/api/v1/me/certificates/${id}`, resident2)).json().signatureValid).toBe(false);
  });

  it('says expired after the last day of validity', async () => {
    const issuedAt = new Date(Date.now() - 11 * 365 * 86_400_000);
    const { number } = await issue({ personId: lisiId }, 'PSBT-0003', { officeId: trafficHongkou, issuedAt });
    const result = await verify(number);
    expect(result).toMatchObject({ status: 'expired', signatureValid: true });
    expect(result.validUntil! < new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it('lets an approver or office admin of the issuing office revoke, and nobody else', async () => {
    const { id, number } = await issue({ enterpriseId: canteenId }, 'SAMR-0010');
    for (const username of ['demo-clerk', 'demo-reviewer', 'demo-resident', 'demo-admin']) {
      const response = await revoke(id, await loginAs(t.app, username));
      expect(response.statusCode, username).toBe(403);
    }
    const traffic = await issue({ personId: zhangsanId }, 'PSBT-0003', { officeId: trafficHongkou });
    const wrongOffice = await revoke(traffic.id, approver);
    expect(wrongOffice.statusCode).toBe(403);
    expect(wrongOffice.json().error.code).toBe('AUTH_FORBIDDEN');
    expect((await revoke('no-such-id', approver)).statusCode).toBe(404);
    expect((await revoke(id, approver, 'x')).statusCode).toBe(400);

    const revoked = await revoke(id, approver);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ number, status: 'revoked' });
    expect(await verify(number)).toMatchObject({ status: 'revoked', signatureValid: true });
    expect((await verify(number)).revokedAt).toEqual(expect.any(String));
    const again = await revoke(id, await loginAs(t.app, 'demo-office-admin'));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CERTIFICATE_ALREADY_REVOKED');
    const detail = (await get(`/api/v1/me/certificates/${id}`, agent)).json();
    expect(detail).toMatchObject({ status: 'revoked', revokedReason: '申请人提供虚假材料' });
    const audit = await db()
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'subjectEnterpriseId'])
      .where('objectId', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['certificate.issue', 'certificate.revoke']);
    expect(audit[1]).toMatchObject({ actorName: '钱振华（审批）', subjectEnterpriseId: canteenId });

    const byAdmin = await issue({ enterpriseId: canteenId }, 'SAMR-0001');
    expect((await revoke(byAdmin.id, await loginAs(t.app, 'demo-office-admin'))).statusCode).toBe(200);
  });

  it('allocates 50 concurrent numbers without a gap or a repeat', async () => {
    const issued = await Promise.all(
      Array.from({ length: 50 }, () => issue({ personId: lisiId }, 'CAB-0001', { officeId: samrHongkou })),
    );
    const sequences = issued.map((item) => Number(item.number.split('-').pop())).sort((a, b) => a - b);
    expect(new Set(issued.map((item) => item.number)).size).toBe(50);
    expect(sequences[49]! - sequences[0]!).toBe(49);
    expect(issued[0]!.number).toMatch(/^SH-M-|^SH-MARR-/);
  });

  it('still verifies certificates signed with an earlier key after the key is rotated', async () => {
    const old = await issue({ personId: lisiId }, 'PSBT-0006', { officeId: trafficHongkou });
    const keyFile = path.join(t.database.dataDir, 'rotated-key.pem');
    const { privateKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const rotated = await loadCertificateSigner(db(), {
      dataDir: t.database.dataDir,
      signingKeyFile: keyFile,
    });
    expect(rotated.keyId).not.toBe(t.runtime.deps.signer.keyId);
    const fresh = await issue({ personId: lisiId }, 'PSBT-0006', {
      officeId: trafficHongkou,
      signer: rotated,
    });
    expect(await verify(old.number)).toMatchObject({ status: 'valid', signatureValid: true });
    expect(await verify(fresh.number)).toMatchObject({ status: 'valid', signatureValid: true });
    const keys = (await get('/api/v1/certificates/keys')).json();
    expect(keys.items.map((key: { keyId: string }) => key.keyId)).toEqual(
      expect.arrayContaining([rotated.keyId, t.runtime.deps.signer.keyId]),
    );
    expect(keys.items[0].publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(keys)).not.toContain('PRIVATE');
    // The default key stays where it was generated, readable by its owner only.
    const mode = fs.statSync(path.join(t.database.dataDir, 'signing-key.pem')).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('finds a held certificate only while it is valid, unexpired and unrevoked', async () => {
    const holder = { personId: lisiId };
    expect(await findHeldCertificate(db(), holder, 'residence_permit')).toBeUndefined();
    await issue(holder, 'PSBH-0004', { issuedAt: new Date(Date.now() - 2 * 365 * 86_400_000) });
    const revoked = await issue(holder, 'PSBH-0004');
    await revoke(revoked.id, approver);
    expect(await findHeldCertificate(db(), holder, 'residence_permit')).toBeUndefined();
    const valid = await issue(holder, 'PSBH-0004');
    expect(await findHeldCertificate(db(), holder, 'residence_permit')).toMatchObject({
      id: valid.id,
      status: 'valid',
    });
    expect(await findHeldCertificate(db(), { personId: zhangsanId }, 'residence_permit')).toBeUndefined();
  });

  it('draws a QR code of the public check page', async () => {
    const { number } = await issue({ personId: zhangsanId }, 'PSBT-0003', { officeId: trafficHongkou });
    const qr = await get(`/api/v1/certificates/${number}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toMatch(/^<svg/);
    expect((await get('/api/v1/certificates/SH-BL-2026-999998/qr.svg')).statusCode).toBe(404);
  });

  it('issues nothing for a query service', async () => {
    const query = DEMO_SERVICES.find((candidate) => candidate.kind === 'query')!;
    const result = await db()
      .transaction()
      .execute((trx) =>
        issueCertificate(trx, t.runtime.deps.signer, {
          applicationId: null,
          serviceCode: query.code,
          service: query,
          holder: { personId: zhangsanId },
          issuingOfficeId: samrHongkou,
          data: {},
          actor: null,
        }),
      );
    expect(result).toBeNull();
  });
});

describe('certificates: the public check is rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite', { verifyRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After past the limit', async () => {
    const statuses: number[] = [];
    let retryAfter: unknown;
    for (let i = 0; i < 5; i += 1) {
      const response = await t.app.inject('/api/v1/certificates/verify?number=SH-BL-2026-000001');
      statuses.push(response.statusCode);
      if (response.statusCode === 429) retryAfter = response.headers['retry-after'];
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(retryAfter).toBeDefined();
  });
});
