// Materials the applicant need not provide (免于提交): those the government already holds — an
// issued, valid certificate in the holder's wallet, or a record in a register.
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Db } from '../../platform/db/database.ts';
import { findHeldCertificate } from '../certificates/certificates.service.ts';
import type { ApplicantRef } from '../identity/applicants.service.ts';

export interface MaterialCounts {
  total: number;
  notNeeded: number;
  /** Per service code: the names of the materials not needed, with where they come from. */
  held: { serviceCode: string; nameZh: string; nameEn: string; sourceZh: string; sourceEn: string }[];
}

/**
 * Counts the materials of the services and which of them the government holds for the
 * applicant. A certificate counts when a valid one is in the wallet; a register record counts
 * for the register the platform reads (population for people, enterprises for enterprises).
 */
export async function countMaterialsNotNeeded(
  db: Db,
  services: ServiceDefinition[],
  applicant: ApplicantRef,
): Promise<MaterialCounts> {
  const counts: MaterialCounts = { total: 0, notNeeded: 0, held: [] };
  const certificateCache = new Map<string, boolean>();
  for (const service of services) {
    for (const material of service.materials) {
      counts.total += 1;
      const source = material.heldByGovernment;
      if (!source) continue;
      let held = false;
      if (source.kind === 'certificate') {
        const type = source.source.replace(/^certificate:/, '');
        if (!certificateCache.has(type))
          certificateCache.set(type, (await findHeldCertificate(db, applicant, type)) !== undefined);
        held = certificateCache.get(type)!;
      } else {
        const register = source.source.replace(/^register:/, '').split('.')[0];
        held =
          'personId' in applicant
            ? register === 'population'
            : register === 'enterprise' || register === 'enterprises';
      }
      if (held) {
        counts.notNeeded += 1;
        counts.held.push({
          serviceCode: service.code,
          nameZh: material.nameZh,
          nameEn: material.nameEn,
          sourceZh: source.sourceNameZh,
          sourceEn: source.sourceNameEn,
        });
      }
    }
  }
  return counts;
}
