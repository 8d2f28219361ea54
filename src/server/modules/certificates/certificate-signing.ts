// Ed25519 signing of certificates. The private key lives in a PEM file (TONGBAN_SIGNING_KEY_FILE,
// or `signing-key.pem` in the data directory, generated on first start); only public keys are
// stored in the database, each under its key id, so a certificate signed before a key rotation
// still verifies. The key itself is never logged and never leaves this file's objects.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { nowIso, type Db } from '../../platform/db/database.ts';

/** What a certificate's signature covers. */
export interface CertificatePayload {
  number: string;
  certificateType: string;
  nameZh: string;
  nameEn: string;
  holder: { kind: 'person' | 'enterprise'; id: string; name: string };
  issuingOfficeId: string;
  data: unknown;
  display: unknown;
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
}

/**
 * JSON with object keys in code-point order at every depth, no whitespace, undefined members
 * dropped: the same value always gives the same bytes, whatever order it was built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}

/** The bytes that are signed: a version tag plus the canonical payload. */
export function signedBytes(payload: CertificatePayload): Buffer {
  return Buffer.from(`tongban-certificate-v1\n${canonicalJson(payload)}`, 'utf8');
}

/** The key id: the first 16 bytes of the SHA-256 of the public key (SPKI DER), hex. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

/** Signs certificates with the platform's current key. */
export interface CertificateSigner {
  readonly keyId: string;
  /** base64url Ed25519 signature of the payload. */
  sign(payload: CertificatePayload): string;
}

class Ed25519Signer implements CertificateSigner {
  readonly keyId: string;
  readonly #privateKey: KeyObject;

  constructor(privateKey: KeyObject) {
    this.#privateKey = privateKey;
    this.keyId = keyIdOf(createPublicKey(privateKey));
  }

  sign(payload: CertificatePayload): string {
    return sign(null, signedBytes(payload), this.#privateKey).toString('base64url');
  }

  toJSON() {
    return { keyId: this.keyId };
  }
}

/** True when the signature was made over this payload by the holder of the public key. */
export function verifyCertificateSignature(
  payload: CertificatePayload,
  signature: string,
  publicKeyPem: string,
): boolean {
  try {
    return verify(
      null,
      signedBytes(payload),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64url'),
    );
  } catch {
    return false;
  }
}

function readPrivateKey(file: string): KeyObject {
  const key = createPrivateKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The signing key in ${file} is not an Ed25519 key (it is ${key.asymmetricKeyType})`);
  }
  return key;
}

/**
 * The key file to use: the configured one, or `signing-key.pem` in the data directory, written
 * (mode 0600) on first start. Several processes starting together agree on one key: the file is
 * created exclusively and a process that loses the race reads the winner's.
 */
function loadOrCreateKey(options: { dataDir: string; signingKeyFile: string | undefined }): KeyObject {
  if (options.signingKeyFile) return readPrivateKey(options.signingKeyFile);
  const file = path.join(options.dataDir, 'signing-key.pem');
  if (fs.existsSync(file)) return readPrivateKey(file);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  try {
    fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readPrivateKey(file);
}

/**
 * Loads (or on first start creates) the platform's signing key and records its public key in
 * the database under its key id, so every certificate it signs can be verified, also later.
 */
export async function loadCertificateSigner(
  db: Db,
  options: { dataDir: string; signingKeyFile: string | undefined },
): Promise<CertificateSigner> {
  const privateKey = loadOrCreateKey(options);
  const signer = new Ed25519Signer(privateKey);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  await db
    .insertInto('certificateSigningKeys')
    .values({ keyId: signer.keyId, algorithm: 'ed25519', publicKeyPem, createdAt: nowIso() })
    .onConflict((oc) => oc.column('keyId').doNothing())
    .execute();
  return signer;
}
