// Test helpers of the kiosk: a fake SMS gateway (a small local HTTP server that keeps what it was
// sent) and the terminal headers. Used by kiosk.test.ts and the kiosk's browser journey.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSmsServer {
  url: string;
  messages: { to: string; text: string }[];
  /** The six-digit code of the last message sent to `to`. */
  lastCode(to?: string): string;
  /** Answer every message with this status from now on (e.g. 503 to test failures). */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

export async function startFakeSmsServer(): Promise<FakeSmsServer> {
  const messages: { to: string; text: string }[] = [];
  let failure: number | null = null;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failure !== null) {
        response.writeHead(failure).end();
        return;
      }
      messages.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string });
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    messages,
    lastCode(to) {
      const message = [...messages].reverse().find((m) => to === undefined || m.to === to);
      const code = message ? /验证码 (\d{6})/.exec(message.text)?.[1] : undefined;
      if (!code) throw new Error(`no code sent${to ? ` to ${to}` : ''}`);
      return code;
    },
    failWith(status) {
      failure = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
