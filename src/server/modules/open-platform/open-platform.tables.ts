/** Where an app stands in review: only `approved` apps can sign anyone in or get tokens. */
export type OpenAppStatus = 'pending' | 'approved' | 'rejected' | 'suspended';

/** A partner app (第三方应用) registered by a partner and reviewed by a platform admin. */
export interface OpenPlatformAppTable {
  /** Also the OAuth client_id. */
  id: string;
  nameZh: string;
  nameEn: string;
  organisation: string;
  purpose: string;
  privacyPolicyUrl: string;
  /** JSON array of exact redirect URIs. */
  redirectUris: string;
  /** JSON array of requested scopes. */
  scopes: string;
  /** The partner who registered it; null for apps the platform seeded. */
  ownerUserId: string | null;
  status: OpenAppStatus;
  reviewNote: string | null;
  reviewedByUserId: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  /** SHA-256 (hex) of the client secret; the secret itself is shown once and never stored. */
  secretHash: string | null;
  secretIssuedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One stored artefact of the OpenID Connect provider (code, token, grant, session, ...). */
export interface OidcPayloadTable {
  model: string;
  id: string;
  /** The provider's payload as JSON. */
  payload: string;
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
  expiresAt: string | null;
  consumedAt: string | null;
}

/** A signing key (private JWK, JSON) or a cookie key (random text) of the provider. */
export interface OpenPlatformKeyTable {
  id: string;
  kind: 'signing' | 'cookie';
  alg: string;
  secret: string;
  createdAt: string;
  /** No longer used to sign; still published for verification until `expiresAt`. */
  retiredAt: string | null;
  expiresAt: string | null;
}
