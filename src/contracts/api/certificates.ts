// The certificate wallet's API (电子证照): schemas the server's routes declare, and the types of
// their answers, which the web client imports (`import type`, so no schema code reaches it).
import { Type, type Static } from 'typebox';

const CertificateStatusSchema = Type.Unsafe<'valid' | 'expired' | 'revoked'>({
  type: 'string',
  enum: ['valid', 'expired', 'revoked'],
});
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** `SH-BL-2026-000123`: letters and digits in dash-separated groups. */
export const CertificateNumberSchema = Type.String({
  pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{1,20}-\\d{4}-\\d{6,9}$',
  maxLength: 40,
  description: 'certificate number (证照编号), e.g. SH-BL-2026-000123',
});

export const CertificateSummarySchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  certificateType: Type.String({ description: 'matches materials `certificate:<type>`' }),
  nameZh: Type.String(),
  nameEn: Type.String(),
  holder: Type.Object({
    kind: Type.Unsafe<'person' | 'enterprise'>({ type: 'string', enum: ['person', 'enterprise'] }),
    id: Type.String(),
    name: Type.String(),
  }),
  issuingOffice: Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
  serviceCode: Type.String(),
  applicationId: NullableString,
  validFrom: Type.String({ format: 'date' }),
  validUntil: Type.Union([Type.String({ format: 'date' }), Type.Null()], {
    description: 'last day of validity (Asia/Shanghai); null = long-term (长期)',
  }),
  issuedAt: Type.String({ format: 'date-time' }),
  status: CertificateStatusSchema,
  revokedAt: NullableString,
});

/** One line of a certificate as shown: a label and a value in both languages. */
export const DisplayEntrySchema = Type.Object({
  key: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  valueZh: Type.String(),
  valueEn: Type.String(),
});

export const CertificateDetailSchema = Type.Intersect([
  CertificateSummarySchema,
  Type.Object({
    display: Type.Array(DisplayEntrySchema),
    data: Type.Record(Type.String(), Type.Unknown()),
    revokedReason: NullableString,
    keyId: Type.String(),
    signatureValid: Type.Boolean(),
    verifyPath: Type.String({
      description: 'the public check page (`/verify/<number>`); its QR code holds it',
    }),
  }),
]);

export const VerifyResultSchema = Type.Object({
  number: Type.String(),
  status: Type.Unsafe<'valid' | 'expired' | 'revoked' | 'not_found'>({
    type: 'string',
    enum: ['valid', 'expired', 'revoked', 'not_found'],
  }),
  signatureValid: Type.Union([Type.Boolean(), Type.Null()], {
    description: 'whether the stored certificate still matches its Ed25519 signature; null when not found',
  }),
  certificateType: NullableString,
  nameZh: NullableString,
  nameEn: NullableString,
  holderNameMasked: Type.Union([Type.String(), Type.Null()], {
    description: 'e.g. 张*, 上海****餐饮有限公司',
  }),
  issuingOfficeNameZh: NullableString,
  issuingOfficeNameEn: NullableString,
  validFrom: NullableString,
  validUntil: NullableString,
  issuedAt: NullableString,
  revokedAt: NullableString,
  keyId: NullableString,
});

export type CertificateStatus = Static<typeof CertificateStatusSchema>;
export type CertificateSummary = Static<typeof CertificateSummarySchema>;
export type DisplayEntry = Static<typeof DisplayEntrySchema>;
export type CertificateDetail = Static<typeof CertificateDetailSchema>;
export type VerifyResult = Static<typeof VerifyResultSchema>;
export type VerifyStatus = VerifyResult['status'];

export const PublicKeysSchema = Type.Object({
  signedBytes: Type.String(),
  items: Type.Array(
    Type.Object({
      keyId: Type.String(),
      algorithm: Type.Literal('ed25519'),
      publicKeyPem: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});

export const RevokeBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
