import fs from 'node:fs';
import path from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translateAjvErrors } from '../../contracts/validation-messages.ts';
import { errorMessages, interpolate } from './i18n/messages.ts';
import { pickLocale, type Locale } from './i18n/locale.ts';
import { moduleErrorMessages, moduleErrorStatus } from './module-errors.ts';

/** The platform's own codes; a module's codes live in its `<module>.errors.ts`. */
const coreErrorStatus = {
  INTERNAL_ERROR: 500,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  RATE_LIMITED: 429,
  SERVER_BUSY: 503,
  AUTH_REQUIRED: 401,
  AUTH_FORBIDDEN: 403,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_ACCOUNT_LOCKED: 423,
  AUTH_ACCOUNT_DISABLED: 403,
  AUTH_CSRF_INVALID: 403,
  USERNAME_TAKEN: 409,
  PERSON_ALREADY_REGISTERED: 409,
  IDENTITY_VERIFICATION_FAILED: 422,
  PERSON_NOT_FOUND: 404,
  ENTERPRISE_NOT_FOUND: 404,
  ENTERPRISE_LINK_NOT_FOUND: 404,
  ENTERPRISE_LINK_EXISTS: 409,
  SESSION_NOT_FOUND: 404,
  OFFICE_NOT_FOUND: 404,
  PURPOSE_REQUIRED: 400,
  CATALOG_ENTRY_NOT_FOUND: 404,
  CATALOG_CODE_TAKEN: 409,
  CATALOG_IMMUTABLE_FIELD: 409,
  CATALOG_NO_DRAFT: 409,
  CATALOG_NOT_PUBLISHED: 409,
  FACILITY_NOT_FOUND: 404,
  FACILITY_KEY_INVALID: 401,
} as const;

/** Stable machine-readable error codes and the HTTP status each maps to (core + every module's). */
export const errorStatus = { ...coreErrorStatus, ...moduleErrorStatus() } as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  /** JSON pointer into the request body (or query), e.g. "/idNumber". */
  path: string;
  message: string;
}

/** The one error type the modules throw; the error handler turns it into the contract's shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

const moduleMessages = moduleErrorMessages();

export function messageFor(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = errorMessages[code] ?? moduleMessages[code] ?? errorMessages.INTERNAL_ERROR!;
  return interpolate(entry[locale], params);
}

interface AjvLikeError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Turns ajv errors into field errors in the caller's language (the words the web app's forms use too). */
export function translateValidation(errors: AjvLikeError[], locale: Locale, prefix = ''): FieldError[] {
  return translateAjvErrors(errors, locale).map(({ path, message }) => ({
    path: `${prefix}${path}`,
    message,
  }));
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.status(status).send({
    error: { code, message, ...(details === undefined ? {} : { details }), requestId: reply.request.id },
  });
}

/**
 * Installs the single error handler and the not-found handler. Unknown non-API GETs from a
 * browser get the web app's index.html, so client-side routes survive a reload.
 */
export function registerErrorHandling(app: FastifyInstance, options: { webDir: string }): void {
  const indexFile = path.join(options.webDir, 'index.html');
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = pickLocale(request.headers['accept-language']);
    if (error instanceof AppError) {
      return send(
        reply,
        error.status,
        error.code,
        messageFor(error.code, locale, error.params),
        error.details,
      );
    }
    if (error.validation) {
      const prefix = error.validationContext === 'querystring' ? '?' : '';
      const details = translateValidation(error.validation as AjvLikeError[], locale, prefix);
      return send(reply, 400, 'VALIDATION_FAILED', messageFor('VALIDATION_FAILED', locale), details);
    }
    if (error.statusCode === 429) {
      return send(reply, 429, 'RATE_LIMITED', messageFor('RATE_LIMITED', locale));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type, body too large: the caller's fault, say so plainly.
      return send(reply, error.statusCode, 'VALIDATION_FAILED', messageFor('VALIDATION_FAILED', locale), [
        { path: '', message: error.message },
      ]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'INTERNAL_ERROR', messageFor('INTERNAL_ERROR', locale));
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html') &&
      fs.existsSync(indexFile);
    if (isPage) {
      return reply.type('text/html; charset=utf-8').send(fs.createReadStream(indexFile));
    }
    const locale = pickLocale(request.headers['accept-language']);
    return send(reply, 404, 'NOT_FOUND', messageFor('NOT_FOUND', locale));
  });
}
