import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { access } from '../../../platform/auth/access.ts';
import { requirePrincipal } from '../../../platform/auth/auth-plugin.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import {
  WebhookAnswerSchema,
  WebhookBody,
  WebhookDeliveriesQuery,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookSecretAnswerSchema,
} from '../../../../contracts/api/open-webhooks.ts';
import { getWebhookDelivery, listWebhookDeliveries, redeliverWebhook } from './webhook-deliveries.service.ts';
import {
  deleteWebhook,
  getWebhook,
  putWebhook,
  rotateWebhookSecret,
} from './webhook-subscriptions.service.ts';

const AppParams = Type.Object({ appId: Type.String({ minLength: 1, maxLength: 64 }) });
const DeliveryParams = Type.Object({
  appId: Type.String({ minLength: 1, maxLength: 64 }),
  deliveryId: Type.String({ minLength: 1, maxLength: 64 }),
});
// The app's owner manages its webhook (platform admins may read it); checked in the service.
const OWNER = access.signedIn;
const tags = ['open platform: webhooks'];

/** An app owner's webhook subscription, secret rotation, delivery history and redeliver. */
export const openWebhookRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const base = '/api/v1/open-platform/apps/:appId/webhook';

  app.get(
    base,
    {
      config: { access: OWNER },
      schema: {
        tags,
        summary: "The app's webhook subscription (never its secret), or null",
        params: AppParams,
        response: { 200: WebhookAnswerSchema },
      },
    },
    async (request) => getWebhook(deps, requirePrincipal(request), request.params.appId),
  );

  app.put(
    base,
    {
      config: { access: OWNER },
      schema: {
        tags,
        summary:
          'Makes or changes the subscription: URL and events (only those the approved scopes cover). ' +
          'Making it returns the signing secret, once',
        params: AppParams,
        body: WebhookBody,
        response: { 200: WebhookSecretAnswerSchema },
      },
    },
    async (request) =>
      putWebhook(deps, requirePrincipal(request), request.params.appId, request.body, request.id),
  );

  app.delete(
    base,
    {
      config: { access: OWNER },
      schema: {
        tags,
        summary: 'Removes the subscription and its delivery history',
        params: AppParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteWebhook(deps, requirePrincipal(request), request.params.appId, request.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${base}/rotate-secret`,
    {
      config: { access: OWNER },
      schema: {
        tags,
        summary:
          'A new signing secret, shown once; the old one keeps signing (second signature) for 24 hours',
        params: AppParams,
        response: { 200: WebhookSecretAnswerSchema },
      },
    },
    async (request) => rotateWebhookSecret(deps, requirePrincipal(request), request.params.appId, request.id),
  );

  app.get(
    `${base}/deliveries`,
    {
      config: { access: OWNER },
      schema: {
        tags,
        summary: "The app's deliveries, newest first, with every attempt (status code, latency)",
        params: AppParams,
        querystring: WebhookDeliveriesQuery,
        response: { 200: WebhookDeliveryListSchema },
      },
    },
    async (request) =>
      listWebhookDeliveries(deps, requirePrincipal(request), request.params.appId, request.query),
  );

  app.get(
    `${base}/deliveries/:deliveryId`,
    {
      config: { access: OWNER },
      schema: {
        tags,
        summary: 'One delivery with its attempts',
        params: DeliveryParams,
        response: { 200: WebhookDeliverySchema },
      },
    },
    async (request) =>
      getWebhookDelivery(deps, requirePrincipal(request), request.params.appId, request.params.deliveryId),
  );

  app.post(
    `${base}/deliveries/:deliveryId/redeliver`,
    {
      config: { access: OWNER },
      schema: {
        tags,
        summary: 'Sends the delivery again now (same event id); refused while it is still being tried',
        params: DeliveryParams,
        response: { 200: WebhookDeliverySchema },
      },
    },
    async (request) =>
      redeliverWebhook(
        deps,
        requirePrincipal(request),
        request.params.appId,
        request.params.deliveryId,
        request.id,
      ),
  );
};
