import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../auth/access.ts';
import { requirePrincipal } from '../auth/auth-plugin.ts';
import type { AppDeps } from '../deps.ts';
import { pickLocale } from '../i18n/locale.ts';
import { findCalendarYear, listCalendarDays, listCalendarYears } from './calendar.repository.ts';
import { setCalendarYear } from './calendar-year.service.ts';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Kind = Type.Unsafe<'holiday' | 'workday'>({ type: 'string', enum: ['holiday', 'workday'] });
const Day = Type.Object(
  {
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    kind: Kind,
    note: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);

/** The working-day calendar of Asia/Shanghai: read by anyone, kept by platform admins. */
export const calendarRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/calendar',
    {
      config: { access: access.public },
      schema: {
        tags: ['calendar'],
        summary: "A year's public holidays and make-up workdays (调休), and whether the year is official",
        querystring: Type.Object({ year: Year }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            isOfficial: Type.Boolean(),
            source: Type.Union([Type.String(), Type.Null()]),
            publishedAt: Type.Union([Type.String(), Type.Null()]),
            updatedAt: Type.Union([Type.String(), Type.Null()]),
            officialYears: Type.Array(Type.Integer()),
            days: Type.Array(Day),
          }),
        },
      },
    },
    async (request) => {
      const { year } = request.query;
      const [row, days, officialYears] = await Promise.all([
        findCalendarYear(db, year),
        listCalendarDays(db, year),
        listCalendarYears(db),
      ]);
      return {
        year,
        isOfficial: row !== undefined,
        source: row?.source ?? null,
        publishedAt: row?.publishedAt ?? null,
        updatedAt: row?.updatedAt ?? null,
        officialYears,
        days: row ? days : [],
      };
    },
  );

  app.get(
    '/api/v1/calendar/deadline',
    {
      config: { access: access.public },
      schema: {
        tags: ['calendar'],
        summary: 'The deadline N working days after an instant (counting from the next day, 受理次日起算)',
        querystring: Type.Object(
          {
            from: Type.String({ format: 'date-time' }),
            days: Type.Integer({ minimum: 0, maximum: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            date: Type.String({ description: 'the Shanghai date of the last working day' }),
            endsAt: Type.String({ format: 'date-time' }),
            isOfficial: Type.Boolean({
              description: 'false when a day counted lies in a year without a published calendar',
            }),
          }),
        },
      },
    },
    async (request) => {
      const calendar = await deps.calendar.fresh();
      const deadline = calendar.addWorkingDays(new Date(request.query.from), request.query.days);
      return { date: deadline.date, endsAt: deadline.endsAt.toISOString(), isOfficial: deadline.isOfficial };
    },
  );

  app.put(
    '/api/v1/admin/calendar/years/:year',
    {
      config: { access: access.admin },
      schema: {
        tags: ['admin'],
        summary: "Publish or correct a year's calendar: replaces all its holidays and make-up workdays",
        params: Type.Object({ year: Year }),
        body: Type.Object(
          {
            source: Type.String({ minLength: 2, maxLength: 300 }),
            days: Type.Array(Day, { maxItems: 366 }),
          },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await setCalendarYear(db, request.params.year, request.body, {
        actor: { userId: principal.userId, name: principal.displayName },
        requestId: request.id,
        locale: pickLocale(request.headers['accept-language']),
      });
      await deps.calendar.reload();
      return reply.status(204).send(null);
    },
  );
};
