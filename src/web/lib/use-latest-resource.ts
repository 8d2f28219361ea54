import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export type LatestState<T> =
  | { status: 'loading'; previous: T | null }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: ApiError; previous: T | null };

/**
 * Loads what `key` names (a search, a service) and again when the key or the language
 * changes; while the next answer is on its way the previous one stays on screen, and an
 * answer that arrives after a newer request started is dropped.
 */
export function useLatestResource<T>(key: string, load: () => Promise<T>): LatestState<T> {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [state, setState] = useState<LatestState<T>>({ status: 'loading', previous: null });

  useEffect(() => {
    let isCurrent = true;
    setState((current) => ({ status: 'loading', previous: dataOf(current) }));
    load().then(
      (data) => {
        if (isCurrent) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!isCurrent) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED_RESPONSE', String(error), null);
        setState((current) => ({ status: 'failed', error: apiError, previous: dataOf(current) }));
      },
    );
    return () => {
      isCurrent = false;
    };
    // `load` is a new function each render; the key says when it asks for something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, language]);

  return state;
}

export function dataOf<T>(state: LatestState<T>): T | null {
  return state.status === 'ready' ? state.data : state.previous;
}
