import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { facilityStats } from './facilities-stats.service.ts';
import { getFacilityPage, listFacilities } from './facilities-query.service.ts';
import {
  FacilityListItemSchema,
  FacilityPageSchema,
  FacilityStatsSchema,
  ServiceKeySchema,
  TierSchema,
} from './facilities.schemas.ts';
import { rotateFacilityKey } from './facility-keys.service.ts';

const NEAR = '^-?\\d{1,2}(\\.\\d+)?,-?\\d{1,3}(\\.\\d+)?$';
const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

/** The public facility finder, its figures, and device-key rotation for street operators. */
export const facilitiesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/facilities',
    {
      config: { access: access.public },
      schema: {
        tags: ['facilities'],
        summary: 'Find community facilities: nearest first with `near=LAT,LNG`, otherwise by code',
        querystring: Type.Object(
          {
            near: Type.Optional(Type.String({ pattern: NEAR, description: 'LAT,LNG in WGS-84 degrees' })),
            service: Type.Optional(ServiceKeySchema),
            tier: Type.Optional(TierSchema),
            district: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
            street: Type.Optional(
              Type.String({ pattern: '^\\d{9}$', description: 'street or town code, e.g. 310109004' }),
            ),
            openNow: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(FacilityListItemSchema),
            total: Type.Integer(),
            facets: Type.Object({
              services: Type.Array(
                Type.Object(
                  { key: Type.String(), name: Type.String(), count: Type.Integer() },
                  { description: 'facilities offering the service under the other filters' },
                ),
              ),
            }),
          }),
        },
      },
    },
    async (request) => {
      const { near, limit, offset, ...filters } = request.query;
      const [lat, lng] = near ? near.split(',').map(Number) : [];
      return listFacilities(
        db,
        {
          ...filters,
          near: near ? { lat: lat!, lng: lng! } : undefined,
          limit: limit ?? 20,
          offset: offset ?? 0,
        },
        pickLocale(request.headers['accept-language']),
        new Date(),
      );
    },
  );

  app.get(
    '/api/v1/facilities/stats',
    {
      config: { access: access.public },
      schema: {
        tags: ['facilities'],
        summary:
          'The facility network in figures: by tier, by name, how new, purchased services, by district; with `district=` that district alone, per street',
        querystring: Type.Object(
          { district: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) },
          { additionalProperties: false },
        ),
        response: { 200: FacilityStatsSchema },
      },
    },
    async (request) =>
      facilityStats(db, pickLocale(request.headers['accept-language']), request.query.district),
  );

  app.get(
    '/api/v1/facilities/:code',
    {
      config: { access: access.public },
      schema: {
        tags: ['facilities'],
        summary: "A facility's page: services, opening hours, whether open now and the next opening",
        params: CodeParams,
        response: { 200: FacilityPageSchema },
      },
    },
    async (request) =>
      getFacilityPage(db, request.params.code, pickLocale(request.headers['accept-language']), new Date()),
  );

  app.post(
    '/api/v1/facilities/:code/keys',
    {
      config: { access: access.anyOf(access.staff('operator'), access.admin) },
      schema: {
        tags: ['facilities'],
        summary:
          "Rotate the facility's device key (operators of its street office): the new key is shown once, the old one stops working",
        params: CodeParams,
        response: {
          201: Type.Object({
            facilityCode: Type.String(),
            keyId: Type.String(),
            key: Type.String({ description: 'send as `x-facility-key`; shown only now' }),
            createdAt: Type.String(),
            revoked: Type.Integer({ description: 'how many earlier keys stopped working' }),
          }),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const rotated = await rotateFacilityKey(db, principal, request.params.code, { requestId: request.id });
      return reply.status(201).send(rotated);
    },
  );
};
