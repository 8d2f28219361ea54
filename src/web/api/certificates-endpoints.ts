// Typed calls for the certificate wallet (电子证照) and the public check by number.
import type {
  CertificateDetail,
  CertificateStatus,
  CertificateSummary,
  VerifyResult,
} from '../../contracts/api/certificates.ts';
import { api } from './client.ts';

export type { CertificateDetail, CertificateStatus, CertificateSummary, VerifyResult };

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
