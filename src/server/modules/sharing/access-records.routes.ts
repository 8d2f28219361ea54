import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { accessSubjectOf, listAccessRecords } from './access-records.service.ts';
import { grantConsent, listMyConsents, listSharingApps, revokeConsent } from './consents.service.ts';
import { fileObjection, listMyObjections } from './objections.service.ts';
import {
  AccessRecordQuery,
  AccessRecordSchema,
  ConsentBody,
  ConsentSchema,
  Id,
  ObjectionSchema,
  SharingAppSchema,
  type AccessRecord,
} from '../../../contracts/api/data-access.ts';

const CSV_MAX_ROWS = 10_000;

function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** 用数记录 as CSV: UTF-8 with a byte-order mark so that Excel opens the Chinese correctly. */
function accessRecordsCsv(items: AccessRecord[], locale: 'zh-CN' | 'en'): string {
  const en = locale === 'en';
  const header = en
    ? [
        'Time (Asia/Shanghai)',
        'Who',
        'Office or app',
        'Kind',
        'Register',
        'Fields',
        'Purpose',
        'Application',
        'Record id',
      ]
    : ['时间（北京时间）', '使用人', '部门或应用', '类型', '数据来源', '数据项', '用途', '办件', '记录编号'];
  const rows = items.map((item) => [
    shanghaiTime(item.at),
    item.actorName ?? '',
    (en ? (item.officeNameEn ?? item.appNameEn) : (item.officeName ?? item.appName)) ?? '',
    item.consumerKind,
    (en ? item.registerNameEn : item.registerNameZh) ?? item.action,
    item.fields.join('; '),
    item.purpose ?? '',
    item.applicationId ?? '',
    item.id,
  ]);
  return `\uFEFF${stringify([header, ...rows])}`;
}

/** Who used my data (用数记录), objections to it (有异议), and consents to third-party apps. */
export const accessRecordsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/me/data-access-records',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary:
          'Every access to my data (or, with enterpriseId, to an enterprise I belong to): when, who, which office or app, which fields, purpose, application; filters by day range, consumer (self, office:ID, app:ID) and purpose',
        querystring: AccessRecordQuery,
        response: { 200: Type.Object({ items: Type.Array(AccessRecordSchema), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const { enterpriseId, limit, offset, ...filter } = request.query;
      const subject = await accessSubjectOf(db, requirePrincipal(request), enterpriseId);
      return listAccessRecords(db, subject, filter, { limit: limit ?? 20, offset: offset ?? 0 });
    },
  );

  app.get(
    '/api/v1/me/data-access-records.csv',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary:
          'The same records as CSV (UTF-8 with BOM, for Excel), with the same filters, at most 10,000 rows',
        querystring: Type.Omit(AccessRecordQuery, ['limit', 'offset']),
        response: { 200: Type.String({ description: 'text/csv' }) },
      },
    },
    async (request, reply) => {
      const { enterpriseId, ...filter } = request.query;
      const subject = await accessSubjectOf(db, requirePrincipal(request), enterpriseId);
      const page = await listAccessRecords(db, subject, filter, { limit: CSV_MAX_ROWS, offset: 0 });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="data-access-records.csv"')
        .send(accessRecordsCsv(page.items, pickLocale(request.headers['accept-language'])));
    },
  );

  app.post(
    '/api/v1/me/data-access-records/:id/objections',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary:
          '有异议: object to one of my (or my enterprise’s) access records; the platform admins answer',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          { note: Type.String({ minLength: 2, maxLength: 1000 }), enterpriseId: Type.Optional(Id) },
          { additionalProperties: false },
        ),
        response: { 201: ObjectionSchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const subject = await accessSubjectOf(db, principal, request.body.enterpriseId);
      const objection = await fileObjection(
        db,
        principal,
        subject,
        { recordId: request.params.id, note: request.body.note },
        request.id,
      );
      return reply.status(201).send(objection);
    },
  );

  app.get(
    '/api/v1/me/data-access-objections',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary: 'The objections I filed, with their answers',
        response: { 200: Type.Object({ items: Type.Array(ObjectionSchema) }) },
      },
    },
    async (request) => ({ items: await listMyObjections(db, requirePrincipal(request)) }),
  );

  app.get(
    '/api/v1/sharing/apps',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['data'],
        summary: 'Third-party apps that may ask for consent, and what they may ask for',
        response: { 200: Type.Object({ items: Type.Array(SharingAppSchema) }) },
      },
    },
    async () => ({ items: await listSharingApps(db, deps.registers) }),
  );

  app.get(
    '/api/v1/me/consents',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary: 'My consents to third-party apps (active, expired, revoked)',
        response: { 200: Type.Object({ items: Type.Array(ConsentSchema) }) },
      },
    },
    async (request) => ({ items: await listMyConsents(db, requirePrincipal(request)) }),
  );

  app.post(
    '/api/v1/me/consents',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary: 'Let an app read named fields of one register for a purpose until a day (at most a year)',
        body: ConsentBody,
        response: { 201: ConsentSchema },
      },
    },
    async (request, reply) => {
      const consent = await grantConsent(
        db,
        requirePrincipal(request),
        request.body,
        pickLocale(request.headers['accept-language']),
        request.id,
      );
      return reply.status(201).send(consent);
    },
  );

  app.delete(
    '/api/v1/me/consents/:id',
    {
      config: { access: access.resident },
      schema: {
        tags: ['data'],
        summary: 'Revoke one of my consents; the app’s next read is refused',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await revokeConsent(db, requirePrincipal(request), request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
};
