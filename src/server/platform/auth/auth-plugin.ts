import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { AuditActor } from '../audit/audit.ts';
import { isAllowed, type Access, type Principal } from './access.ts';

export const SESSION_COOKIE = 'tb_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; every /api route must say. */
    access?: Access;
    /** Set false only for routes that run before a session exists (login, register). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface SessionResolver {
  /** The principal for a raw session token, or null when unknown, expired or revoked. */
  resolve(token: string): Promise<Principal | null>;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into request.principal, then enforces the route's access rule
 * and, for cookie-authenticated writes, the CSRF token from `x-csrf-token`.
 */
export function registerAuth(app: FastifyInstance, sessions: SessionResolver): void {
  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.principal = token ? await sessions.resolve(token) : null;
  });

  // Before validation: a caller who may not use the route learns nothing about its schema,
  // and gets 401/403 rather than 400 whatever they send.
  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config.access;
    if (!rule) return; // static files and health checks; /api routes are forced to declare one
    if (!isAllowed(rule, request.principal)) {
      throw new AppError(request.principal ? 'AUTH_FORBIDDEN' : 'AUTH_REQUIRED');
    }
    if (
      request.principal &&
      UNSAFE_METHODS.has(request.method) &&
      request.routeOptions.config.csrf !== false &&
      !csrfMatches(request.headers['x-csrf-token'], request.principal.csrfToken)
    ) {
      throw new AppError('AUTH_CSRF_INVALID');
    }
  });
}

function csrfMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The principal of a route whose access rule already required one. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH_REQUIRED');
  return request.principal;
}

/** The audit actor for a request: the signed-in user, or null for anonymous calls. */
export function actorOf(request: FastifyRequest, officeId?: string | null): AuditActor | null {
  const principal = request.principal;
  return principal
    ? { userId: principal.userId, name: principal.displayName, officeId: officeId ?? null }
    : null;
}
