// The BillerGateway adapter for the demo billers' protocol (demo/billers: one server for the water,
// electricity and gas companies, `x-api-key`). Reads (account check, bills, confirmations) are
// retried on timeouts and 5xx; a payment push is tried once per call with a timeout (the caller's
// durable job retries it: the biller is idempotent on paymentRef, so a repeat is harmless).
// A 4xx answer is the biller's final word: BillerRejectedError with its code as the reason.
import {
  BillerRejectedError,
  BillerUnavailableError,
  type BillerBill,
  type BillerGateway,
  type UtilityKind,
} from '../ports.ts';
import { OutsideClient, OutsideHttpError, OutsideUnavailableError } from '../providers/outside-http.ts';

export interface HttpBillerGatewayOptions {
  baseUrl: string;
  apiKey: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries of a read after the first attempt. */
  retries: number;
}

export type BillerConfirmation = Awaited<ReturnType<BillerGateway['confirmations']>>[number];

export class HttpBillerGateway implements BillerGateway {
  private readonly client: OutsideClient;

  constructor(options: HttpBillerGatewayOptions) {
    this.client = new OutsideClient({
      baseUrl: options.baseUrl,
      headers: { 'x-api-key': options.apiKey },
      timeoutMs: options.timeoutMs,
      retries: options.retries,
    });
  }

  private async call<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; retry: boolean }) {
    try {
      return (await this.client.call<T>(path, init)).body;
    } catch (error) {
      if (error instanceof OutsideHttpError) throw new BillerRejectedError(error.message, error.code);
      if (error instanceof OutsideUnavailableError) throw new BillerUnavailableError(error.message);
      throw error;
    }
  }

  checkAccount(kind: UtilityKind, accountNumber: string, address: string) {
    return this.call<
      | { ok: true; holderMasked: string; address: string }
      | { ok: false; reason: 'not_found' | 'address_mismatch' }
    >(`/v1/${kind}/accounts/check`, { method: 'POST', body: { accountNumber, address }, retry: true });
  }

  async fetchBills(kind: UtilityKind, accountNumber: string): Promise<BillerBill[]> {
    const body = await this.call<{ bills: BillerBill[] }>(
      `/v1/${kind}/accounts/${encodeURIComponent(accountNumber)}/bills`,
      { retry: true },
    );
    return body.bills;
  }

  async pushPayment(
    kind: UtilityKind,
    input: { billNo: string; accountNumber: string; amountFen: number; paymentRef: string },
  ): Promise<{ confirmationNo: string }> {
    const body = await this.call<{ confirmationNo: string }>(`/v1/${kind}/payments`, {
      method: 'POST',
      body: input,
      retry: false,
    });
    return { confirmationNo: body.confirmationNo };
  }

  async confirmations(kind: UtilityKind, date: string): Promise<BillerConfirmation[]> {
    const body = await this.call<{ confirmations: BillerConfirmation[] }>(
      `/v1/${kind}/confirmations?date=${encodeURIComponent(date)}`,
      { retry: true },
    );
    return body.confirmations.map(({ billNo, paymentRef, amountFen, confirmationNo, confirmedAt }) => ({
      billNo,
      paymentRef,
      amountFen,
      confirmationNo,
      confirmedAt,
    }));
  }
}
