// Typed calls for the certificate wallet (电子证照) and the public check by number.
import { api } from './client.ts';

export type CertificateStatus = 'valid' | 'expired' | 'revoked';

export interface CertificateSummary {
  id: string;
  number: string;
  certificateType: string;
  nameZh: string;
  nameEn: string;
  holder: { kind: 'person' | 'enterprise'; id: string; name: string };
  issuingOffice: { id: string; nameZh: string; nameEn: string };
  serviceCode: string;
  applicationId: string | null;
  validFrom: string;
  /** null = long-term (长期). */
  validUntil: string | null;
  issuedAt: string;
  status: CertificateStatus;
  revokedAt: string | null;
}

export interface CertificateDetail extends CertificateSummary {
  display: { key: string; labelZh: string; labelEn: string; valueZh: string; valueEn: string }[];
  revokedReason: string | null;
  keyId: string;
  signatureValid: boolean;
  /** `/verify/<number>`: the public check page. */
  verifyPath: string;
}

export interface VerifyResult {
  number: string;
  status: CertificateStatus | 'not_found';
  signatureValid: boolean | null;
  nameZh: string | null;
  nameEn: string | null;
  holderNameMasked: string | null;
  issuingOfficeNameZh: string | null;
  issuingOfficeNameEn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  issuedAt: string | null;
  revokedAt: string | null;
}

export const listMyCertificates = (enterpriseId?: string) =>
  api.get<{ items: CertificateSummary[] }>(
    enterpriseId
      ? `/api/v1/me/certificates?enterpriseId=${encodeURIComponent(enterpriseId)}`
      : '/api/v1/me/certificates',
  );

export const getMyCertificate = (id: string) =>
  api.get<CertificateDetail>(`/api/v1/me/certificates/${encodeURIComponent(id)}`);

export const verifyCertificate = (number: string) =>
  api.get<VerifyResult>(`/api/v1/certificates/verify?number=${encodeURIComponent(number)}`);

export const certificateQrUrl = (number: string) =>
  `/api/v1/certificates/${encodeURIComponent(number)}/qr.svg`;

/** Letters, digits and dashes as a certificate number has them, e.g. SH-BL-2026-000123. */
export const CERTIFICATE_NUMBER = /^[A-Za-z]{2}-[A-Za-z0-9]{1,20}-\d{4}-\d{6,9}$/;
