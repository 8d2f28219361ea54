// The wire protocol of the demo payment provider ("演示支付 Demo Pay"), modelled on how Alipay,
// WeChat Pay and Stripe work:
//   - the merchant API is JSON over HTTP, authenticated by `authorization: Bearer <merchant key>`
//     and `x-merchant-id`;
//   - asynchronous notifications are POSTed to the order's notifyUrl as JSON, signed with
//     HMAC-SHA256 over `${timestamp}.${body}` with the merchant's notification secret:
//       x-demopay-timestamp:        unix seconds when this delivery attempt was signed
//       x-demopay-signature:        v1=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>
//       x-demopay-notification-id:  the same on every retry and duplicate of one notification
//     The provider retries (exponential backoff, capped) until the merchant answers 2xx;
//   - the daily statement (对账单) is a UTF-8 CSV (with BOM) of the payments and refunds that
//     completed on a date in Asia/Shanghai, with the provider's fee on each line.
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-demopay-signature';
export const TIMESTAMP_HEADER = 'x-demopay-timestamp';
export const NOTIFICATION_ID_HEADER = 'x-demopay-notification-id';

/** `v1=<hex>`: the signature of one delivery of a notification. */
export function signNotification(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai (UTC+8, no DST). */
export function shanghaiDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, as statements print times. */
export function shanghaiDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The column header of the statement CSV (Chinese with English, like the providers' files). */
export const STATEMENT_COLUMNS = [
  '交易时间(北京时间) time',
  '交易类型 type',
  '商户订单号 merchant order no',
  '支付机构订单号 provider order no',
  '支付机构交易号 provider txn no',
  '商户退款单号 refund no',
  '支付机构退款单号 provider refund no',
  '金额(元) amount (CNY)',
  '手续费(元) fee (CNY)',
] as const;

/** Integer fen as `12.34` yuan. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
