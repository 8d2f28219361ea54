// The route-by-role refusal matrix: every operation the OpenAPI document publishes, called by
// an anonymous caller and by every demo account. The route-level rule each operation declares
// in `x-access` decides who must be turned away (401 AUTH_REQUIRED / 403 AUTH_FORBIDDEN) before
// any handler runs; everyone else must get past the gate (ownership checks inside the services
// may still refuse them, which is what the modules' own *.authz.test.ts files look at).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../support/app.ts';
import { describeEachDialect } from '../support/dialects.ts';
import { makeIdNumber } from '../../src/contracts/id-number.ts';
import type { StaffRole } from '../../src/server/modules/identity/identity.tables.ts';

/** What the route-level rules look at, per demo account (from CONTRACT.md and demo/seed.ts). */
interface RoleFacts {
  kind: 'resident' | 'staff' | 'admin';
  hasPerson: boolean;
  staffRoles: StaffRole[];
  isAdmin: boolean;
}

const resident: RoleFacts = { kind: 'resident', hasPerson: true, staffRoles: [], isAdmin: false };
const staff = (role: StaffRole): RoleFacts => ({
  kind: 'staff',
  hasPerson: false,
  staffRoles: [role],
  isAdmin: false,
});

const DEMO_ROLES: Record<string, RoleFacts> = {
  'demo-resident': resident,
  'demo-resident2': resident,
  'demo-enterprise': resident,
  'demo-legal-rep': resident,
  'demo-clerk': staff('window_clerk'),
  'demo-reviewer': staff('reviewer'),
  'demo-approver': staff('approver'),
  'demo-office-admin': staff('office_admin'),
  'demo-clerk-pudong': staff('window_clerk'),
  'demo-manager': staff('service_manager'),
  'demo-desk-head': staff('office_admin'),
  'demo-contractor': resident,
  'demo-operator': staff('operator'),
  'demo-admin': { kind: 'admin', hasPerson: false, staffRoles: [], isAdmin: true },
};

/**
 * Operations whose service refuses an allowed caller for something named in the body or query
 * rather than the path (e.g. "member of the enterprise in body.enterpriseId"). Elsewhere an
 * allowed caller may only be refused (403) when the path names a resource that is not theirs.
 */
const OWNERSHIP_CHECKED_OUTSIDE_THE_PATH = new Set<string>([
  // An office admin may only create services of their own department, named in the body.
  'POST /api/v1/admin/catalog',
  // A policy is issued by an office named in the body; only its admins (or platform admins) may.
  'POST /api/v1/desk/policy-library',
]);

/**
 * 401 codes that are about a credential the request itself carries rather than the session: a
 * wrong password at sign-in, a missing or wrong facility device key (`x-facility-key`).
 */
const OWN_CREDENTIAL_REFUSALS = new Set([
  'AUTH_INVALID_CREDENTIALS',
  'FACILITY_KEY_INVALID',
  // The open API (/api/open/v1) takes a bearer access token, never the session.
  'OPEN_TOKEN_INVALID',
]);

const ANONYMOUS = 'anonymous';
const ROLES = [ANONYMOUS, ...Object.keys(DEMO_ROLES)];
const LOGOUT = 'POST /api/v1/auth/logout';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Mirrors isAllowed() in platform/auth/access.ts, but reads the published form (`describeAccess`),
 * so the matrix checks what the API promises rather than re-running the server's own function.
 */
function passesRouteRule(xAccess: string, facts: RoleFacts | null): boolean {
  return xAccess.split(' or ').some((term) => {
    if (term === 'public') return true;
    if (term === 'signedIn') return facts !== null;
    if (term === 'resident') return facts?.kind === 'resident' && facts.hasPerson;
    if (term === 'admin') return facts?.isAdmin === true;
    if (term === 'staff') return (facts?.staffRoles.length ?? 0) > 0;
    if (term.startsWith('staff:')) {
      const roles = term.slice('staff:'.length).split('|');
      return facts?.staffRoles.some((role) => roles.includes(role)) ?? false;
    }
    throw new Error(`x-access term "${term}" is unknown to the matrix; teach passesRouteRule about it`);
  });
}

