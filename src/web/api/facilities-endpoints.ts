// Typed calls for the public facility finder: nearest facilities, one facility's page and the
// network's figures. Names come back in the page's language (Accept-Language).
import { api } from './client.ts';

export type FacilityTier = 'street' | 'area' | 'village';

export interface FacilityListItem {
  code: string;
  name: string;
  nameType: string;
  tier: FacilityTier;
  districtCode: string;
  districtName: string;
  streetCode: string;
  streetName: string;
  address: string;
  lat: number;
  lng: number;
  services: { key: string; name: string }[];
  /** e.g. `Mo-Fr 09:00-17:00; Sa 09:00-12:00` */
  openingHours: string;
  isOpenNow: boolean;
  /** Only when the search had a point (`near`). */
  distanceMeters?: number;
}

export interface FacilityPage extends FacilityListItem {
  builtYear: number;
  renovatedYear: number | null;
  operatorModel: 'self' | 'purchased';
  operatorName: string | null;
  staffCount: number | null;
  weeklyHours: { day: string; ranges: { from: string; to: string }[] }[];
  /** ISO-8601 with +08:00, or null when it never opens. */
  nextOpening: string | null;
  terminals: { id: string; model: string; installedOn: string }[];
}

export interface FacilityStats {
  total: number;
  byTier: Record<FacilityTier, number>;
  byNameType: Record<string, number>;
  builtOrRenovatedSince2014Share: number;
  purchasedServiceShare: number;
  byDistrict: {
    code: string;
    name: string;
    total: number;
    streetsWithFacilities: number;
    builtOrRenovatedSince2014Share: number;
    purchasedServiceShare: number;
  }[];
}

export interface FacilityQuery {
  /** `LAT,LNG` */
  near?: string;
  service?: string;
  tier?: FacilityTier;
  district?: string;
  openNow?: boolean;
  limit?: number;
  offset?: number;
}

function queryString(query: FacilityQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && value !== false) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const findFacilities = (query: FacilityQuery) =>
  api.get<{ items: FacilityListItem[]; total: number }>(`/api/v1/facilities${queryString(query)}`);
export const getFacility = (code: string) =>
  api.get<FacilityPage>(`/api/v1/facilities/${encodeURIComponent(code)}`);
export const getFacilityStats = () => api.get<FacilityStats>('/api/v1/facilities/stats');
