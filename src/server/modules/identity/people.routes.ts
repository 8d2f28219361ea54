import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { IdParams, PersonSchema } from './identity.schemas.ts';
import { CASEWORK_ROLES, readPerson } from './people.service.ts';

/** A person's record: for the person, or for staff of their district with a stated purpose. */
export const peopleRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/people/:id',
    {
      config: { access: access.anyOf(access.resident, access.staff(...CASEWORK_ROLES)) },
      schema: {
        tags: ['people'],
        summary: "A person's record (staff must give a purpose; the read is audited)",
        params: IdParams,
        querystring: Type.Object({ purpose: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: PersonSchema },
      },
    },
    async (request) =>
      readPerson(db, requirePrincipal(request), request.params.id, request.query.purpose, request.id),
  );
};
