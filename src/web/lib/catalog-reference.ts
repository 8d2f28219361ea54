// Departments and topics: reference lists with names in both languages, fetched once per
// visit and shared by the search, topic, service and authoring pages.
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { listDepartments, listTopics } from '../api/catalog-endpoints.ts';
import type { Department, TopicItem } from '../api/catalog-types.ts';

export type ReferenceState<T> =
  { status: 'loading' } | { status: 'ready'; items: T[] } | { status: 'failed'; error: ApiError };

const forgetters: (() => void)[] = [];

/** Drops the cached lists, e.g. after an admin renamed a department or a topic. */
export function forgetReferenceLists(): void {
  for (const forget of forgetters) forget();
}

function cachedLoader<T>(load: () => Promise<{ items: T[] }>): () => Promise<T[]> {
  let cached: Promise<T[]> | null = null;
  forgetters.push(() => {
    cached = null;
  });
  return () => {
    cached ??= load().then(
      (list) => list.items,
      (error: unknown) => {
        cached = null; // let the next page view try again
        throw error;
      },
    );
    return cached;
  };
}

const loadDepartments = cachedLoader(listDepartments);
const loadTopics = cachedLoader(listTopics);

function useReference<T>(load: () => Promise<T[]>): ReferenceState<T> {
  const [state, setState] = useState<ReferenceState<T>>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    load().then(
      (items) => {
        if (isCurrent) setState({ status: 'ready', items });
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
  }, [load]);
  return state;
}

export const useDepartments = () => useReference<Department>(loadDepartments);
export const useTopics = () => useReference<TopicItem>(loadTopics);

/** The items of a reference list, or an empty list while it loads or when it failed. */
export function itemsOf<T>(state: ReferenceState<T>): T[] {
  return state.status === 'ready' ? state.items : [];
}
