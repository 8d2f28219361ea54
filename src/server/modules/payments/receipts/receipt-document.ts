// What an electronic payment receipt (电子缴费凭证) says, whether shown as a page or printed as a
// PDF: built once from a settled order, so both carry the same facts.
import type { ReceiptView } from '../../../../contracts/api/payment-receipts.ts';

/** What the page and the PDF print: the answer of GET /orders/:id/receipt. */
export type ReceiptDocument = ReceiptView;

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
