// Certificates issued before the platform existed (or by the demo city), loaded at start.
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Db } from '../../platform/db/database.ts';
import { certificateResultFor } from './certificate-rules.ts';
import type { CertificateSigner } from './certificate-signing.ts';
import { listHolderCertificates, type CertificateHolder } from './certificates.repository.ts';
import { issueCertificate } from './certificates.service.ts';

export interface CertificateGrant {
  holder: CertificateHolder;
  service: ServiceDefinition;
  issuingOfficeId: string;
  data: Record<string, unknown>;
  labels?: Record<string, { zh: string; en: string }>;
  issuedAt: Date;
}

/**
 * Issues each grant unless the holder already has a certificate of that type from that service
 * issued without an application (so running it again changes nothing). Returns how many it issued.
 */
export async function seedCertificates(
  db: Db,
  signer: CertificateSigner,
  grants: CertificateGrant[],
): Promise<number> {
  let issued = 0;
  for (const grant of grants) {
    const result = certificateResultFor(grant.service);
    if (!result) continue;
    await db.transaction().execute(async (trx) => {
      const existing = await listHolderCertificates(trx, grant.holder, result.certificateType);
      if (existing.some((row) => row.serviceCode === grant.service.code && row.applicationId === null))
        return;
      await issueCertificate(trx, signer, {
        applicationId: null,
        serviceCode: grant.service.code,
        service: grant.service,
        holder: grant.holder,
        issuingOfficeId: grant.issuingOfficeId,
        data: grant.data,
        labels: grant.labels,
        issuedAt: grant.issuedAt,
        actor: null,
      });
      issued += 1;
    });
  }
  return issued;
}
