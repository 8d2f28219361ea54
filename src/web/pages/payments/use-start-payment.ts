import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { createPayment } from '../../api/payments-endpoints.ts';

/**
 * Starts paying the chosen payables and sends the browser to the provider's cashier page. One
 * Idempotency-Key per choice: a second click, or a retry after a lost answer, is the same order.
 */
export function useStartPayment(enterpriseId: string | undefined) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const attempt = useRef<{ choice: string; key: string } | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(payableIds: string[]): Promise<void> {
    if (payableIds.length === 0 || isStarting) return;
    const choice = [...payableIds].sort().join(',') + `|${enterpriseId ?? ''}`;
    if (attempt.current?.choice !== choice) attempt.current = { choice, key: crypto.randomUUID() };
    setIsStarting(true);
    setError(null);
    try {
      const result = await createPayment(
        { payableIds, ...(enterpriseId ? { enterpriseId } : {}), channel: 'online' },
        attempt.current.key,
      );
      if (result.payUrl) {
        window.location.assign(result.payUrl);
        return;
      }
      await navigate(`/payments/orders/${result.order.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('errors.unexpected'));
      // A refusal (already paid, in another order) will not change on retry: a new choice, new key.
      if (caught instanceof ApiError && caught.status >= 400 && caught.status < 500) attempt.current = null;
      setIsStarting(false);
    }
  }

  return { start, isStarting, error };
}
