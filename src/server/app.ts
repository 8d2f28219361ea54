import fs from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { uuidv7 } from 'uuidv7';
import type { Ajv } from 'ajv';
import { addCustomFormats } from '../contracts/formats.ts';
import { describeAccess } from './platform/auth/access.ts';
import { registerAuth } from './platform/auth/auth-plugin.ts';
import type { AppDeps } from './platform/deps.ts';
import { registerErrorHandling } from './platform/errors.ts';
import { registerOverloadProtection } from './platform/overload.ts';
import { registerJobHandlers } from './job-handlers.ts';
import { healthRoutes } from './platform/health.routes.ts';
import { calendarRoutes } from './platform/calendar/calendar.routes.ts';
import { dataRoutes } from './modules/sharing/data.routes.ts';
import { accessRecordsRoutes } from './modules/sharing/access-records.routes.ts';
import { sharingAdminRoutes } from './modules/sharing/sharing-admin.routes.ts';
import { adminRoutes } from './modules/admin/admin.routes.ts';
import { authRoutes } from './modules/identity/auth.routes.ts';
import { enterpriseRoutes } from './modules/identity/enterprise.routes.ts';
import { meRoutes } from './modules/identity/me.routes.ts';
import { peopleRoutes } from './modules/identity/people.routes.ts';
import { DbSessionResolver } from './modules/identity/sessions.service.ts';
import { referenceRoutes } from './modules/reference/reference.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { referenceAdminRoutes } from './modules/reference/reference-admin.routes.ts';
import { catalogAdminRoutes } from './modules/catalog/catalog-admin.routes.ts';
import { facilitiesRoutes } from './modules/facilities/facilities.routes.ts';
import { applicationsRoutes } from './modules/applications/applications.routes.ts';
import { workbenchRoutes } from './modules/applications/workbench.routes.ts';
import { facilityEventsRoutes } from './modules/facilities/facility-events.routes.ts';
import { facilityConsoleRoutes } from './modules/facilities/facility-console.routes.ts';
import { facilityImportRoutes } from './modules/facilities/facility-import.routes.ts';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.ts';
import { certificatesRoutes } from './modules/certificates/certificates.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { kioskRoutes } from './modules/kiosk/kiosk.routes.ts';
import { kioskTokenRoutes } from './modules/kiosk/kiosk-tokens.routes.ts';
import { paymentsRoutes } from './modules/payments/payments.routes.ts';
import { paymentsFinanceRoutes } from './modules/payments/payments-finance.routes.ts';
import { paymentReceiptRoutes } from './modules/payments/receipts/receipts.routes.ts';
import { kioskPaymentRoutes } from './modules/kiosk/kiosk-payments.routes.ts';
import { reconciliationRoutes } from './modules/payments/reconciliation/reconciliation.routes.ts';
import { openPlatformRoutes } from './modules/open-platform/open-platform.routes.ts';
import { openWebhookRoutes } from './modules/open-platform/webhooks/webhooks.routes.ts';
import { assignmentsRoutes } from './modules/enterprise-desk/assignments.routes.ts';
import { messagesRoutes } from './modules/enterprise-desk/messages.routes.ts';
import { requestsRoutes } from './modules/enterprise-desk/requests.routes.ts';
import { workspaceRoutes } from './modules/enterprise-desk/workspace.routes.ts';
import { visitsRoutes } from './modules/enterprise-desk/visits.routes.ts';
import { roomsRoutes } from './modules/enterprise-desk/rooms.routes.ts';
import { projectsRoutes } from './modules/enterprise-desk/projects.routes.ts';
import { investmentRoutes } from './modules/enterprise-desk/investment.routes.ts';
import { policiesRoutes } from './modules/enterprise-desk/policies.routes.ts';
import { deskMetricsRoutes } from './modules/enterprise-desk/desk-metrics.routes.ts';

