import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import { requirePrincipal } from '../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../platform/deps.ts';
import {
  DistrictListSchema,
  DistrictParams,
  FiguresSchema,
  FixedAssetBody,
  FixedAssetParams,
  FunnelSchema,
  IdParams,
  ParcelSchema,
  ParcelStatusBody,
  ProspectBody,
  ProspectDetailSchema,
  ProspectListSchema,
  ProspectSchema,
  RequirementsBody,
  StageBody,
  ZoneListSchema,
} from './investment.schemas.ts';
import { districtFigures, districtFunnel, setFixedAssetInvestment } from './investment-stats.service.ts';
import {
  createProspect,
  getProspect,
  listInvestmentDistricts,
  listProspects,
  moveProspect,
  updateRequirements,
} from './investment.service.ts';
import { listZones, setParcelStatus } from './investment-parcels.service.ts';

/** Service managers and office admins (of the district, checked in the service) and platform admins. */
const INVESTMENT = access.anyOf(access.staff('service_manager', 'office_admin'), access.admin);
const tags = ['enterprise desk: investment'];

/** The investment pipeline (前置招商): never for enterprises or residents. */
export const investmentRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get(
    '/api/v1/desk/investment/districts',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary: 'The districts whose pipeline the caller works with',
        response: { 200: DistrictListSchema },
      },
    },
    async (request) => ({ items: await listInvestmentDistricts(db, requirePrincipal(request)) }),
  );

  app.get(
    '/api/v1/desk/investment/zones',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary:
          'Zones and parks with their parcels: area (m² and 亩), land use, status, floor area, power, fit-out',
        response: { 200: ZoneListSchema },
      },
    },
    async () => ({ items: await listZones(db) }),
  );

  app.put(
    '/api/v1/desk/investment/parcels/:id/status',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary: "Set a parcel's status (callers of the zone's district)",
        params: IdParams,
        body: ParcelStatusBody,
        response: { 200: ParcelSchema },
      },
    },
    async (request) => setParcelStatus(db, requirePrincipal(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/desk/investment/districts/:district/prospects',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary: "The district's prospects",
        params: DistrictParams,
        response: { 200: ProspectListSchema },
      },
    },
    async (request) => ({
      items: await listProspects(db, requirePrincipal(request), request.params.district),
    }),
  );

  app.post(
    '/api/v1/desk/investment/districts/:district/prospects',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary: 'Add a prospect (a lead) with the requirements captured so far',
        params: DistrictParams,
        body: ProspectBody,
        response: { 201: ProspectSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createProspect(db, requirePrincipal(request), request.params.district, request.body)),
  );

  app.get(
    '/api/v1/desk/investment/prospects/:id',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary:
          'A prospect with its stage history and the parcels scored against its requirements (with reasons)',
        params: IdParams,
        response: { 200: ProspectDetailSchema },
      },
    },
    async (request) => getProspect(db, requirePrincipal(request), request.params.id),
  );

  app.put(
    '/api/v1/desk/investment/prospects/:id/requirements',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary: "Change the prospect's requirements (floor area, power, fit-out, land use, special needs)",
        params: IdParams,
        body: RequirementsBody,
        response: { 200: ProspectDetailSchema },
      },
    },
    async (request) => updateRequirements(db, requirePrincipal(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/desk/investment/prospects/:id/stage',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary:
          'Move a prospect forward: lead → talks → signed → landed → operating (signing needs the contract amount)',
        params: IdParams,
        body: StageBody,
        response: { 200: ProspectDetailSchema },
      },
    },
    async (request) => moveProspect(db, requirePrincipal(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/desk/investment/districts/:district/funnel',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary: "The district's funnel: prospects at and past each stage, with conversion",
        params: DistrictParams,
        response: { 200: FunnelSchema },
      },
    },
    async (request) => ({
      steps: await districtFunnel(db, requirePrincipal(request), request.params.district),
    }),
  );

  app.get(
    '/api/v1/desk/investment/districts/:district/figures',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary:
          'Signed FDI projects and contract amounts, fixed-asset investment, per quarter and for the year (to date), with year-on-year growth',
        params: DistrictParams,
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: FiguresSchema },
      },
    },
    async (request) => {
      const now = deps.clock.now().toISOString();
      const year = request.query.year ?? Number(now.slice(0, 4));
      return {
        year,
        periods: await districtFigures(
          db,
          requirePrincipal(request),
          request.params.district,
          year,
          now.slice(0, 7),
        ),
      };
    },
  );

  app.put(
    '/api/v1/desk/investment/districts/:district/fixed-asset-investment/:month',
    {
      config: { access: INVESTMENT },
      schema: {
        tags,
        summary: "Record the district's fixed-asset investment of a month (fen)",
        params: FixedAssetParams,
        body: FixedAssetBody,
        response: { 200: Type.Object({ month: Type.String(), amountFen: Type.Integer() }) },
      },
    },
    async (request) =>
      setFixedAssetInvestment(
        db,
        requirePrincipal(request),
        request.params.district,
        request.params.month,
        request.body.amountFen,
      ),
  );
};
