import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { listPublicKeys, verifyCertificate } from './certificate-verify.service.ts';
import { verifyPathOf } from './certificates.presenter.ts';
import {
  CertificateDetailSchema,
  CertificateNumberSchema,
  CertificateSummarySchema,
  PublicKeysSchema,
  RevokeBody,
  VerifyResultSchema,
} from '../../../contracts/api/certificates.ts';
import { getMyCertificate, listMyCertificates, revokeCertificate } from './certificates.service.ts';

/**
 * The address people reached us at (behind a proxy, with TONGBAN_TRUST_PROXY, the one they
 * typed), so a QR code shown on a page leads a phone back to the same site.
 */
const siteOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The wallet (own and enterprise), the public check by number or QR code, and revocation by staff. */
export const certificatesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  // The check is public and numbers can be guessed in sequence: limit it per address.
  const publicRateLimit = { max: deps.config.verifyRateLimitPerMinute, timeWindow: 60_000 };

  app.get(
    '/api/v1/me/certificates',
    {
      config: { access: access.resident },
      schema: {
        tags: ['certificates'],
        summary:
          'My certificate wallet (电子证照), newest first; with `enterpriseId`, the wallet of an enterprise I act for',
        querystring: Type.Object(
          { enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(CertificateSummarySchema) }) },
      },
    },
    async (request) => ({
      items: await listMyCertificates(db, requirePrincipal(request), request.query),
    }),
  );

  app.get(
    '/api/v1/me/certificates/:id',
    {
      config: { access: access.resident },
      schema: {
        tags: ['certificates'],
        summary:
          'One certificate of my wallet (or of an enterprise I act for), with its data and signature check',
        params: IdParams,
        response: { 200: CertificateDetailSchema },
      },
    },
    async (request) => getMyCertificate(db, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/api/v1/certificates/verify',
    {
      config: { access: access.public, rateLimit: publicRateLimit },
      schema: {
        tags: ['certificates'],
        summary:
          'Check a certificate by its number: valid, expired, revoked or not found, and whether its signature holds',
        querystring: Type.Object({ number: CertificateNumberSchema }, { additionalProperties: false }),
        response: { 200: VerifyResultSchema },
      },
    },
    async (request) => verifyCertificate(db, request.query.number),
  );

  app.get(
    '/api/v1/certificates/keys',
    {
      config: { access: access.public },
      schema: {
        tags: ['certificates'],
        summary: 'The public keys certificates are signed with (current and earlier), for offline checks',
        response: { 200: PublicKeysSchema },
      },
    },
    async () => ({
      signedBytes:
        'Ed25519 over UTF-8 "tongban-certificate-v1\\n" + JSON of {number, certificateType, nameZh, nameEn, ' +
        'holder {kind, id, name}, issuingOfficeId, data, display, validFrom, validUntil, issuedAt} with object ' +
        'keys sorted at every depth and no whitespace; signature base64url',
      items: await listPublicKeys(db),
    }),
  );

  app.get(
    '/api/v1/certificates/:number/qr.svg',
    {
      config: { access: access.public, rateLimit: publicRateLimit },
      schema: {
        tags: ['certificates'],
        summary: "The certificate's QR code (SVG): it holds the address of the public check page",
        params: Type.Object({ number: CertificateNumberSchema }),
        produces: ['image/svg+xml'],
      },
    },
    async (request, reply) => {
      const result = await verifyCertificate(db, request.params.number);
      if (result.status === 'not_found') throw new AppError('CERTIFICATE_NOT_FOUND');
      const svg = await QRCode.toString(`${siteOrigin(request)}${verifyPathOf(result.number)}`, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );

  app.post(
    '/api/v1/certificates/:id/revoke',
    {
      config: { access: access.staff('approver', 'office_admin') },
      schema: {
        tags: ['certificates'],
        summary: 'Revoke a certificate (approvers and office admins of the issuing office), with the reason',
        params: IdParams,
        body: RevokeBody,
        response: { 200: CertificateSummarySchema },
      },
    },
    async (request) =>
      revokeCertificate(db, requirePrincipal(request), request.params.id, request.body.reason.trim(), {
        requestId: request.id,
      }),
  );
};
