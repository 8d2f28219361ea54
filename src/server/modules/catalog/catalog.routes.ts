import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { ChannelSchema, ServiceKindSchema, SubjectSchema, TopicSchema } from './catalog.schemas.ts';

const Count = Type.Record(Type.String(), Type.Integer());
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);

export const ServiceListItemSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  type: Type.Union([Type.Literal('service'), Type.Literal('bundle')]),
  name: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  department: NullableString,
  departmentName: NullableString,
  subject: SubjectSchema,
  kind: Type.Union([ServiceKindSchema, Type.Literal('bundle')]),
  topics: Type.Array(Type.String()),
  channels: Type.Array(Type.String()),
  promisedTimeLimitDays: NullableInteger,
  feeFen: NullableInteger,
  tripsNeeded: NullableInteger,
  handlingScope: Type.String(),
  version: Type.Integer(),
});

const Range = Type.Object({ separately: Type.Integer(), bundle: Type.Integer() });

/** The public front door: search, suggestions, service pages and topics. */
export const catalogRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { catalogue } = deps;

  app.get(
    '/api/v1/services',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary:
          'Search the catalogue of services (事项) and bundles (一件事), best match first, with facets',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            department: Type.Optional(Type.String({ maxLength: 64 })),
            district: Type.Optional(Type.String({ maxLength: 12 })),
            subject: Type.Optional(SubjectSchema),
            topic: Type.Optional(TopicSchema),
            kind: Type.Optional(Type.Union([ServiceKindSchema, Type.Literal('bundle')])),
            channel: Type.Optional(ChannelSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Intersect([ServiceListItemSchema, Type.Object({ score: Type.Number() })])),
            total: Type.Integer(),
            facets: Type.Object({
              department: Count,
              subject: Count,
              topic: Count,
              kind: Count,
              channel: Count,
            }),
          }),
        },
      },
    },
    async (request) =>
      catalogue.search(
        { ...request.query, limit: request.query.limit ?? 20, offset: request.query.offset ?? 0 },
        pickLocale(request.headers['accept-language']),
      ),
  );

  app.get(
    '/api/v1/services/suggest',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary: 'Search-as-you-type suggestions',
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 50 }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                text: Type.String(),
                id: Type.String(),
                type: Type.Union([Type.Literal('service'), Type.Literal('bundle')]),
                name: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await catalogue.suggest(
        request.query.q,
        request.query.limit ?? 8,
        pickLocale(request.headers['accept-language']),
      ),
    }),
  );

  app.get(
    '/api/v1/services/:id',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary:
          'A published service or bundle (by id or code): guide, materials, form, limits, fees, offices',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Intersect([
            ServiceListItemSchema,
            Type.Object({
              versionId: Type.String(),
              effectiveFrom: NullableString,
              definition: Type.Record(Type.String(), Type.Unknown()),
              competentOffices: Type.Array(
                Type.Object({
                  districtCode: Type.String(),
                  districtName: Type.String(),
                  districtNameEn: Type.String(),
                  officeId: Type.String(),
                  officeName: Type.String(),
                  officeNameEn: Type.String(),
                  address: NullableString,
                  phone: NullableString,
                  openingHours: Type.Union([
                    Type.String({ description: 'e.g. `Mo-Fr 09:00-17:00; Sa 09:00-12:00`' }),
                    Type.Null(),
                  ]),
                }),
              ),
              members: Type.Array(
                Type.Object({
                  id: Type.String(),
                  code: Type.String(),
                  nameZh: Type.String(),
                  nameEn: Type.String(),
                  departmentName: NullableString,
                }),
              ),
              savings: Type.Union([
                Type.Object({
                  applications: Range,
                  materials: Range,
                  fields: Range,
                  trips: Range,
                  days: Range,
                }),
                Type.Null(),
              ]),
            }),
          ]),
        },
      },
    },
    async (request) => {
      const detail = await catalogue.detail(
        request.params.id,
        pickLocale(request.headers['accept-language']),
      );
      if (!detail) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
      return { ...detail, definition: detail.definition as unknown as Record<string, unknown> };
    },
  );

  app.get(
    '/api/v1/topics',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary: 'Life events (residents) and lifecycle stages (enterprises) to browse by',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                audience: Type.Union([Type.Literal('resident'), Type.Literal('enterprise')]),
                nameZh: Type.String(),
                nameEn: Type.String(),
                sortOrder: Type.Integer({ description: 'Topics are listed by this, smallest first' }),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      items: await deps.database.db
        .selectFrom('catalogTopics')
        .select(['code', 'audience', 'nameZh', 'nameEn', 'sortOrder'])
        .orderBy('sortOrder')
        .execute(),
    }),
  );
};
