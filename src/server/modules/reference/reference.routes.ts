import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { listDepartments, listDistricts } from './reference.service.ts';

const StreetSchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  kind: Type.Union([Type.Literal('street'), Type.Literal('town')]),
});
const DistrictSchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  streets: Type.Array(StreetSchema),
});
const DepartmentSchema = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  level: Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('street')]),
});

/** Public reference data: districts with their streets, and departments. */
export const referenceRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/reference/districts',
    {
      config: { access: access.public },
      schema: {
        tags: ['reference'],
        summary: 'Districts with their streets and towns',
        response: { 200: Type.Object({ items: Type.Array(DistrictSchema) }) },
      },
    },
    async () => {
      const districts = await listDistricts(db);
      return {
        items: districts.map(({ code, nameZh, nameEn, streets }) => ({ code, nameZh, nameEn, streets })),
      };
    },
  );
  app.get(
    '/api/v1/reference/departments',
    {
      config: { access: access.public },
      schema: {
        tags: ['reference'],
        summary: 'Departments of the city',
        response: { 200: Type.Object({ items: Type.Array(DepartmentSchema) }) },
      },
    },
    async () => ({ items: await listDepartments(db) }),
  );
};
