// The partner app ("生活助手", a third-party entrance such as a mini-program's web view): signs a
// resident in through Tongban with the authorization code flow and PKCE (openid-client, a
// certified relying party), reads their 社保 record, bills and applications through the SDK,
// and receives Tongban's webhooks (signature, timestamp window, replay check by the SDK).
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import {
  createTongbanClient,
  isTongbanApiError,
  MemoryReplayStore,
  verifyWebhook,
  WebhookVerificationError,
  type TongbanClient,
} from '../../sdk/src/index.ts';
import type { SocialInsuranceRecord } from '../../src/contracts/registers.ts';
import { homePage, messagePage, signedOutPage, type HomeData } from './pages.ts';
import { SESSION_COOKIE, SessionStore, type PartnerSession } from './sessions.ts';
import { WebhookInbox } from './webhook-inbox.ts';

export interface PartnerAppOptions {
  /** Tongban's base URL, which is also the OpenID Connect issuer. */
  tongbanUrl: string;
  /** This app's own base URL (its redirect URI is `${publicUrl}/callback`). */
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  /** The webhook signing secret(s) Tongban gave this app (new first during a rotation). */
  webhookSecrets: string[];
  scopes?: string[];
  /** Largest distance of a webhook's timestamp from now, in seconds. */
  webhookToleranceSeconds?: number;
  logLevel?: string;
}

export const DEFAULT_SCOPES = [
  'openid',
  'profile',
  'social_insurance',
  'bills_payments',
  'applications.read',
];
const WEBHOOK_PATH = '/webhooks/tongban';

export interface PartnerApp {
  app: FastifyInstance;
  inbox: WebhookInbox;
}

