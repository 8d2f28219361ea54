import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { uuidv7 } from 'uuidv7';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import {
  assertCanAuthor,
  assertValidDefinition,
  authorDepartments,
  publishDraft,
  retireEntry,
  saveDraft,
} from './catalog-authoring.service.ts';
import { findEntryById, findVersion, listForAuthors } from './catalog.repository.ts';

const EntryType = Type.Unsafe<'service' | 'bundle'>({ type: 'string', enum: ['service', 'bundle'] });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Definition = Type.Record(Type.String(), Type.Unknown());
const authors = access.anyOf(access.staff('office_admin'), access.admin);
const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);

/** Authoring (office admins for their department; platform admins for all and for bundles) and synonyms. */
export const catalogAdminRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;
  const listeners = [deps.catalogue.listener];

  app.get(
    '/api/v1/admin/catalog',
    {
      config: { access: authors },
      schema: {
        tags: ['catalog admin'],
        summary: 'Services and bundles I may author, with their draft and published versions',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                code: Type.String(),
                entryType: EntryType,
                departmentCode: Type.Union([Type.String(), Type.Null()]),
                status: Type.String(),
                nameZh: Type.String(),
                publishedVersion: NullableInteger,
                draftVersion: NullableInteger,
                updatedAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const rows = await listForAuthors(db, authorDepartments(requirePrincipal(request)));
      return {
        items: rows.map((row) => {
          const definition = JSON.parse(row.draftDefinition ?? row.publishedDefinition ?? '{}') as {
            nameZh?: string;
          };
          return {
            id: row.id,
            code: row.code,
            entryType: row.entryType,
            departmentCode: row.departmentCode,
            status: row.status,
            nameZh: definition.nameZh ?? row.code,
            publishedVersion: row.publishedVersion ?? null,
            draftVersion: row.draftVersion ?? null,
            updatedAt: row.updatedAt,
          };
        }),
      };
    },
  );

  app.get(
    '/api/v1/admin/catalog/:id',
    {
      config: { access: authors },
      schema: {
        tags: ['catalog admin'],
        summary: 'One entry with its draft and published definitions',
        params: IdParams,
        response: {
          200: Type.Object({
            id: Type.String(),
            code: Type.String(),
            entryType: EntryType,
            status: Type.String(),
            draft: Type.Union([
              Type.Object({ version: Type.Integer(), definition: Definition }),
              Type.Null(),
            ]),
            published: Type.Union([
              Type.Object({
                version: Type.Integer(),
                definition: Definition,
                effectiveFrom: Type.Union([Type.String(), Type.Null()]),
              }),
              Type.Null(),
            ]),
          }),
        },
      },
    },
    async (request) => {
      const entry = await findEntryById(db, request.params.id);
      if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
      assertCanAuthor(requirePrincipal(request), entry.departmentCode);
      const draft = entry.draftVersionId ? await findVersion(db, entry.draftVersionId) : undefined;
      const published = entry.publishedVersionId
        ? await findVersion(db, entry.publishedVersionId)
        : undefined;
      return {
        id: entry.id,
        code: entry.code,
        entryType: entry.entryType,
        status: entry.status,
        draft: draft
          ? { version: draft.version, definition: JSON.parse(draft.definition) as Record<string, unknown> }
          : null,
        published: published
          ? {
              version: published.version,
              definition: JSON.parse(published.definition) as Record<string, unknown>,
              effectiveFrom: published.effectiveFrom,
            }
          : null,
      };
    },
  );

  app.post(
    '/api/v1/admin/catalog/validate',
    {
      config: { access: authors },
      schema: {
        tags: ['catalog admin'],
        summary: 'Check a definition (and its form schema) without saving: the live check of the editor',
        body: Type.Object({ entryType: EntryType, definition: Definition }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
          }),
        },
      },
    },
    async (request) => {
      try {
        await assertValidDefinition(
          db,
          request.body.entryType,
          request.body.definition,
          pickLocale(request.headers['accept-language']),
        );
        return { errors: [] };
      } catch (error) {
        if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
          return { errors: error.details as { path: string; message: string }[] };
        }
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/admin/catalog',
    {
      config: { access: authors },
      schema: {
        tags: ['catalog admin'],
        summary: 'Create a new service or bundle as a draft',
        body: Type.Object({ entryType: EntryType, definition: Definition }, { additionalProperties: false }),
        response: {
          201: Type.Object({ entryId: Type.String(), versionId: Type.String(), version: Type.Integer() }),
        },
      },
    },
    async (request, reply) => {
      const result = await saveDraft(db, requirePrincipal(request), request.body, {
        locale: pickLocale(request.headers['accept-language']),
        requestId: request.id,
      });
      return reply.status(201).send(result);
    },
  );

  app.put(
    '/api/v1/admin/catalog/:id/draft',
    {
      config: { access: authors },
      schema: {
        tags: ['catalog admin'],
        summary: 'Save the draft (editing a published entry starts a new draft version)',
        params: IdParams,
        body: Type.Object({ definition: Definition }, { additionalProperties: false }),
        response: {
          200: Type.Object({ entryId: Type.String(), versionId: Type.String(), version: Type.Integer() }),
        },
      },
    },
    async (request) => {
      const entry = await findEntryById(db, request.params.id);
      if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
      return saveDraft(
        db,
        requirePrincipal(request),
        { entryType: entry.entryType, definition: request.body.definition, entryId: entry.id },
        { locale: pickLocale(request.headers['accept-language']), requestId: request.id },
      );
    },
  );

  app.post(
    '/api/v1/admin/catalog/:id/publish',
    {
      config: { access: authors },
      schema: {
        tags: ['catalog admin'],
        summary: 'Publish the draft as the new version, effective now or from a given time',
        params: IdParams,
        body: Type.Object(
          { effectiveFrom: Type.Optional(Type.String({ format: 'date-time' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ versionId: Type.String(), version: Type.Integer() }) },
      },
    },
    async (request) =>
      publishDraft(
        db,
        requirePrincipal(request),
        request.params.id,
        {
          ...(request.body.effectiveFrom
            ? { effectiveFrom: new Date(request.body.effectiveFrom).toISOString() }
            : {}),
          requestId: request.id,
          locale: pickLocale(request.headers['accept-language']),
        },
        listeners,
      ),
  );

  app.post(
    '/api/v1/admin/catalog/:id/retire',
    {
      config: { access: authors },
      schema: {
        tags: ['catalog admin'],
        summary: 'Retire a published entry',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await retireEntry(db, requirePrincipal(request), request.params.id, request.id, listeners);
      return reply.status(204).send(null);
    },
  );

  const SynonymSchema = Type.Object({
    term: Type.String(),
    expandsTo: Type.Array(Type.String()),
    isBuiltIn: Type.Boolean(),
  });

  app.get(
    '/api/v1/admin/synonyms',
    {
      config: { access: access.admin },
      schema: {
        tags: ['catalog admin'],
        summary: 'The synonym list search uses',
        response: { 200: Type.Object({ items: Type.Array(SynonymSchema) }) },
      },
    },
    async () => ({ items: await deps.catalogue.synonymList() }),
  );

  app.put(
    '/api/v1/admin/synonyms/:term',
    {
      config: { access: access.admin },
      schema: {
        tags: ['catalog admin'],
        summary: 'Set what a colloquial term stands for (an empty list switches a built-in term off)',
        params: Type.Object({ term: Type.String({ minLength: 1, maxLength: 30 }) }),
        body: Type.Object(
          { expandsTo: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const term = request.params.term.trim();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('catalogSynonyms')
          .values({
            id: uuidv7(),
            term,
            expandsTo: JSON.stringify(request.body.expandsTo),
            updatedAt: nowIso(),
            updatedByUserId: principal.userId,
          })
          .onConflict((oc) =>
            oc.column('term').doUpdateSet({
              expandsTo: JSON.stringify(request.body.expandsTo),
              updatedAt: nowIso(),
              updatedByUserId: principal.userId,
            }),
          )
          .execute();
        await appendAudit(trx, {
          actor: { userId: principal.userId, name: principal.displayName },
          action: 'catalog.synonym.set',
          objectType: 'synonym',
          objectId: term,
          requestId: request.id,
          details: { expandsTo: request.body.expandsTo },
        });
      });
      await deps.catalogue.reloadSynonyms();
      return reply.status(204).send(null);
    },
  );
};
