import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { actorOf, requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale, type Locale } from '../../platform/i18n/locale.ts';
import { rowProblemText } from './facility-row-problems.ts';
import type { FacilityImportTable } from './facilities.tables.ts';
import {
  countsOf,
  FACILITY_IMPORT_MAX_BYTES,
  getFacilityImport,
  previewFacilityImport,
  requestFacilityImport,
  type ImportPreview,
} from './facility-import.service.ts';

const OPERATORS = access.anyOf(access.staff('operator'), access.admin);
const Counts = {
  rows: Type.Integer(),
  new: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  bad: Type.Integer(),
};
const Value = Type.Union([Type.String(), Type.Number(), Type.Null()]);
const PreviewSchema = Type.Object({
  ...Counts,
  badRows: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), reason: Type.String() })),
  changes: Type.Array(
    Type.Object({
      line: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      diffs: Type.Array(Type.Object({ field: Type.String(), from: Value, to: Value })),
    }),
  ),
  newRows: Type.Array(Type.Object({ line: Type.Integer(), code: Type.String(), name: Type.String() })),
});
const ImportSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  status: Type.Unsafe<FacilityImportTable['status']>({
    type: 'string',
    enum: ['previewed', 'applying', 'applied', 'stale', 'failed'],
  }),
  streetScope: Type.Union([Type.Array(Type.String()), Type.Null()]),
  previewedAt: Type.String(),
  preview: PreviewSchema,
  progress: Type.Object({ appliedRows: Type.Integer(), toApply: Type.Integer() }),
  result: Type.Union([Type.Object(Counts), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

function present(row: FacilityImportTable, locale: Locale) {
  const stored = JSON.parse(row.preview) as ImportPreview;
  const preview = {
    ...stored,
    badRows: stored.badRows.map(({ problem, ...bad }) => ({
      ...bad,
      reason: rowProblemText(problem, locale),
    })),
  };
  return {
    id: row.id,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    status: row.status,
    streetScope: row.streetScope === null ? null : row.streetScope.split(';'),
    previewedAt: row.previewedAt,
    preview,
    progress: { appliedRows: row.appliedRows, toApply: preview.new + preview.updated },
    // While applying, `result` holds the tally so far; it is the result once the job has ended.
    result:
      row.result && row.status !== 'applying' ? countsOf(JSON.parse(row.result) as ImportPreview) : null,
    finishedAt: row.finishedAt,
  };
}

/** Reads the request body up to the limit; FACILITY_IMPORT_TOO_LARGE as soon as it goes over. */
async function readLimited(request: FastifyRequest, limit: number): Promise<Buffer> {
  const stream = request.body as NodeJS.ReadableStream | undefined;
  if (!stream || typeof (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator] !== 'function')
    throw new AppError('FACILITY_IMPORT_FILE_INVALID', { reason: 'send the CSV as a text/csv body' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.raw.destroy();
      throw new AppError(
        'FACILITY_IMPORT_TOO_LARGE',
        { maxSize: `${limit / 1024 / 1024} MiB` },
        { maxBytes: limit },
      );
    }
    chunks.push(chunk);
  }
  if (size === 0) throw new AppError('FACILITY_IMPORT_FILE_INVALID', { reason: 'the file is empty' });
  return Buffer.concat(chunks);
}

/**
 * Operator imports of the facilities CSV: upload (previewed, nothing written), look at it, apply
 * it (a durable job; poll for progress).
 */
export const facilityImportRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  // The body is handed over as a stream and read with a hard limit in the handler.
  app.addContentTypeParser(['text/csv', 'application/octet-stream'], (_request, payload, done) =>
    done(null, payload),
  );

  app.post(
    '/api/v1/facility-imports',
    {
      config: { access: OPERATORS },
      validatorCompiler: () => () => true,
      schema: {
        tags: ['facility console'],
        summary:
          'Upload a facilities CSV (CONTRACT format, `text/csv` body, at most 20 MiB) for a preview; nothing is written until it is applied',
        consumes: ['text/csv'],
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }),
        body: Type.String({ description: 'the CSV file' }),
        response: { 201: ImportSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const bytes = await readLimited(request, FACILITY_IMPORT_MAX_BYTES);
      const fileName = (request.query as { fileName?: string }).fileName?.trim() || 'facilities.csv';
      const row = await previewFacilityImport(
        db,
        principal,
        { fileName: fileName.slice(0, 200), bytes },
        { actor: actorOf(request)!, requestId: request.id },
      );
      return reply.status(201).send(present(row, pickLocale(request.headers['accept-language'])));
    },
  );

  app.get(
    '/api/v1/facility-imports/:id',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: 'An import: its preview, and while it is applied its progress, then its result',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: ImportSchema },
      },
    },
    async (request) =>
      present(
        await getFacilityImport(db, requirePrincipal(request), request.params.id),
        pickLocale(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/v1/facility-imports/:id/apply',
    {
      config: { access: OPERATORS },
      schema: {
        tags: ['facility console'],
        summary: 'Apply a previewed import (a durable job writes exactly the previewed changes)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 202: ImportSchema },
      },
    },
    async (request, reply) => {
      const row = await requestFacilityImport(db, deps.jobs, requirePrincipal(request), request.params.id, {
        actor: actorOf(request)!,
        requestId: request.id,
      });
      return reply.status(202).send(present(row, pickLocale(request.headers['accept-language'])));
    },
  );
};
