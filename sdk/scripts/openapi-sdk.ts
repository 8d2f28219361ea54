// Turns the app's OpenAPI document into the SDK's generated sources: the document filtered to the
// open API (paths under /api/open/, and only the components they use, with a fixed `info`, so
// work on other routes never changes the SDK), its types by openapi-typescript, and a table of
// named operations. `npm run sdk:generate` writes them; sdk/test/generated.test.ts fails when the
// committed files differ from what the current app produces.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

export const SDK_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GENERATED_FILES = {
  document: path.join(SDK_DIR, 'openapi.json'),
  types: path.join(SDK_DIR, 'src/generated/open-api.ts'),
  operations: path.join(SDK_DIR, 'src/generated/operations.ts'),
} as const;

/** The paths the SDK covers. */
export const isOpenApiPath = (p: string): boolean => p.startsWith('/api/open/');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

function collectRefs(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') into.add(inner);
      else collectRefs(inner, into);
    }
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key]!)]),
    );
  return value;
}

/** The open API part of the app's document: its paths, the components they reach, a fixed info. */
export function filterOpenApi(document: JsonObject): JsonObject {
  const allPaths = (document.paths ?? {}) as JsonObject;
  const paths: JsonObject = {};
  for (const key of Object.keys(allPaths).sort()) if (isOpenApiPath(key)) paths[key] = allPaths[key]!;

  // Components reached from the paths, following references inside components too.
  const components = (document.components ?? {}) as Record<string, JsonObject>;
  const kept: Record<string, JsonObject> = {};
  const pending = new Set<string>();
  collectRefs(paths, pending);
  const seen = new Set<string>();
  while (pending.size > 0) {
    const ref = pending.values().next().value as string;
    pending.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
    if (!match) continue;
    const [, section, name] = match as unknown as [string, string, string];
    const target = components[section]?.[name];
    if (target === undefined) continue;
    (kept[section] ??= {})[name] = target;
    collectRefs(target, pending);
  }
  // Security schemes named by the kept operations.
  const schemes = new Set<string>();
  for (const item of Object.values(paths) as JsonObject[])
    for (const method of HTTP_METHODS) {
      const operation = item[method] as JsonObject | undefined;
      for (const requirement of (operation?.security ?? document.security ?? []) as JsonObject[])
        for (const name of Object.keys(requirement)) schemes.add(name);
    }
  for (const name of schemes) {
    const scheme = components.securitySchemes?.[name];
    if (scheme !== undefined) (kept.securitySchemes ??= {})[name] = scheme;
  }

  const filtered: JsonObject = {
    openapi: document.openapi ?? '3.1.0',
    info: {
      title: 'Tongban (通办) open API',
      version: '1',
      description:
        'The token-protected API partner apps call for a resident who consented (OAuth 2.0 / OpenID Connect, ' +
        'scopes per route), generated from the app. Errors: `{"error":{"code","message","details","requestId"}}`.',
    },
    paths,
  };
  if (Object.keys(kept).length > 0) filtered.components = kept;
  return sortKeys(filtered) as JsonObject;
}

const words = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1)));

/**
 * A method name for an operation: its operationId when the route names one, otherwise the HTTP
 * method and the path after /api/open/v1 (`{id}` becomes `ById`), e.g. `getMeBills`.
 */
export function operationName(method: string, routePath: string, operation: JsonObject): string {
  if (typeof operation.operationId === 'string' && /^[A-Za-z_$][\w$]*$/.test(operation.operationId))
    return operation.operationId;
  const rest = routePath.replace(/^\/api\/open\/v\d+\/?/, '');
  const parts = rest
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By-${param[1]}` : segment;
    });
  const name = words([method, ...parts].join('-')).join('');
  return name[0]!.toLowerCase() + name.slice(1);
}

async function format(source: string, filepath: string): Promise<string> {
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(source, { ...options, filepath });
}

const BANNER =
  '// Generated by `npm run sdk:generate` from the open API part of Tongban’s OpenAPI document.\n' +
  '// Do not edit: change the routes, then generate again (sdk/test/generated.test.ts checks it).\n';

/** The three generated files' contents for a filtered document. */
export async function renderSdkSources(
  filtered: JsonObject,
): Promise<Record<keyof typeof GENERATED_FILES, string>> {
  const document = JSON.stringify(filtered);
  // openapi-typescript changes the document it is given: give it a copy.
  const types = astToString(await openapiTS(structuredClone(filtered) as never, { alphabetize: true }));
  const entries: string[] = [];
  const names = new Set<string>();
  for (const [routePath, item] of Object.entries(filtered.paths as JsonObject))
    for (const method of HTTP_METHODS) {
      const operation = (item as JsonObject)[method] as JsonObject | undefined;
      if (!operation) continue;
      let name = operationName(method, routePath, operation);
      while (names.has(name)) name = `${name}_`;
      names.add(name);
      const summary = typeof operation.summary === 'string' ? operation.summary : '';
      const access = typeof operation['x-access'] === 'string' ? ` (${operation['x-access']})` : '';
      entries.push(
        `  /** ${(summary + access).replace(/\*\//g, '* /') || `${method.toUpperCase()} ${routePath}`} */\n` +
          `  ${name}: { method: '${method}', path: '${routePath}' },`,
      );
    }
  const operations =
    `${BANNER}\n/** Every operation of the open API: a method name, its HTTP method and path. */\n` +
    `export const OPERATIONS = {\n${entries.join('\n')}\n} as const;\n`;
  return {
    document: await format(document, GENERATED_FILES.document),
    types: await format(`${BANNER}\n${types}`, GENERATED_FILES.types),
    operations: await format(operations, GENERATED_FILES.operations),
  };
}

/**
 * The OpenAPI document of a freshly built app (an empty city on a throwaway SQLite file, no jobs,
 * no demo data: the document depends on the routes only).
 */
export async function openApiOfFreshApp(): Promise<JsonObject> {
  const { loadConfig } = await import('../../src/server/platform/config.ts');
  const { startRuntime } = await import('../../src/server/runtime.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-sdk-'));
  try {
    const config = loadConfig(
      {},
      { dataDir, databaseUrl: undefined, demo: false, jobsEnabled: false, logLevel: 'silent' },
    );
    const runtime = await startRuntime(config, { startJobs: false });
    try {
      await runtime.app.ready();
      const response = await runtime.app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json: ${response.statusCode}`);
      return response.json<JsonObject>();
    } finally {
      await runtime.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