const ACCESS_GRAMMAR =
  /^(public|signedIn|resident|admin|staff(:[a-z_]+(\|[a-z_]+)*)?)( or (public|signedIn|resident|admin|staff(:[a-z_]+(\|[a-z_]+)*)?))*$/;

interface JsonSchema {
  type?: string | string[];
  format?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  required?: string[];
  properties?: Record<string, JsonSchema>;
}

interface Operation {
  method: string;
  path: string;
  xAccess: unknown;
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/**
 * A minimal value that passes the schema, so callers who do pass the gate reach the handler.
 * Values are harmless: an ID number outside the demo register, a username nobody has.
 */
function sampleFor(schema: JsonSchema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.[0]) return sampleFor(variants[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, sampleFor(schema.properties?.[name])]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleFor(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      switch (schema.format) {
        case 'date-time':
          return new Date(Date.now() + 86_400_000).toISOString();
        case 'date':
          return '2030-01-01';
        case 'uuid':
          return randomUUID();
        case 'email':
          return 'matrix@example.org';
        case 'cn-id-number':
          return makeIdNumber('110101', '19800101', 999);
        case 'cn-mobile':
          return '13800009999';
        default:
          return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
      }
  }
}

function requestFor(operation: Operation): { url: string; payload: unknown } {
  const pathValues = new Map<string, string>();
  const query = new URLSearchParams();
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'path') pathValues.set(parameter.name, randomUUID());
    if (parameter.in === 'query' && parameter.required) {
      query.set(parameter.name, String(sampleFor(parameter.schema)));
    }
  }
  const path = operation.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => pathValues.get(name) ?? randomUUID(),
  );
  const search = query.size > 0 ? `?${query.toString()}` : '';
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  return { url: `${path}${search}`, payload: bodySchema ? sampleFor(bodySchema) : undefined };
}

function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } } | null)?.error?.code;
  } catch {
    return undefined;
  }
}

