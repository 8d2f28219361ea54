export type CertificateHolderKind = 'person' | 'enterprise';
export type CertificateStoredStatus = 'valid' | 'revoked';

/** An issued electronic certificate (电子证照). Expired is derived from validUntil, never stored. */
export interface CertificateTable {
  id: string;
  /** Readable, unique: `SH-BL-2026-000123`. */
  number: string;
  /** Matches materials' `certificate:<type>` (e.g. `business_licence`). */
  certificateType: string;
  nameZh: string;
  nameEn: string;
  holderKind: CertificateHolderKind;
  holderPersonId: string | null;
  holderEnterpriseId: string | null;
  /** The holder's name as printed on the certificate when it was issued. */
  holderName: string;
  issuingOfficeId: string;
  serviceCode: string;
  /** Null for certificates loaded with the demo city (no application behind them). */
  applicationId: string | null;
  /** JSON object: the values as the application gave them. */
  data: string;
  /** JSON array of { key, labelZh, labelEn, valueZh, valueEn }: what the certificate shows. */
  display: string;
  /** Calendar dates (Asia/Shanghai) `YYYY-MM-DD`; validUntil null = long-term (长期). */
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
  status: CertificateStoredStatus;
  revokedAt: string | null;
  revokedReason: string | null;
  revokedByUserId: string | null;
  /** Ed25519 over the canonical payload, base64url. */
  signature: string;
  keyId: string;
  createdAt: string;
}

/** One counter per number prefix and year, so numbers are allocated without gaps or repeats. */
export interface CertificateCounterTable {
  scope: string;
  lastValue: number;
}

/** Every public key the platform has signed with, so older certificates verify after rotation. */
export interface CertificateSigningKeyTable {
  keyId: string;
  algorithm: 'ed25519';
  publicKeyPem: string;
  createdAt: string;
}