/**
 * Builds the Fastify app: external plugins, then the platform (errors, auth, OpenAPI), then
 * the modules' routes. Used by `tongban serve` and by the tests (through app.inject()).
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  return buildTypedApp(deps) as unknown as Promise<FastifyInstance>;
}

async function buildTypedApp(deps: AppDeps) {
  const app = Fastify({
    logger: { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: (request) => {
      const sent = request.headers['x-request-id'];
      return typeof sent === 'string' && /^[\w-]{8,64}$/.test(sent) ? sent : uuidv7();
    },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: {
      customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true },
      plugins: [(ajv: Ajv) => addCustomFormats(ajv)],
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every route must declare who may call it; the rule is also published in OpenAPI.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') return;
    if (!route.url.startsWith('/api/') && !['/healthz', '/readyz'].includes(route.url)) return;
    const rule = route.config?.access;
    if (!rule) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    route.schema = { ...route.schema, 'x-access': describeAccess(rule) } as typeof route.schema;
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerOverloadProtection(app as unknown as FastifyInstance, deps.config);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tongban (通办) API',
        version: '1',
        description:
          'One front door for every public service. Errors: `{"error":{"code","message","details"}}` in the ' +
          "caller's language (Accept-Language). Cookie-authenticated writes need `x-csrf-token` from GET /api/v1/me. " +
          'Each operation states who may call it in `x-access`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tb_session' },
          // The open API (/api/open/v1): access tokens from the OpenID Connect provider at /oidc.
          openApiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerErrorHandling(app, { webDir: deps.config.webDir });
  registerAuth(app, new DbSessionResolver(deps.database.db));
  registerJobHandlers(deps);

  await app.register(healthRoutes, deps);
  await app.register(referenceRoutes, { db: deps.database.db });
  await app.register(authRoutes, deps);
  await app.register(meRoutes, deps);
  await app.register(enterpriseRoutes, deps);
  await app.register(peopleRoutes, deps);
  await app.register(adminRoutes, deps);
  await app.register(catalogRoutes, deps);
  await app.register(catalogAdminRoutes, deps);
  await app.register(referenceAdminRoutes, deps);
  await app.register(facilitiesRoutes, deps);
  await app.register(facilityEventsRoutes, deps);
  await app.register(facilityConsoleRoutes, deps);
  await app.register(facilityImportRoutes, deps);
  await app.register(applicationsRoutes, deps);
  await app.register(workbenchRoutes, deps);
  await app.register(attachmentsRoutes, deps);
  await app.register(calendarRoutes, deps);
  await app.register(dataRoutes, deps);
  await app.register(accessRecordsRoutes, deps);
  await app.register(sharingAdminRoutes, deps);
  await app.register(certificatesRoutes, deps);
  await app.register(notificationsRoutes, deps);
  await app.register(kioskRoutes, deps);
  await app.register(kioskTokenRoutes, deps);
  await app.register(paymentsRoutes, deps);
  await app.register(paymentsFinanceRoutes, deps);
  await app.register(paymentReceiptRoutes, deps);
  await app.register(kioskPaymentRoutes, deps);
  await app.register(reconciliationRoutes, deps);
  await app.register(openPlatformRoutes, deps);
  await app.register(openWebhookRoutes, deps);
  await app.register(assignmentsRoutes, deps);
  await app.register(messagesRoutes, deps);
  await app.register(requestsRoutes, deps);
  await app.register(workspaceRoutes, deps);
  await app.register(visitsRoutes, deps);
  await app.register(roomsRoutes, deps);
  await app.register(projectsRoutes, deps);
  await app.register(investmentRoutes, deps);
  await app.register(policiesRoutes, deps);
  await app.register(deskMetricsRoutes, deps);

  // Files are looked up per request (wildcard), so a rebuilt web app is served without a restart;
  // unknown paths fall through to the not-found handler, which serves index.html for pages.
  fs.mkdirSync(deps.config.webDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: deps.config.webDir,
    wildcard: true,
    index: 'index.html',
    serve: true,
  });
  return app;
}
