// Sends one delivery over HTTP(S). A webhook URL is chosen by an outside party, so unless the
// city allows local targets (the demo does) the URL must be https:// and every address it resolves
// to must be public: checked at connect time (not only when the URL is saved), so a name that
// later resolves to an internal address is refused too. Redirects are not followed.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

const NON_PUBLIC = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NON_PUBLIC.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 127],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NON_PUBLIC.addSubnet(address, prefix, 'ipv6');

/** True for loopback, private, link-local, CGNAT, multicast and other non-public addresses. */
export function isNonPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  // An IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return NON_PUBLIC.check(mapped[1]!, 'ipv4');
  return NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why a webhook URL is refused, or undefined when it is fine. */
export function webhookUrlProblem(raw: string, allowLocalTargets: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'credentials in the URL';
  if (url.hash) return 'a fragment';
  if (url.protocol === 'https:') {
    // fall through to the address check
  } else if (url.protocol === 'http:') {
    if (!allowLocalTargets) return 'not https://';
  } else return 'not https://';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowLocalTargets && (host === 'localhost' || (net.isIP(host) && isNonPublicAddress(host))))
    return 'a local or private address';
  return undefined;
}

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** POSTs the body with the headers; never throws: a failure comes back as `error`. */
export function sendWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowLocalTargets: boolean },
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = webhookUrlProblem(rawUrl, options.allowLocalTargets);
  if (problem) return Promise.resolve({ statusCode: null, error: `URL refused: ${problem}`, durationMs: 0 });
  const url = new URL(rawUrl);
  const guardedLookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as dns.LookupAddress[];
      const usable = options.allowLocalTargets ? list : list.filter((a) => !isNonPublicAddress(a.address));
      const first = usable[0];
      if (!first) return callback(new Error(`${hostname} resolves to no public address`), '', 0);
      if (lookupOptions.all) return callback(null, usable as never, 0);
      callback(null, first.address, first.family);
    });
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup,
        timeout: options.timeoutMs,
      },
      (response) => {
        // Only the status matters; the body is read (so the socket is freed) up to a small cap.
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > 64 * 1024) response.destroy();
        });
        response.on('end', () => finish({ statusCode: response.statusCode ?? null, error: null }));
        response.on('close', () => finish({ statusCode: response.statusCode ?? null, error: null }));
        response.on('error', () => finish({ statusCode: response.statusCode ?? null, error: null }));
      },
    );
    request.on('timeout', () => {
      request.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    });
    request.on('error', (error) => finish({ statusCode: null, error: error.message.slice(0, 500) }));
    request.end(body);
  });
}
