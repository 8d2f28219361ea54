import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import {
  certificateResultFor,
  certificateStatus,
  formatCertificateNumber,
  maskHolderName,
  numberPrefix,
  validUntilFor,
} from './certificate-rules.ts';
import {
  canonicalJson,
  signedBytes,
  verifyCertificateSignature,
  type CertificatePayload,
} from './certificate-signing.ts';
import { sign } from 'node:crypto';

describe('masking the holder on the public check', () => {
  it.each([
    ['张三', 'person', '张*'],
    ['欧阳娜娜', 'person', '欧***'],
    ['李', 'person', '*'],
    ['上海虹通示范餐饮管理有限公司（演示）', 'enterprise', '上海****餐饮管理有限公司（演示）'],
    ['上海市新天地餐饮有限公司', 'enterprise', '上海市***餐饮有限公司'],
    ['上海曲阳数智科技有限公司（演示）', 'enterprise', '上海****科技有限公司（演示）'],
    ['虹口区某某某某', 'enterprise', '虹口*某某某某'],
    ['上海茶馆', 'enterprise', '上***'],
  ] as const)('%s → %s', (name, kind, masked) => {
    expect(maskHolderName(name, kind)).toBe(masked);
  });
});

describe('canonical signing', () => {
  it('gives the same bytes whatever order the keys were built in, at every depth', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: '中' }, skipped: undefined };
    const b = { a: { c: '中', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"中","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('detects any change to a signed field', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    const payload: CertificatePayload = {
      number: 'SH-BL-2026-000001',
      certificateType: 'business_licence',
      nameZh: '营业执照',
      nameEn: 'Business licence',
      holder: { kind: 'enterprise', id: 'e1', name: '上海示范有限公司' },
      issuingOfficeId: 'o1',
      data: { enterpriseName: '上海示范有限公司', registeredCapital: 100 },
      display: [],
      validFrom: '2026-01-05',
      validUntil: null,
      issuedAt: '2026-01-05T02:00:00.000Z',
    };
    const signature = sign(null, signedBytes(payload), privateKey).toString('base64url');
    expect(verifyCertificateSignature(payload, signature, publicKeyPem)).toBe(true);
    const reordered = { ...payload, data: { registeredCapital: 100, enterpriseName: '上海示范有限公司' } };
    expect(verifyCertificateSignature(reordered, signature, publicKeyPem)).toBe(true);
    for (const changed of [
      { ...payload, validUntil: '2030-01-04' },
      { ...payload, data: { enterpriseName: '上海示范有限公司', registeredCapital: 1000 } },
      { ...payload, holder: { ...payload.holder, name: '别人' } },
    ]) {
      expect(verifyCertificateSignature(changed, signature, publicKeyPem)).toBe(false);
    }
    expect(verifyCertificateSignature(payload, 'not-a-signature', publicKeyPem)).toBe(false);
  });
});

describe('numbers, validity and status', () => {
  it('makes readable numbers', () => {
    expect(numberPrefix('business_licence', 'SAMR-0001')).toBe('BL');
    expect(numberPrefix('food_business_licence', 'SAMR-0010')).toBe('FBL');
    expect(numberPrefix('decision_samr_0003', 'SAMR-0003')).toBe('SAMR0003');
    expect(formatCertificateNumber('BL', 2026, 123)).toBe('SH-BL-2026-000123');
  });

  it('ends validity the day before the anniversary, leap days included', () => {
    expect(validUntilFor('2026-03-18', 5)).toBe('2031-03-17');
    expect(validUntilFor('2024-02-29', 1)).toBe('2025-02-28');
    expect(validUntilFor('2026-03-18', undefined)).toBeNull();
  });

  it('counts the last day as valid in Shanghai time; revoked beats expired', () => {
    const row = { status: 'valid' as const, validUntil: '2026-03-17' };
    expect(certificateStatus(row, new Date('2026-03-17T15:59:59Z'))).toBe('valid');
    expect(certificateStatus(row, new Date('2026-03-17T16:00:00Z'))).toBe('expired');
    expect(certificateStatus({ status: 'revoked', validUntil: '2020-01-01' }, new Date())).toBe('revoked');
  });
});

describe('what a service issues', () => {
  const base = { code: 'X-0001', nameZh: '某事项', nameEn: 'Some service' } as ServiceDefinition;
  it('takes the explicit result, defaults for licences, confirmations and registrations', () => {
    const result = { certificateType: 'business_licence', nameZh: '营业执照', nameEn: 'Business licence' };
    expect(certificateResultFor({ ...base, kind: 'registration', result })).toBe(result);
    expect(certificateResultFor({ ...base, kind: 'administrative_licence' })).toEqual({
      certificateType: 'decision_x_0001',
      nameZh: '某事项准予许可决定书',
      nameEn: 'Licence decision: Some service',
    });
    expect(certificateResultFor({ ...base, kind: 'administrative_confirmation' })?.nameZh).toBe(
      '某事项确认书',
    );
    expect(certificateResultFor({ ...base, kind: 'registration' })?.nameZh).toBe('某事项登记证明');
    for (const kind of ['query', 'payment', 'public_service', 'administrative_payment'] as const) {
      expect(certificateResultFor({ ...base, kind })).toBeUndefined();
    }
  });
});
