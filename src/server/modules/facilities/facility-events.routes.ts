import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { pickLocale } from '../../platform/i18n/locale.ts';
import { IngestAnswerSchema } from './facilities.schemas.ts';
import { ingestFacilityEvents } from './facility-events.service.ts';
import { authenticateFacilityKey, FACILITY_KEY_HEADER } from './facility-keys.service.ts';

/**
 * Device event ingest. The route is public at the session gate because devices have no session;
 * the facility key in `x-facility-key` is the credential, checked before anything else.
 */
export const facilityEventsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.post(
    '/api/v1/facility-events',
    {
      config: { access: access.public },
      schema: {
        tags: ['facilities'],
        summary:
          "Report a facility's usage events (device key in `x-facility-key`); each event is accepted, a duplicate, or rejected with a reason",
        headers: Type.Object({ [FACILITY_KEY_HEADER]: Type.Optional(Type.String({ maxLength: 200 })) }),
        // Events are checked one by one in the service so that one bad event refuses only itself.
        body: Type.Array(Type.Unknown(), { maxItems: 1000 }),
        response: { 200: IngestAnswerSchema },
      },
    },
    async (request) => {
      const header = request.headers[FACILITY_KEY_HEADER];
      const device = await authenticateFacilityKey(db, typeof header === 'string' ? header : undefined);
      return ingestFacilityEvents(db, device, request.body, {
        locale: pickLocale(request.headers['accept-language']),
      });
    },
  );
};
