// Electronic certificates (电子证照): issued into the holder's wallet when an application
// completes, reused as materials later (免于提交), checked by anyone by number or QR code.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { listOffices } from '../reference/reference.service.ts';
import { displayEntries } from './certificate-display.ts';
import {
  certificateResultFor,
  certificateStatus,
  formatCertificateNumber,
  numberPrefix,
  shanghaiDate,
  validUntilFor,
} from './certificate-rules.ts';
import {
  verifyCertificateSignature,
  type CertificatePayload,
  type CertificateSigner,
} from './certificate-signing.ts';
import {
  findCertificateById,
  findHolderName,
  findSigningKey,
  listHolderCertificates,
  nextCounterValue,
  type CertificateHolder,
} from './certificates.repository.ts';
import {
  payloadOf,
  presentSummary,
  verifyPathOf,
  type CertificateDetail,
  type CertificateSummary,
} from './certificates.presenter.ts';
import type { CertificateTable } from './certificates.tables.ts';

type Executor = Db | Transaction<Database>;
export type { CertificateHolder, CertificateSummary, CertificateDetail };

export interface IssueCertificateInput {
  applicationId: string | null;
  serviceCode: string;
  service: ServiceDefinition;
  holder: CertificateHolder;
  issuingOfficeId: string;
  /** The values the certificate carries, usually the application's form data. */
  data: Record<string, unknown>;
  /** Labels for data keys the service's form does not name. */
  labels?: Record<string, { zh: string; en: string }>;
  issuedAt?: Date;
  actor: AuditActor | null;
  requestId?: string;
}

/**
 * Issues the certificate the service's completion produces, into the holder's wallet, in the
 * caller's transaction (with its audit record): a number from the type's counter for the year,
 * validity from the service's result, and the platform's Ed25519 signature over the canonical
 * payload. Returns null when the service issues nothing (queries, payments, …).
 */
export async function issueCertificate(
  trx: Transaction<Database>,
  signer: CertificateSigner,
  input: IssueCertificateInput,
): Promise<{ id: string; number: string } | null> {
  const result = certificateResultFor(input.service);
  if (!result) return null;
  const holderName = await findHolderName(trx, input.holder);
  if (holderName === undefined) throw new Error('issueCertificate: the holder does not exist');
  const issuedAt = input.issuedAt ?? new Date();
  const validFrom = shanghaiDate(issuedAt);
  const prefix = numberPrefix(result.certificateType, input.serviceCode);
  const year = Number(validFrom.slice(0, 4));
  const sequence = await nextCounterValue(trx, `${prefix}-${year}`);
  const number = formatCertificateNumber(prefix, year, sequence);
  // What is signed is what is stored: the data after its JSON round trip.
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>;
  const display = displayEntries(input.service, data, input.labels);
  const holderKind = 'personId' in input.holder ? 'person' : 'enterprise';
  const holderId = 'personId' in input.holder ? input.holder.personId : input.holder.enterpriseId;
  const payload: CertificatePayload = {
    number,
    certificateType: result.certificateType,
    nameZh: result.nameZh,
    nameEn: result.nameEn,
    holder: { kind: holderKind, id: holderId, name: holderName },
    issuingOfficeId: input.issuingOfficeId,
    data,
    display,
    validFrom,
    validUntil: validUntilFor(validFrom, result.validityYears),
    issuedAt: issuedAt.toISOString(),
  };
  const id = uuidv7();
  await trx
    .insertInto('certificates')
    .values({
      id,
      number,
      certificateType: payload.certificateType,
      nameZh: payload.nameZh,
      nameEn: payload.nameEn,
      holderKind,
      holderPersonId: holderKind === 'person' ? holderId : null,
      holderEnterpriseId: holderKind === 'enterprise' ? holderId : null,
      holderName,
      issuingOfficeId: input.issuingOfficeId,
      serviceCode: input.serviceCode,
      applicationId: input.applicationId,
      data: JSON.stringify(data),
      display: JSON.stringify(display),
      validFrom,
      validUntil: payload.validUntil,
      issuedAt: payload.issuedAt,
      status: 'valid',
      revokedAt: null,
      revokedReason: null,
      revokedByUserId: null,
      signature: signer.sign(payload),
      keyId: signer.keyId,
      createdAt: nowIso(),
    })
    .execute();
  await appendAudit(trx, {
    actor: input.actor,
    action: 'certificate.issue',
    objectType: 'certificate',
    objectId: id,
    subjectPersonId: holderKind === 'person' ? holderId : null,
    subjectEnterpriseId: holderKind === 'enterprise' ? holderId : null,
    requestId: input.requestId,
    details: {
      number,
      certificateType: payload.certificateType,
      serviceCode: input.serviceCode,
      applicationId: input.applicationId,
      keyId: signer.keyId,
    },
  });
  return { id, number };
}

async function summaries(db: Executor, rows: CertificateTable[], now: Date): Promise<CertificateSummary[]> {
  const offices = await listOffices(db, { ids: [...new Set(rows.map((row) => row.issuingOfficeId))] });
  const byId = new Map(offices.map((office) => [office.id, office]));
  return rows.map((row) => presentSummary(row, byId.get(row.issuingOfficeId), now));
}

