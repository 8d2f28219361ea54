import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { FINAL_ORDER_STATES, getOrder, type PaymentOrderDetail } from '../../api/payments-endpoints.ts';

export type OrderWatch =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; order: PaymentOrderDetail; isFinal: boolean; hasGivenUp: boolean };

const POLL_MS = 1500;
/** After this long without a final answer the page stops asking and offers to check again. */
const GIVE_UP_MS = 3 * 60_000;

/**
 * Reads the order and reads it again every 1.5 s until the provider's answer is final (paid,
 * closed, failed). Each read of a waiting order asks the provider too, so a lost notification
 * does not leave the payer waiting. `pollMs` null: read once.
 */
export function useOrderUntilFinal(
  orderId: string,
  pollMs: number | null = POLL_MS,
): [OrderWatch, () => void] {
  const [watch, setWatch] = useState<OrderWatch>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const startedAt = useRef(Date.now());

  useEffect(() => {
    let isCurrent = true;
    let timer: number | undefined;
    startedAt.current = Date.now();
    const read = async () => {
      try {
        const order = await getOrder(orderId);
        if (!isCurrent) return;
        const isFinal = FINAL_ORDER_STATES.includes(order.state);
        const hasGivenUp = !isFinal && Date.now() - startedAt.current > GIVE_UP_MS;
        setWatch({ status: 'ready', order, isFinal, hasGivenUp });
        if (!isFinal && !hasGivenUp && pollMs !== null) timer = window.setTimeout(() => void read(), pollMs);
      } catch (caught) {
        if (!isCurrent) return;
        const error =
          caught instanceof ApiError ? caught : new ApiError(0, 'UNEXPECTED_RESPONSE', String(caught), null);
        // A network blip while waiting: keep the last answer and try again.
        if ((error.status === 0 || error.status >= 500) && pollMs !== null) {
          timer = window.setTimeout(() => void read(), pollMs * 2);
          setWatch((current) => (current.status === 'ready' ? current : { status: 'failed', error }));
          return;
        }
        setWatch({ status: 'failed', error });
      }
    };
    void read();
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [orderId, pollMs, round]);

  const again = useCallback(() => setRound((value) => value + 1), []);
  return [watch, again];
}
