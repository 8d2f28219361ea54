// The public check of a certificate by its number (what the QR code leads to), and the public
// keys for checking offline. Anyone may ask, so the answer names the holder only masked and
// carries none of the certificate's data.
import type { VerifyResult } from '../../../contracts/api/certificates.ts';
import type { Db } from '../../platform/db/database.ts';
import { listOffices } from '../reference/reference.service.ts';
import { certificateStatus, maskHolderName } from './certificate-rules.ts';
import { findCertificateByNumber, listSigningKeys } from './certificates.repository.ts';
import { checkSignature } from './certificates.service.ts';

const NOT_FOUND = {
  status: 'not_found',
  signatureValid: null,
  certificateType: null,
  nameZh: null,
  nameEn: null,
  holderNameMasked: null,
  issuingOfficeNameZh: null,
  issuingOfficeNameEn: null,
  validFrom: null,
  validUntil: null,
  issuedAt: null,
  revokedAt: null,
  keyId: null,
} as const;

/**
 * Whether a certificate number is genuine and in force: valid, expired, revoked or not found,
 * and whether its stored content still matches its signature.
 */
export async function verifyCertificate(
  db: Db,
  number: string,
  now: Date = new Date(),
): Promise<VerifyResult> {
  const row = await findCertificateByNumber(db, number.trim().toUpperCase());
  if (!row) return { number, ...NOT_FOUND };
  const [office] = await listOffices(db, { ids: [row.issuingOfficeId] });
  return {
    number: row.number,
    status: certificateStatus(row, now),
    signatureValid: await checkSignature(db, row),
    certificateType: row.certificateType,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    holderNameMasked: maskHolderName(row.holderName, row.holderKind),
    issuingOfficeNameZh: office?.nameZh ?? null,
    issuingOfficeNameEn: office?.nameEn ?? null,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    issuedAt: row.issuedAt,
    revokedAt: row.revokedAt,
    keyId: row.keyId,
  };
}

/** Every public key certificates were signed with (current and earlier), for offline checks. */
export async function listPublicKeys(db: Db) {
  const keys = await listSigningKeys(db);
  return keys.map((key) => ({
    keyId: key.keyId,
    algorithm: key.algorithm,
    publicKeyPem: key.publicKeyPem,
    createdAt: key.createdAt,
  }));
}
