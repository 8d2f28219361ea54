import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export type ResourceState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ApiError };

/**
 * Loads one API resource for a component, again when the language changes (the
 * server localises names and messages), and on `reload()`.
 */
export function useApiResource<T>(load: () => Promise<T>): [ResourceState<T>, () => void, (data: T) => void] {
  const { i18n } = useTranslation();
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const language = i18n.resolvedLanguage;

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (data) => {
        if (isCurrent) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!isCurrent) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED_RESPONSE', String(error), null);
        setState({ status: 'failed', error: apiError });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load, generation, language]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return [state, reload, replace];
}
