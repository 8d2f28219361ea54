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
      (districts) => isCurrent && setState({ status: 'ready', districts }),
      (error: ApiError) => isCurrent && setState({ status: 'failed', error }),
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}

interface Named {
  nameZh: string;
  nameEn: string;
}

/** The name in the UI language: Chinese for zh-CN, English otherwise. */
export function localName(named: Named, language: string): string {
  return language === 'en' ? named.nameEn : named.nameZh;
}

/**
 * Translates a district or street name the server gave in one language, by finding
 * it in the reference list. Names it cannot find are shown as given.
 */
export function localisePlace(
  districts: District[] | null,
  language: string,
  place: { districtCode?: string | null; districtName?: string | null; streetName?: string | null },
): { district: string | null; street: string | null } {
  const district =
    districts?.find((d) => d.code === place.districtCode) ??
    districts?.find((d) => d.nameZh === place.districtName || d.nameEn === place.districtName);
  const candidates = district ? [district] : (districts ?? []);
  const street = place.streetName
    ? candidates
        .flatMap((d) => d.streets)
        .find((s) => s.nameZh === place.streetName || s.nameEn === place.streetName)
    : undefined;
  return {
    district: district ? localName(district, language) : (place.districtName ?? null),
    street: street ? localName(street, language) : (place.streetName ?? null),
  };
}
