import type { Db } from '../../platform/db/database.ts';
import { findPopulationRecord } from '../registers/registers.service.ts';
import { isValidIdNumber } from '../../../contracts/id-number.ts';

export interface VerifiedIdentity {
  name: string;
  idNumber: string;
  districtCode: string;
  streetCode: string;
  address: string;
}

export type VerificationResult = { ok: true; identity: VerifiedIdentity } | { ok: false; reason: string };

/**
 * Real-name verification (实名核验). A city plugs in its own (the public security bureau's
 * identity service, a bank card check, face verification); the demo one is below.
 */
export interface RealNameVerifier {
  verify(input: { name: string; idNumber: string }): Promise<VerificationResult>;
}

/** Checks the ID checksum, then that the population register holds that number under that name. */
export class PopulationRegisterVerifier implements RealNameVerifier {
  constructor(private readonly db: Db) {}

  async verify(input: { name: string; idNumber: string }): Promise<VerificationResult> {
    if (!isValidIdNumber(input.idNumber)) return { ok: false, reason: 'checksum' };
    const record = await findPopulationRecord(this.db, input.idNumber);
    if (!record) return { ok: false, reason: 'not-in-register' };
    if (record.name !== input.name.trim()) return { ok: false, reason: 'name-mismatch' };
    return {
      ok: true,
      identity: {
        name: record.name,
        idNumber: record.idNumber,
        districtCode: record.districtCode,
        streetCode: record.streetCode,
        address: record.address,
      },
    };
  }
}
