import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { createQrToken } from './kiosk-sign-in.service.ts';

/** The web app's side of QR sign-in: the signed-in resident asks for a one-time token to show. */
export const kioskTokenRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  app.post(
    '/api/v1/me/kiosk-sign-in-tokens',
    {
      config: { access: access.resident },
      schema: {
        tags: ['kiosk'],
        summary:
          'A short-lived one-time token to show as a QR code at a self-service terminal (在自助终端登录); it signs in once',
        response: { 201: Type.Object({ token: Type.String(), expiresAt: Type.String() }) },
      },
    },
    async (request, reply) => {
      const answer = await createQrToken(
        deps.database.db,
        deps.config,
        requirePrincipal(request),
        request.id,
      );
      return reply.status(201).send(answer);
    },
  );
};
