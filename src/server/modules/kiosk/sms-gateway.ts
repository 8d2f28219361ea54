// Where the kiosk's one-time codes go: an SMS gateway over HTTP in a real city, a log line in the
// demo. The gateway contract is deliberately small (POST JSON {to, text}) so that any provider's
// adapter, or the tests' fake server, can stand behind it.
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../../platform/errors.ts';

export interface SmsMessage {
  /** A mainland mobile number, e.g. 13800001001. */
  to: string;
  text: string;
}

export interface SmsGateway {
  /** Sends one message; throws KIOSK_SMS_FAILED when the gateway does not accept it. */
  send(message: SmsMessage): Promise<void>;
}

const SEND_TIMEOUT_MS = 5000;

/** Posts `{to, text}` as JSON to the gateway URL; any 2xx answer means accepted. */
export class HttpSmsGateway implements SmsGateway {
  constructor(private readonly url: string) {}

  async send(message: SmsMessage): Promise<void> {
    let status = 0;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
    } catch {
      throw new AppError('KIOSK_SMS_FAILED');
    }
    if (status < 200 || status >= 300) throw new AppError('KIOSK_SMS_FAILED');
  }
}

/** DEMO ONLY: writes the message to the log instead of sending it. */
export class LogSmsGateway implements SmsGateway {
  constructor(private readonly log: FastifyBaseLogger) {}

  async send(message: SmsMessage): Promise<void> {
    this.log.info({ to: maskPhone(message.to), text: message.text }, 'SMS (demo, not sent)');
  }
}

/** 13800001001 → 138****1001. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
