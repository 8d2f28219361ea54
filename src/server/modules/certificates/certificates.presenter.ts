// Certificate rows → API shapes; rows never leave the module as they are.
import type { OfficeView } from '../reference/reference.service.ts';
import type { CertificatePayload } from './certificate-signing.ts';
import type { DisplayEntry } from './certificate-display.ts';
import { certificateStatus, type CertificateStatus } from './certificate-rules.ts';
import type { CertificateTable } from './certificates.tables.ts';

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
  validUntil: string | null;
  issuedAt: string;
  status: CertificateStatus;
  revokedAt: string | null;
}

export interface CertificateDetail extends CertificateSummary {
  display: DisplayEntry[];
  data: Record<string, unknown>;
  revokedReason: string | null;
  keyId: string;
  signatureValid: boolean;
  /** The public check page of this certificate (what its QR code holds), relative to the site. */
  verifyPath: string;
}

export function holderOf(row: CertificateTable): CertificateSummary['holder'] {
  return {
    kind: row.holderKind,
    id: (row.holderKind === 'person' ? row.holderPersonId : row.holderEnterpriseId) ?? '',
    name: row.holderName,
  };
}

/** What the row's signature must cover: rebuilt from the stored columns. */
export function payloadOf(row: CertificateTable): CertificatePayload {
  const holder = holderOf(row);
  return {
    number: row.number,
    certificateType: row.certificateType,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    holder,
    issuingOfficeId: row.issuingOfficeId,
    data: JSON.parse(row.data) as unknown,
    display: JSON.parse(row.display) as unknown,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    issuedAt: row.issuedAt,
  };
}

export function verifyPathOf(number: string): string {
  return `/verify/${encodeURIComponent(number)}`;
}

export function presentSummary(
  row: CertificateTable,
  office: Pick<OfficeView, 'id' | 'nameZh' | 'nameEn'> | undefined,
  now: Date,
): CertificateSummary {
  return {
    id: row.id,
    number: row.number,
    certificateType: row.certificateType,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    holder: holderOf(row),
    issuingOffice: {
      id: row.issuingOfficeId,
      nameZh: office?.nameZh ?? '',
      nameEn: office?.nameEn ?? '',
    },
    serviceCode: row.serviceCode,
    applicationId: row.applicationId,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    issuedAt: row.issuedAt,
    status: certificateStatus(row, now),
    revokedAt: row.revokedAt,
  };
}
