import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { SESSION_COOKIE, requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { login, logout, registerResident, type ClientInfo } from './auth.service.ts';
import { LoginBody, MeSchema, RegisterBody } from './identity.schemas.ts';
import { getMe } from './me.service.ts';
import { DbSessionResolver } from './sessions.service.ts';

export function clientInfo(request: FastifyRequest): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return {
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    ip: request.ip,
    requestId: request.id,
  };
}

/** Sign-in, sign-out and resident registration. */
export const authRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const sessions = new DbSessionResolver(db);

  const startSession = async (reply: FastifyReply, token: string, expiresAt: string) => {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      path: '/',
      expires: new Date(expiresAt),
    });
    const principal = await sessions.resolve(token);
    if (!principal) throw new Error('session just created could not be resolved');
    return getMe(db, principal);
  };

  app.post(
    '/api/v1/auth/login',
    {
      config: {
        access: access.public,
        csrf: false,
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the HttpOnly session cookie',
        body: LoginBody,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      const result = await login(db, deps.config, request.body, clientInfo(request));
      return startSession(reply, result.token, result.expiresAt);
    },
  );

  app.post(
    '/api/v1/auth/register',
    {
      config: {
        access: access.public,
        csrf: false,
        rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Register as a resident with real-name verification; signs in',
        body: RegisterBody,
        response: { 201: MeSchema },
      },
    },
    async (request, reply) => {
      const result = await registerResident(
        db,
        deps.config,
        deps.verifier,
        request.body,
        clientInfo(request),
      );
      const me = await startSession(reply, result.token, result.expiresAt);
      return reply.status(201).send(me);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: access.signedIn },
      schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await logout(db, requirePrincipal(request), clientInfo(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
