// A stand-alone demo of a department's own system (人社局's social insurance system): its own
// process, its own port, an API key in a header, realistic latency and occasional failures.
// The platform reads it over HTTP through the sharing gateway, like a real city would.
// Demo only: the data is invented (demo/registers) and the default key is public.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidIdNumber } from '../../src/contracts/id-number.ts';
import { socialInsuranceOf } from '../registers/social-insurance.ts';

import { DEMO_DEPARTMENT_API_KEY } from './demo-key.ts';

export { DEMO_DEPARTMENT_API_KEY };

export interface DepartmentBehaviour {
  /** Each answer waits a uniform random time in [min, max] milliseconds. */
  latencyMinMs: number;
  latencyMaxMs: number;
  /** Share of requests (0..1) answered with 503. */
  errorRate: number;
}

export interface DepartmentServerOptions extends Partial<DepartmentBehaviour> {
  port?: number;
  host?: string;
  apiKey?: string;
}

export interface DepartmentServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Stats {
  requests: number;
  served: number;
  failed: number;
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
}

/**
 * Starts the demo department server. Routes (all need header `x-api-key`):
 * `GET /v1/social-insurance/persons/{idNumber}?fields=a,b` (only the asked fields are sent),
 * `GET /v1/health`, `GET /v1/_stats`, and `POST /v1/_control` `{latencyMinMs, latencyMaxMs,
 * errorRate}` to change the behaviour while running (used by tests and demonstrations).
 */
export async function startDepartmentServer(
  options: DepartmentServerOptions = {},
): Promise<DepartmentServer> {
  const apiKey = options.apiKey ?? DEMO_DEPARTMENT_API_KEY;
  const behaviour: DepartmentBehaviour = {
    latencyMinMs: options.latencyMinMs ?? 30,
    latencyMaxMs: options.latencyMaxMs ?? 300,
    errorRate: options.errorRate ?? 0.02,
  };
  const stats: Stats = { requests: 0, served: 0, failed: 0 };
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.headers['x-api-key'] !== apiKey) return send(response, 401, { error: 'invalid api key' });
      if (url.pathname === '/v1/health') return send(response, 200, { ok: true });
      if (url.pathname === '/v1/_stats') return send(response, 200, stats);
      if (url.pathname === '/v1/_control' && request.method === 'POST') {
        const body = (await readJson(request)) as Partial<DepartmentBehaviour>;
        for (const key of ['latencyMinMs', 'latencyMaxMs', 'errorRate'] as const) {
          if (typeof body[key] === 'number') behaviour[key] = body[key];
        }
        return send(response, 200, behaviour);
      }
      const match = /^\/v1\/social-insurance\/persons\/([0-9X]{18})$/.exec(url.pathname);
      if (!match || request.method !== 'GET') return send(response, 404, { error: 'not found' });
      stats.requests += 1;
      const wait =
        behaviour.latencyMinMs + Math.random() * Math.max(0, behaviour.latencyMaxMs - behaviour.latencyMinMs);
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (Math.random() < behaviour.errorRate) {
        stats.failed += 1;
        return send(response, 503, { error: 'service temporarily unavailable' });
      }
      const idNumber = match[1]!;
      if (!isValidIdNumber(idNumber)) return send(response, 400, { error: 'invalid id number' });
      const record = socialInsuranceOf(idNumber) as unknown as Record<string, unknown>;
      const fields = url.searchParams.get('fields')?.split(',').filter(Boolean);
      const body = fields
        ? Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]]))
        : record;
      stats.served += 1;
      send(response, 200, body);
    })().catch(() => {
      if (!response.headersSent) send(response, 500, { error: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4100, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
