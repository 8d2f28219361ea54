// The open platform's own API (开放平台): partner apps, their review, the authorization page's
// interaction. The schemas the routes declare and the types of their answers, which the web
// client imports (`import type`). The resource API for tokens (/api/open/v1) is declared next to
// its routes (src/server/modules/open-platform/open-api.routes.ts).
import { Type, type Static } from 'typebox';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const OPEN_APP_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export const OpenAppStatusSchema = Type.Unsafe<(typeof OPEN_APP_STATUSES)[number]>({
  type: 'string',
  enum: [...OPEN_APP_STATUSES],
});

/** Scopes a partner may ask for (openid is implied). */
export const REQUESTABLE_OPEN_SCOPES = [
  'profile',
  'social_insurance',
  'housing_fund',
  'medical_insurance',
  'vehicle_violations',
  'bills_payments',
  'applications.read',
  'applications.submit',
  'services.read',
] as const;
export type RequestableOpenScope = (typeof REQUESTABLE_OPEN_SCOPES)[number];
const ScopeSchema = Type.Unsafe<RequestableOpenScope>({ type: 'string', enum: [...REQUESTABLE_OPEN_SCOPES] });

export const OpenAppInputSchema = Type.Object(
  {
    nameZh: Type.String({ minLength: 2, maxLength: 60 }),
    nameEn: Type.String({ minLength: 2, maxLength: 80 }),
    organisation: Type.String({ minLength: 2, maxLength: 100 }),
    purpose: Type.String({ minLength: 5, maxLength: 500 }),
    privacyPolicyUrl: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://' }),
    redirectUris: Type.Array(Type.String({ minLength: 8, maxLength: 500 }), { minItems: 1, maxItems: 10 }),
    scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: REQUESTABLE_OPEN_SCOPES.length }),
  },
  { additionalProperties: false },
);
export type OpenAppInput = Static<typeof OpenAppInputSchema>;

export const OpenAppSchema = Type.Object({
  id: Type.String({ description: 'Also the OAuth client_id' }),
  nameZh: Type.String(),
  nameEn: Type.String(),
  organisation: Type.String(),
  purpose: Type.String(),
  privacyPolicyUrl: Type.String(),
  redirectUris: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  status: OpenAppStatusSchema,
  reviewNote: NullableString,
  reviewedByName: NullableString,
  reviewedAt: NullableString,
  hasSecret: Type.Boolean(),
  secretIssuedAt: NullableString,
  ownerName: NullableString,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type OpenApp = Static<typeof OpenAppSchema>;

export const OpenAppSecretSchema = Type.Object({
  clientId: Type.String(),
  clientSecret: Type.String({ description: 'Shown this once; only its hash is kept' }),
  issuedAt: Type.String(),
});
export type OpenAppSecret = Static<typeof OpenAppSecretSchema>;

export const OpenAppReviewSchema = Type.Object(
  {
    decision: Type.Unsafe<'approve' | 'reject' | 'suspend' | 'reinstate'>({
      type: 'string',
      enum: ['approve', 'reject', 'suspend', 'reinstate'],
    }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type OpenAppReview = Static<typeof OpenAppReviewSchema>;

export const InteractionSchema = Type.Object({
  uid: Type.String(),
  app: Type.Object({
    id: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    organisation: Type.String(),
    purpose: Type.String(),
    privacyPolicyUrl: Type.String(),
    status: OpenAppStatusSchema,
    reviewedAt: NullableString,
  }),
  scopes: Type.Array(Type.String({ description: 'Requested scopes, openid first' })),
  redirectHost: Type.String(),
  signedIn: Type.Boolean(),
  canConsent: Type.Boolean({ description: 'False when the signed-in account is not a resident' }),
});
export type Interaction = Static<typeof InteractionSchema>;

export const InteractionDecisionSchema = Type.Object(
  {
    decision: Type.Unsafe<'allow' | 'deny'>({ type: 'string', enum: ['allow', 'deny'] }),
  },
  { additionalProperties: false },
);

export const InteractionOutcomeSchema = Type.Object({ redirectTo: Type.String() });
