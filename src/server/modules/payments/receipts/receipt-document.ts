// What an electronic payment receipt (电子缴费凭证) says, whether shown as a page or printed as a
// PDF: built once from a settled order, so both carry the same facts.

export interface ReceiptLine {
  /** e.g. "水费 2026-10 户号 310109****1234" or "罚款 沪A·12345 2026-09-01". */
  descriptionZh: string;
  descriptionEn: string;
  /** Who the money is for (收款单位), e.g. 上海城投水务 or 虹口区公安局交警支队. */
  payeeZh: string;
  amountFen: number;
}

export interface ReceiptDocument {
  orderNo: string;
  providerTxnNo: string;
  providerNameZh: string;
  providerNameEn: string;
  /** ISO-8601 UTC; printed in Asia/Shanghai time. */
  paidAt: string;
  /** The payer with most of the name hidden (张*丰) or an enterprise's name. */
  payerMasked: string;
  lines: ReceiptLine[];
  totalFen: number;
  /** A short code anyone can check the receipt by, together with the order number. */
  checkCode: string;
  /** What the QR code holds: the page where the receipt is checked. */
  checkUrl: string;
}

/** A person's name with all but its first (and, from three characters, its last) character hidden. */
export function maskPersonName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]!}*`;
  return `${characters[0]!}${'*'.repeat(characters.length - 2)}${characters.at(-1)!}`;
}

/** "2026-11-25 09:30:12" in Asia/Shanghai time, as Chinese receipts print it. */
export function shanghaiTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}
