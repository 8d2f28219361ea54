// The district and street reference list, fetched once per visit and shared by
// every page (it changes with administrative reforms, not between page views).
import { useEffect, useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { listDistricts } from '../api/endpoints.ts';
import type { District } from '../api/types.ts';

let cached: Promise<District[]> | null = null;

function loadDistricts(): Promise<District[]> {
  cached ??= listDistricts().then(
    (list) => list.items,
    (error: unknown) => {
      cached = null; // let the next page view try again
      throw error;
    },
  );
  return cached;
}

export type DistrictsState =
  { status: 'loading' } | { status: 'ready'; districts: District[] } | { status: 'failed'; error: ApiError };

export function useDistricts(): DistrictsState {
  const [state, setState] = useState<DistrictsState>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    loadDistricts().then(
      (districts) => {
        if (isCurrent) setState({ status: 'ready', districts });
      },
      (error: ApiError) => {
        if (isCurrent) setState({ status: 'failed', error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}
