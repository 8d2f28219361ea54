// A session over the API without a browser (cookie + CSRF), as a mini-program or a script would
// sign in: for the set-up and the other officers' steps that a journey does not click through.
import { DEMO_PASSWORD } from './browser.ts';

export interface ApiSession {
  /** What /api/v1/me said after signing in. */
  me: { csrfToken: string; staff: { role: string }[] };
  /** Sends a request as this user; a body goes as JSON. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Signs `username` in at the server at `baseUrl`; throws when the sign-in is refused. */
export async function apiSession(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200)
    throw new Error(`${username} could not sign in: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const me = (await (
    await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie } })
  ).json()) as ApiSession['me'];
  return {
    me,
    call: (method, path, body, headers = {}) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': me.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? null : JSON.stringify(body),
      }),
  };
}
