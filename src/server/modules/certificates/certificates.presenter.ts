// Certificate rows → API shapes; rows never leave the module as they are.
import type { CertificateDetail, CertificateSummary } from '../../../contracts/api/certificates.ts';
import type { OfficeView } from '../reference/reference.service.ts';
import type { CertificatePayload } from './certificate-signing.ts';
import { certificateStatus } from './certificate-rules.ts';
import type { CertificateTable } from './certificates.tables.ts';

export type { CertificateDetail, CertificateSummary };

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