describeEachDialect('route-by-role refusal matrix', (dialect) => {
  let t: TestApp;
  let operations: Operation[] = [];
  const sessions = new Map<string, TestSession>();

  beforeAll(async () => {
    // Thirteen callers each sign in once and then hit the (rate-limited) sign-in route again as
    // part of the matrix; the limit itself is not what this file is about.
    t = await buildTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    const spec = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const paths = spec.json().paths as Record<string, Record<string, Record<string, unknown>>>;
    operations = Object.entries(paths).flatMap(([path, item]) =>
      HTTP_METHODS.flatMap((method) => {
        const operation = item[method];
        if (!operation) return [];
        return [
          {
            method: method.toUpperCase(),
            path,
            xAccess: operation['x-access'],
            parameters: operation.parameters as Operation['parameters'],
            requestBody: operation.requestBody as Operation['requestBody'],
          },
        ];
      }),
    );
    for (const username of Object.keys(DEMO_ROLES)) sessions.set(username, await loginAs(t.app, username));
  });
  afterAll(() => t.close());

  it('publishes every operation with an x-access rule, and hides only the docs', () => {
    expect(operations.length).toBeGreaterThan(0);
    const missing = operations
      .filter((op) => typeof op.xAccess !== 'string' || !ACCESS_GRAMMAR.test(op.xAccess))
      .map((op) => `${op.method} ${op.path}: x-access ${JSON.stringify(op.xAccess)}`);
    expect(missing, 'operations without a well-formed x-access').toEqual([]);
    const published = new Set(operations.map((op) => op.path));
    expect(published.has('/api/openapi.json')).toBe(false);
    expect([...published].filter((path) => path.startsWith('/api/docs'))).toEqual([]);
    for (const known of ['/api/v1/me', '/api/v1/people/{id}', '/api/v1/admin/audit/verify']) {
      expect(published.has(known), `${known} is published`).toBe(true);
    }
  });

  it('the demo accounts are what the matrix assumes', async () => {
    for (const [username, facts] of Object.entries(DEMO_ROLES)) {
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: sessions.get(username)!.cookie },
      });
      expect(me.statusCode, username).toBe(200);
      const body = me.json() as {
        user: { kind: string };
        person: unknown;
        staff: { role: string }[];
        isAdmin: boolean;
      };
      expect(
        {
          kind: body.user.kind,
          hasPerson: body.person !== null,
          staffRoles: body.staff.map((post) => post.role),
          isAdmin: body.isAdmin,
        },
        username,
      ).toEqual(facts);
    }
  });

  // Runs last: it signs every session out (logout is the final operation for each role).
  it('refuses exactly the callers x-access excludes, with the right status and code', async () => {
    const ordered = [
      ...operations.filter((op) => `${op.method} ${op.path}` !== LOGOUT),
      ...operations.filter((op) => `${op.method} ${op.path}` === LOGOUT),
    ];
    const failures: string[] = [];
    const exercised = new Map<string, Set<string>>();
    for (const role of ROLES) {
      const session = role === ANONYMOUS ? undefined : sessions.get(role)!;
      const facts = role === ANONYMOUS ? null : DEMO_ROLES[role]!;
      for (const operation of ordered) {
        const label = `${operation.method} ${operation.path} as ${role}`;
        const rule = String(operation.xAccess);
        const { url, payload } = requestFor(operation);
        const headers: Record<string, string> = {};
        if (session) {
          headers.cookie = session.cookie;
          if (WRITE_METHODS.has(operation.method)) headers['x-csrf-token'] = session.csrfToken;
        }
        const response = await t.app.inject({
          method: operation.method as 'GET',
          url,
          headers,
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });
        const key = `${operation.method} ${operation.path}`;
        exercised.set(key, (exercised.get(key) ?? new Set()).add(role));
        const status = response.statusCode;
        const code = errorCode(response.body);
        const got = `${status} ${code ?? '(no error code)'}`;
        if (!passesRouteRule(rule, facts)) {
          const expected = role === ANONYMOUS ? '401 AUTH_REQUIRED' : '403 AUTH_FORBIDDEN';
          if (got !== expected) failures.push(`${label} [${rule}]: expected ${expected}, got ${got}`);
          // The gate comes before validation: a refused caller learns nothing about the schema.
          if (payload !== undefined) {
            const empty = await t.app.inject({
              method: operation.method as 'GET',
              url,
              headers,
              payload: {},
            });
            const gotEmpty = `${empty.statusCode} ${errorCode(empty.body) ?? '(no error code)'}`;
            if (gotEmpty !== expected) {
              failures.push(`${label} [${rule}] with an empty body: expected ${expected}, got ${gotEmpty}`);
            }
          }
        } else if (
          status === 403 &&
          code === 'AUTH_FORBIDDEN' &&
          !operation.path.includes('{') &&
          !OWNERSHIP_CHECKED_OUTSIDE_THE_PATH.has(key)
        ) {
          failures.push(
            `${label} [${rule}]: allowed by the route rule but refused 403 on an operation that names no ` +
              'resource (list it in OWNERSHIP_CHECKED_OUTSIDE_THE_PATH if the service checks ownership of the body)',
          );
        } else if (
          status >= 500 ||
          code === 'AUTH_REQUIRED' ||
          code === 'AUTH_CSRF_INVALID' ||
          (status === 401 && !OWN_CREDENTIAL_REFUSALS.has(code ?? ''))
        ) {
          failures.push(`${label} [${rule}]: allowed by the route rule, got ${got}`);
        }
      }
    }
    expect(failures, 'route-level access matrix').toEqual([]);

    const missed = operations
      .map((op) => `${op.method} ${op.path}`)
      .flatMap((key) => {
        const roles = exercised.get(key) ?? new Set();
        return ROLES.filter((role) => !roles.has(role)).map((role) => `${key} as ${role}`);
      });
    expect(missed, 'operations the matrix did not call').toEqual([]);
    expect([...exercised.values()].reduce((n, roles) => n + roles.size, 0)).toBe(
      operations.length * ROLES.length,
    );
  }, 180_000); // every operation × every demo role, on both databases; grows with the API
});
