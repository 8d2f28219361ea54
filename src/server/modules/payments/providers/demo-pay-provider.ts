// The PaymentProvider adapter for the demo provider's protocol (demo/payment-provider, "演示支付"):
// merchant API authenticated by merchant id + key, notifications signed with HMAC-SHA256 over
// `${timestamp}.${rawBody}` with the merchant secret, the daily statement as CSV in yuan. A real
// provider (Alipay, WeChat Pay, UnionPay, Stripe) gets an adapter of its own behind the same port.
// Every call is safe to repeat at the provider (orders are keyed by merchantOrderNo, refunds by
// refundNo), so each is retried on timeouts and 5xx before ProviderUnavailableError.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import {
  ProviderRejectedError,
  ProviderSignatureError,
  ProviderUnavailableError,
  type CreateProviderOrder,
  type PaymentProvider,
  type ProviderNotification,
  type ProviderOrder,
  type StatementLine,
} from '../ports.ts';
import { OutsideClient, OutsideHttpError, OutsideUnavailableError } from './outside-http.ts';

export interface DemoPayProviderOptions {
  baseUrl: string;
  merchantId: string;
  merchantKey: string;
  merchantSecret: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** A notification signed longer ago (or further ahead) than this is refused as stale. */
  signatureToleranceSeconds?: number;
  now?: () => Date;
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `-12.30` yuan as -1230 fen, exactly (no floating point). */
export function yuanToFen(text: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new Error(`not an amount in yuan: "${text}"`);
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

export class DemoPayProvider implements PaymentProvider {
  readonly id = 'demopay';
  private readonly client: OutsideClient;

  constructor(private readonly options: DemoPayProviderOptions) {
    this.client = new OutsideClient({
      baseUrl: options.baseUrl,
      headers: { authorization: `Bearer ${options.merchantKey}`, 'x-merchant-id': options.merchantId },
      timeoutMs: options.timeoutMs,
      retries: options.retries,
    });
  }

  private async call<T>(
    path: string,
    init: { method?: 'GET' | 'POST'; body?: unknown; text?: boolean } = {},
  ) {
    try {
      return await this.client.call<T>(path, { ...init, retry: true });
    } catch (error) {
      if (error instanceof OutsideHttpError) throw new ProviderRejectedError(error.message, error.code);
      if (error instanceof OutsideUnavailableError) throw new ProviderUnavailableError(error.message);
      throw error;
    }
  }

  async createOrder(input: CreateProviderOrder) {
    const { body } = await this.call<{ providerOrderNo: string; payUrl: string; qrContent: string }>(
      '/v1/orders',
      {
        method: 'POST',
        body: input,
      },
    );
    return { providerOrderNo: body.providerOrderNo, payUrl: body.payUrl, qrContent: body.qrContent };
  }

  async queryOrder(merchantOrderNo: string): Promise<ProviderOrder | null> {
    try {
      const { body } = await this.call<ProviderOrder>(`/v1/orders/${encodeURIComponent(merchantOrderNo)}`);
      return body;
    } catch (error) {
      if (error instanceof ProviderRejectedError && error.code === 'ORDER_NOT_FOUND') return null;
      throw error;
    }
  }

  async refund(input: { merchantOrderNo: string; refundNo: string; amountFen: number; reason: string }) {
    const { body } = await this.call<{ providerRefundNo: string; state: 'pending' | 'succeeded' | 'failed' }>(
      '/v1/refunds',
      { method: 'POST', body: input },
    );
    return { providerRefundNo: body.providerRefundNo, state: body.state };
  }

  verifyNotification(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
  ): ProviderNotification {
    const timestamp = header(headers, 'x-demopay-timestamp');
    const signature = header(headers, 'x-demopay-signature');
    if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp))
      throw new ProviderSignatureError('the notification is not signed');
    const expected = Buffer.from(
      `v1=${createHmac('sha256', this.options.merchantSecret).update(`${timestamp}.${rawBody}`).digest('hex')}`,
    );
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new ProviderSignatureError('the notification signature is wrong');
    const now = (this.options.now?.() ?? new Date()).getTime() / 1000;
    if (Math.abs(now - Number(timestamp)) > (this.options.signatureToleranceSeconds ?? 300))
      throw new ProviderSignatureError('the notification signature is stale');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      throw new ProviderSignatureError('the notification body is not JSON');
    }
    if (body.merchantId !== this.options.merchantId)
      throw new ProviderSignatureError('the notification is for another merchant');
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
    const amountFen = body.amountFen;
    if (!Number.isInteger(amountFen) || !text('notificationId') || !text('merchantOrderNo'))
      throw new ProviderSignatureError('the notification lacks its order, amount or id');
    if (body.kind === 'order' && ['paid', 'closed', 'failed'].includes(text('state') ?? '')) {
      return {
        kind: 'order',
        notificationId: text('notificationId')!,
        merchantOrderNo: text('merchantOrderNo')!,
        providerOrderNo: text('providerOrderNo') ?? '',
        state: text('state') as 'paid' | 'closed' | 'failed',
        amountFen: amountFen as number,
        ...(text('providerTxnNo') ? { providerTxnNo: text('providerTxnNo') } : {}),
        ...(text('paidAt') ? { paidAt: text('paidAt') } : {}),
      };
    }
    if (body.kind === 'refund' && ['succeeded', 'failed'].includes(text('state') ?? '') && text('refundNo')) {
      return {
        kind: 'refund',
        notificationId: text('notificationId')!,
        merchantOrderNo: text('merchantOrderNo')!,
        refundNo: text('refundNo')!,
        providerRefundNo: text('providerRefundNo') ?? '',
        state: text('state') as 'succeeded' | 'failed',
        amountFen: amountFen as number,
        ...(text('refundedAt') ? { refundedAt: text('refundedAt') } : {}),
      };
    }
    throw new ProviderSignatureError('the notification is of an unknown kind or state');
  }

  async downloadStatement(date: string): Promise<StatementLine[]> {
    const { body } = await this.call<string>(`/v1/statements/${date}`, { text: true });
    const rows = parse(body, {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    return rows.slice(1).map((cells) => {
      const [time, type, merchantOrderNo, providerOrderNo, , refundNo, , amount, fee] = cells;
      const at = new Date(`${time!.replace(' ', 'T')}+08:00`).toISOString();
      const refund = type!.startsWith('退款');
      return {
        kind: refund ? ('refund' as const) : ('payment' as const),
        merchantOrderNo: merchantOrderNo!,
        providerOrderNo: providerOrderNo!,
        ...(refund ? { refundNo: refundNo! } : {}),
        amountFen: Math.abs(yuanToFen(amount!)),
        feeFen: yuanToFen(fee!),
        at,
      };
    });
  }
}
