// node --import tsx examples/partner-app/main.ts --port 4000 --tongban http://localhost:3000
// Starts the demo partner app in its own process. With no credentials given it is the demo city's
// seeded partner app (client id, secret and webhook secret are DEMO ONLY and public).
import { parseArgs } from 'node:util';
import { DEMO_PARTNER_CLIENT_ID, DEMO_PARTNER_CLIENT_SECRET } from '../../demo/open-platform/demo-partner.ts';
import { DEMO_PARTNER_WEBHOOK_SECRET } from '../../demo/open-platform/demo-partner-webhook.ts';
import { createPartnerApp, DEFAULT_SCOPES } from './app.ts';

const USAGE = `Usage: node --import tsx examples/partner-app/main.ts --port N --tongban URL [options]

  --port N              port to listen on (default 4000)
  --host HOST           address to listen on (default 127.0.0.1)
  --tongban URL         Tongban's base URL = the OpenID Connect issuer (default http://localhost:3000)
  --public-url URL      this app's own base URL (default http://localhost:PORT); its redirect URI is
                        URL/callback and Tongban posts webhooks to URL/webhooks/tongban
  --client-id ID        (default: the demo partner, ${DEMO_PARTNER_CLIENT_ID})
  --client-secret S     (or TONGBAN_PARTNER_CLIENT_SECRET; default: the demo partner's)
  --webhook-secret S    (or TONGBAN_PARTNER_WEBHOOK_SECRET; repeat during a rotation; default: the demo's)
  --scope S             scopes to ask for (repeat; default ${DEFAULT_SCOPES.join(' ')})
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string', default: '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      tongban: { type: 'string', default: 'http://localhost:3000' },
      'public-url': { type: 'string' },
      'client-id': { type: 'string', default: DEMO_PARTNER_CLIENT_ID },
      'client-secret': { type: 'string' },
      'webhook-secret': { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}
try {
  values = parse().values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`--port must be a port number, got "${values.port}"`);
for (const [name, value] of [
  ['--tongban', values.tongban],
  ['--public-url', values['public-url']],
] as const)
  if (value !== undefined && !/^https?:\/\/[^\s/]+/.test(value))
    fail(`${name} must be an http(s) URL, got "${value}"`);

const { app } = await createPartnerApp({
  tongbanUrl: values.tongban!,
  publicUrl: values['public-url'] ?? `http://localhost:${port}`,
  clientId: values['client-id']!,
  clientSecret:
    values['client-secret'] ?? process.env.TONGBAN_PARTNER_CLIENT_SECRET ?? DEMO_PARTNER_CLIENT_SECRET,
  webhookSecrets:
    values['webhook-secret'] ??
    (process.env.TONGBAN_PARTNER_WEBHOOK_SECRET
      ? [process.env.TONGBAN_PARTNER_WEBHOOK_SECRET]
      : [DEMO_PARTNER_WEBHOOK_SECRET]),
  ...(values.scope ? { scopes: values.scope } : {}),
  logLevel: process.env.PARTNER_LOG_LEVEL ?? 'warn',
});
await app.listen({ port, host: values.host! });
process.stdout.write(
  `partner app (生活助手) on http://${values.host}:${port}, Tongban at ${values.tongban}\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