/**
 * A valid, unexpired, unrevoked certificate of the type that the holder holds (the newest), so
 * an application can take it from the wallet instead of asking for it (免于提交).
 */
export async function findHeldCertificate(
  db: Executor,
  holder: CertificateHolder,
  certificateType: string,
  now: Date = new Date(),
): Promise<CertificateSummary | undefined> {
  const rows = await listHolderCertificates(db, holder, certificateType);
  const held = rows.find((row) => certificateStatus(row, now) === 'valid');
  return held ? (await summaries(db, [held], now))[0] : undefined;
}

/** Every certificate of the holder, newest first, with its status now. No access check: callers check. */
export async function listWallet(
  db: Executor,
  holder: CertificateHolder,
  now: Date = new Date(),
): Promise<CertificateSummary[]> {
  return summaries(db, await listHolderCertificates(db, holder), now);
}

/** The signed-in resident's wallet, or (with enterpriseId) the wallet of an enterprise they act for. */
export async function listMyCertificates(
  db: Db,
  principal: Principal,
  filter: { enterpriseId?: string },
  now: Date = new Date(),
): Promise<CertificateSummary[]> {
  if (filter.enterpriseId !== undefined) {
    await assertEnterpriseMember(db, principal, filter.enterpriseId);
    return listWallet(db, { enterpriseId: filter.enterpriseId }, now);
  }
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  return listWallet(db, { personId: principal.personId }, now);
}

async function isHeldBy(db: Db, principal: Principal, row: CertificateTable): Promise<boolean> {
  if (!principal.personId) return false;
  if (row.holderKind === 'person') return row.holderPersonId === principal.personId;
  try {
    await assertEnterpriseMember(db, principal, row.holderEnterpriseId!);
    return true;
  } catch {
    return false;
  }
}

/** True when the row's signature holds for its stored content under the key it names. */
export async function checkSignature(db: Executor, row: CertificateTable): Promise<boolean> {
  const key = await findSigningKey(db, row.keyId);
  if (!key) return false;
  let payload: CertificatePayload;
  try {
    payload = payloadOf(row);
  } catch {
    return false;
  }
  return verifyCertificateSignature(payload, row.signature, key.publicKeyPem);
}

/**
 * One certificate of the caller's wallet (their own, or an enterprise's they act for), with its
 * data and whether its signature holds. Anyone else's is CERTIFICATE_NOT_FOUND.
 */
export async function getMyCertificate(
  db: Db,
  principal: Principal,
  id: string,
  now: Date = new Date(),
): Promise<CertificateDetail> {
  const row = await findCertificateById(db, id);
  if (!row || !(await isHeldBy(db, principal, row))) throw new AppError('CERTIFICATE_NOT_FOUND');
  const [summary] = await summaries(db, [row], now);
  return {
    ...summary!,
    display: JSON.parse(row.display) as CertificateDetail['display'],
    data: JSON.parse(row.data) as Record<string, unknown>,
    revokedReason: row.revokedReason,
    keyId: row.keyId,
    signatureValid: await checkSignature(db, row),
    verifyPath: verifyPathOf(row.number),
  };
}

/**
 * Revokes a certificate: approvers and office admins of the issuing office only. The reason is
 * kept and shown to the holder; the public check says "revoked" from now on. Audited.
 */
export async function revokeCertificate(
  db: Db,
  principal: Principal,
  id: string,
  reason: string,
  context: { requestId?: string; now?: Date } = {},
): Promise<CertificateSummary> {
  const row = await findCertificateById(db, id);
  if (!row) throw new AppError('CERTIFICATE_NOT_FOUND');
  const post = principal.staff.find(
    (assignment) =>
      assignment.officeId === row.issuingOfficeId &&
      (assignment.role === 'approver' || assignment.role === 'office_admin'),
  );
  if (!post) throw new AppError('AUTH_FORBIDDEN');
  const now = context.now ?? new Date();
  const revokedAt = now.toISOString();
  const revoked = await db.transaction().execute(async (trx) => {
    const update = await trx
      .updateTable('certificates')
      .set({ status: 'revoked', revokedAt, revokedReason: reason, revokedByUserId: principal.userId })
      .where('id', '=', id)
      .where('status', '=', 'valid')
      .executeTakeFirst();
    if (Number(update.numUpdatedRows) === 0) return false;
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName, officeId: post.officeId },
      action: 'certificate.revoke',
      objectType: 'certificate',
      objectId: id,
      subjectPersonId: row.holderPersonId,
      subjectEnterpriseId: row.holderEnterpriseId,
      requestId: context.requestId,
      details: { number: row.number, reason },
    });
    return true;
  });
  const current = (await findCertificateById(db, id))!;
  if (!revoked) throw new AppError('CERTIFICATE_ALREADY_REVOKED', { revokedAt: current.revokedAt ?? '' });
  return (await summaries(db, [current], now))[0]!;
}
