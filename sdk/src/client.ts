// The open API client: openapi-fetch over the generated `paths` types, a bearer token on every
// call, the caller's language, and one named, typed method per operation (OPERATIONS) that
// returns the answer's data or throws a TongbanApiError.
import createClient, { type Client, type FetchOptions, type FetchResponse } from 'openapi-fetch';
import { TongbanApiError } from './errors.ts';
import type { paths } from './generated/open-api.ts';
import { OPERATIONS } from './generated/operations.ts';

type Operations = typeof OPERATIONS;
type OperationName = keyof Operations;
type PathOf<K extends OperationName> = Operations[K]['path'];
type MethodOf<K extends OperationName> = Operations[K]['method'];
type OperationOf<K extends OperationName> =
  PathOf<K> extends keyof paths
    ? MethodOf<K> extends keyof paths[PathOf<K>]
      ? paths[PathOf<K>][MethodOf<K>]
      : never
    : never;

type RequiredKeys<T> = { [P in keyof T]-?: object extends Pick<T, P> ? never : P }[keyof T];
/** What a named method takes: params (path, query) and body, as the operation declares them. */
export type OperationInit<K extends OperationName> = FetchOptions<OperationOf<K>>;
/** What a named method resolves to: the 2xx answer's JSON. */
export type OperationData<K extends OperationName> = NonNullable<
  FetchResponse<OperationOf<K> & Record<string | number, unknown>, object, 'application/json'>['data']
>;
type OperationArgs<K extends OperationName> =
  RequiredKeys<OperationInit<K>> extends never ? [init?: OperationInit<K>] : [init: OperationInit<K>];

export type TongbanMethods = {
  [K in OperationName]: (...args: OperationArgs<K>) => Promise<OperationData<K>>;
};

export interface TongbanClientOptions {
  /** Tongban's base URL, e.g. `https://tongban.example.gov.cn` (no trailing slash needed). */
  baseUrl: string;
  /** The access token, or a function giving the current one (called before each request). */
  accessToken?: string | (() => string | undefined | Promise<string | undefined>);
  /** `zh-CN` (default) or `en`: the language of error messages. */
  language?: 'zh-CN' | 'en';
  /** A fetch implementation, called with a Request (defaults to the global fetch). */
  fetch?: (request: Request) => Promise<Response>;
}

export type TongbanClient = TongbanMethods & {
  /** The underlying openapi-fetch client (`raw.GET('/api/open/v1/…')`), for anything else. */
  raw: Client<paths>;
};

/** Creates a client for the open API. */
export function createTongbanClient(options: TongbanClientOptions): TongbanClient {
  const raw = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  raw.use({
    async onRequest({ request }) {
      const token =
        typeof options.accessToken === 'function' ? await options.accessToken() : options.accessToken;
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      if (!request.headers.has('accept-language'))
        request.headers.set('accept-language', options.language ?? 'zh-CN');
      return request;
    },
  });
  const methods: Record<string, (init?: unknown) => Promise<unknown>> = {};
  for (const [name, operation] of Object.entries(OPERATIONS) as [
    string,
    { method: string; path: string },
  ][]) {
    methods[name] = async (init?: unknown) => {
      const request = raw.request as unknown as (
        method: string,
        path: string,
        init?: unknown,
      ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
      const { data, error, response } = await request(operation.method, operation.path, init);
      if (!response.ok) throw TongbanApiError.from(response, error);
      return data;
    };
  }
  return Object.assign(methods as unknown as TongbanMethods, { raw });
}