export async function createPartnerApp(options: PartnerAppOptions): Promise<PartnerApp> {
  const tongbanUrl = options.tongbanUrl.replace(/\/+$/, '');
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const redirectUri = `${publicUrl}/callback`;
  const apiResource = `${tongbanUrl}/api/open/v1`;
  const scopes = options.scopes ?? DEFAULT_SCOPES;
  const isSecure = publicUrl.startsWith('https:');
  const sessions = new SessionStore();
  const inbox = new WebhookInbox();
  const replayStore = new MemoryReplayStore();

  // Discovery once, on first use (Tongban may start after this app).
  let configuration: Promise<oidc.Configuration> | undefined;
  const oidcConfig = () => {
    configuration ??= oidc
      .discovery(new URL(tongbanUrl), options.clientId, options.clientSecret, undefined, {
        ...(tongbanUrl.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  const app = Fastify({ logger: { level: options.logLevel ?? 'warn' } });
  await app.register(cookie);
  // Webhook bodies are verified byte for byte: keep JSON as the raw text.
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_req, body, done) => done(null, body),
  );
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'");
  });

  const sessionOf = (request: FastifyRequest) => sessions.get(request.cookies[SESSION_COOKIE]);
  const startSession = (reply: FastifyReply): PartnerSession => {
    const session = sessions.create();
    reply.setCookie(SESSION_COOKIE, session.id, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure,
    });
    return session;
  };
  const sendHtml = (reply: FastifyReply, body: string, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const checkCsrf = (session: PartnerSession | undefined, body: unknown) =>
    session !== undefined && (body as { csrf?: unknown } | undefined)?.csrf === session.csrf;

  /** A client whose token is refreshed (rotating refresh token) when it has run out. */
  const clientFor = (session: PartnerSession): TongbanClient =>
    createTongbanClient({
      baseUrl: tongbanUrl,
      accessToken: async () => {
        const resident = session.resident;
        if (!resident) return undefined;
        if (resident.accessTokenExpiresAt - Date.now() < 10_000 && resident.refreshToken) {
          const tokens = await oidc.refreshTokenGrant(await oidcConfig(), resident.refreshToken, {
            resource: apiResource,
          });
          resident.accessToken = tokens.access_token;
          resident.refreshToken = tokens.refresh_token ?? resident.refreshToken;
          resident.accessTokenExpiresAt = Date.now() + (tokens.expires_in ?? 900) * 1000;
        }
        return resident.accessToken;
      },
    });
  const failure = (error: unknown): string => {
    if (isTongbanApiError(error)) return `${error.message}（${error.code}）`;
    return '通办暂时无法访问 · Tongban cannot be reached right now';
  };

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/', async (request, reply) => {
    const session = sessionOf(request);
    if (!session?.resident) return sendHtml(reply, signedOutPage());
    const tongban = clientFor(session);
    const has = (scope: string) => session.resident!.scopes.includes(scope);
    const [socialInsurance, bills, applications] = await Promise.all([
      has('social_insurance')
        ? tongban.getSocialInsurance().then(
            (answer) => ({ record: answer.data as unknown as SocialInsuranceRecord }),
            (error: unknown) => ({ error: failure(error) }),
          )
        : { error: '未获授权 · not granted' },
      has('bills_payments')
        ? tongban.getBills().then(
            (answer) => ({ items: answer.items }),
            (error: unknown) => ({ error: failure(error) }),
          )
        : { error: '未获授权 · not granted' },
      has('applications.read')
        ? tongban.getApplications({ params: { query: { limit: 10 } } }).then(
            (answer) => ({ items: answer.items }),
            (error: unknown) => ({ error: failure(error) }),
          )
        : { error: '未获授权 · not granted' },
    ]);
    const data: HomeData = {
      name: session.resident.name ?? '通办用户 · Tongban user',
      csrf: session.csrf,
      flash: session.flash,
      events: inbox.of(session.resident.sub),
      socialInsurance,
      bills,
      applications,
      canPay: true,
    };
    session.flash = undefined;
    return sendHtml(reply, homePage(data));
  });

  app.get('/login', async (_request, reply) => {
    let config: oidc.Configuration;
    try {
      config = await oidcConfig();
    } catch (error) {
      logFailure(app, error);
      return sendHtml(
        reply,
        signedOutPage('通办暂时无法访问，请稍后再试 · Tongban cannot be reached; try again later'),
        503,
      );
    }
    const session = startSession(reply);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    session.login = { state, codeVerifier };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    });
    return reply.redirect(url.href, 303);
  });

  app.get('/callback', async (request, reply) => {
    const session = sessionOf(request);
    const login = session?.login;
    if (!session || !login)
      return sendHtml(
        reply,
        messagePage(['登录未完成', 'Sign-in not finished'], ['请重新登录。', 'Please sign in again.'], true),
        400,
      );
    session.login = undefined;
    const current = new URL(request.url, publicUrl);
    if (current.searchParams.get('error') === 'access_denied')
      return sendHtml(
        reply,
        messagePage(
          ['未授权', 'Not authorised'],
          ['您没有同意授权，本应用不会读取您的数据。', 'You did not consent; this app reads nothing.'],
        ),
      );
    try {
      const config = await oidcConfig();
      const tokens = await oidc.authorizationCodeGrant(
        config,
        current,
        { pkceCodeVerifier: login.codeVerifier, expectedState: login.state },
        { resource: apiResource },
      );
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      session.resident = {
        sub: claims.sub,
        name: null,
        accessToken: tokens.access_token,
        accessTokenExpiresAt: Date.now() + (tokens.expires_in ?? 900) * 1000,
        refreshToken: tokens.refresh_token,
        scopes: (tokens.scope ?? '').split(' ').filter(Boolean),
      };
      // The name, from the population register through the open API (scope profile).
      if (session.resident.scopes.includes('profile')) {
        const profile = await clientFor(session)
          .getProfile()
          .catch(() => undefined);
        const name = profile?.data.name;
        session.resident.name = typeof name === 'string' ? name : null;
      }
      return reply.redirect('/', 303);
    } catch (error) {
      logFailure(app, error);
      return sendHtml(
        reply,
        messagePage(
          ['登录失败', 'Sign-in failed'],
          ['通办未能完成登录，请重试。', 'Tongban could not finish the sign-in; try again.'],
          true,
        ),
        400,
      );
    }
  });

  // Pays one bill: an order through the open API, then the provider's cashier (its page, not ours).
  app.post('/bills/pay', async (request, reply) => {
    const session = sessionOf(request);
    if (!session?.resident) return reply.redirect('/', 303);
    if (!checkCsrf(session, request.body))
      return sendHtml(reply, signedOutPage('会话已失效，请重试 · Session expired, try again'), 403);
    const payableId = String((request.body as { payableId?: unknown }).payableId ?? '');
    try {
      const result = await clientFor(session).postPayments({
        params: { header: { 'idempotency-key': `lh-${session.id.slice(0, 12)}-${payableId}` } },
        body: { payableIds: [payableId] },
      });
      if (result.payUrl) return reply.redirect(result.payUrl, 303);
      session.flash = `订单 ${result.order.merchantOrderNo}：${result.order.state}`;
    } catch (error) {
      session.flash = failure(error);
    }
    return reply.redirect('/', 303);
  });

  app.post('/logout', async (request, reply) => {
    const session = sessionOf(request);
    if (session && checkCsrf(session, request.body)) sessions.delete(session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  // Tongban's webhooks: verified (signature over timestamp.body, timestamp window), deduplicated
  // by event id; a duplicate is answered 200 so Tongban stops retrying, and changes nothing.
  app.post(WEBHOOK_PATH, async (request, reply) => {
    const body = typeof request.body === 'string' ? request.body : '';
    try {
      const event = await verifyWebhook(
        { headers: request.headers as Record<string, string>, body },
        {
          secret: options.webhookSecrets,
          toleranceSeconds: options.webhookToleranceSeconds ?? 300,
          replayStore,
        },
      );
      inbox.add(event);
      return reply.code(200).send({ received: true });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      if (error.reason === 'duplicate') return reply.code(200).send({ received: false, duplicate: true });
      return reply.code(error.reason === 'bad_signature' ? 401 : 400).send({ error: error.reason });
    }
  });

  return { app, inbox };
}

function logFailure(app: FastifyInstance, error: unknown): void {
  app.log.warn({ err: error }, 'tongban call failed');
}
