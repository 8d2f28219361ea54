import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { districtMetrics, metricsDistricts } from './desk-metrics.service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const FiguresSchema = Type.Object({
  requests: Type.Integer({ description: 'requests filed in the period' }),
  firstResponseHoursMedian: Nullable(Type.Number()),
  firstResponseHoursMean: Nullable(Type.Number()),
  resolutionHoursMedian: Nullable(Type.Number({ description: 'filed → answered, hours' })),
  resolutionHoursMean: Nullable(Type.Number()),
  firstResponseOnTimeRate: Nullable(Type.Number({ description: '0..1' })),
  resolutionOnTimeRate: Nullable(Type.Number({ description: '0..1' })),
  satisfactionMean: Nullable(Type.Number({ description: 'mean rating 1..5' })),
  rated: Type.Integer(),
  visits: Type.Integer({ description: 'visits done in the period' }),
  enterprises: Type.Integer({
    description: 'enterprises registered in the place now (managers: looked after)',
  }),
  retained: Type.Integer({ description: 'expanded elsewhere, registration still here' }),
  lost: Type.Integer({ description: 'expanded elsewhere, then moved the registration away' }),
  retentionRate: Nullable(Type.Number({ description: 'retained ÷ (retained + lost)' })),
});
const Named = { code: Type.String(), nameZh: Type.String(), nameEn: Type.String() };
const DistrictMetricsSchema = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  district: Type.Object({ ...Named, figures: FiguresSchema }),
  streets: Type.Array(Type.Object({ ...Named, figures: FiguresSchema })),
  managers: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), figures: FiguresSchema })),
  unreadableEnterprises: Type.Integer(),
});
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const METRICS = access.anyOf(access.staff('service_manager', 'office_admin'), access.admin);
const tags = ['enterprise desk: metrics'];

/** The desk's figures per district, street and manager, for the metrics page and the dashboards. */
export const deskMetricsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/desk/metrics/districts',
    {
      config: { access: METRICS },
      schema: {
        tags,
        summary: 'The districts whose desk figures the caller may see',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object(Named)) }),
        },
      },
    },
    async (request) => ({ items: await metricsDistricts(db, requirePrincipal(request)) }),
  );

  app.get(
    '/api/v1/desk/metrics/districts/:district',
    {
      config: { access: METRICS },
      schema: {
        tags,
        summary:
          "A district's desk figures with its streets' and managers': first-response and resolution times, on-time rates, satisfaction, visits, enterprises retained",
        params: Type.Object({ district: Type.String({ pattern: '^\\d{6}$' }) }),
        querystring: Type.Object({
          from: Type.Optional(
            Type.String({ pattern: DATE, description: 'Shanghai day, inclusive; default: 90 days ago' }),
          ),
          to: Type.Optional(
            Type.String({ pattern: DATE, description: 'Shanghai day, inclusive; default: today' }),
          ),
        }),
        response: { 200: DistrictMetricsSchema },
      },
    },
    async (request) => {
      const now = deps.clock.now();
      const shanghaiDay = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
      const to = request.query.to ?? shanghaiDay(now.getTime());
      const from = request.query.from ?? shanghaiDay(now.getTime() - 90 * 86_400_000);
      if (from > to) {
        const english = pickLocale(request.headers['accept-language']) === 'en';
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: '/from', message: english ? 'The start is after the end' : '开始日期晚于结束日期' },
        ]);
      }
      return districtMetrics(
        { db, registers: deps.registers },
        requirePrincipal(request),
        request.params.district,
        { from, to },
        now.toISOString(),
      );
    },
  );
};
