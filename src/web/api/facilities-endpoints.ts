// Typed calls for the public facility finder: nearest facilities, one facility's page and the
// network's figures. Names come back in the page's language (Accept-Language).
import i18n from '../i18n/index.ts';
import { api, ApiError, requestLanguage } from './client.ts';
import type { Me } from './types.ts';

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
  street?: string;
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
  api.get<{
    items: FacilityListItem[];
    total: number;
    facets: { services: { key: string; name: string; count: number }[] };
  }>(`/api/v1/facilities${queryString(query)}`);
export const getFacility = (code: string) =>
  api.get<FacilityPage>(`/api/v1/facilities/${encodeURIComponent(code)}`);
export const getFacilityStats = () => api.get<FacilityStats>('/api/v1/facilities/stats');

// ---- The operator console (operators of a street office; platform admins) ----

export type CapacityUnit = 'staff_hours' | 'slots';
export type UsageBand = 'under' | 'normal' | 'over' | 'no_capacity';

export interface HourOfWeek {
  visits: number;
  demandHours: number;
  capacityHours: number;
  utilisation: number | null;
}

export interface ServiceUtilisation {
  serviceKey: string;
  serviceName: string;
  unit: CapacityUnit | null;
  weeklyCapacity: number;
  capacity: number;
  demand: number;
  sessions: number;
  utilisation: number | null;
  band: UsageBand;
}

export interface ConsoleFacility {
  code: string;
  name: string;
  tier: FacilityTier;
  openingHours: string;
  staffCount: number | null;
  services: { key: string; name: string }[];
  capacities: { serviceKey: string; unit: CapacityUnit; weeklyAmount: number; updatedAt: string }[];
  terminals: { active: number; retired: number };
  utilisation: {
    weeks: number;
    checkIns: number;
    sessions: number;
    terminalTransactions: number;
    utilisation: number | null;
    services: ServiceUtilisation[];
    hours: HourOfWeek[];
  } | null;
}

export interface FacilitySide {
  facilityCode: string;
  weeklyCapacity: number;
  weeklyDemand: number;
  utilisation: number;
  weeklyCapacityAfter: number;
  utilisationAfter: number;
}

export interface Recommendation {
  id: string;
  streetCode: string;
  serviceKey: string;
  serviceName: string;
  unit: CapacityUnit;
  amount: number;
  from: { code: string; name: string };
  to: { code: string; name: string };
  rule: string;
  ruleParameters: { underUsed: number; overUsed: number; target: number } | null;
  figures: { weeks: number; from: FacilitySide; to: FacilitySide };
  status: 'open' | 'accepted' | 'dismissed' | 'superseded';
  computedAt: string;
}

export interface StreetConsole {
  street: { code: string; name: string };
  district: { code: string; name: string };
  window: { from: string; to: string; computedAt: string } | null;
  facilities: ConsoleFacility[];
  hours: HourOfWeek[];
  recommendations: Recommendation[];
}

export interface ConsoleStreets {
  isAdmin: boolean;
  districts: { code: string; name: string; streets: { code: string; name: string }[] }[];
}

export interface DistrictConsole {
  district: { code: string; name: string };
  streets: {
    code: string;
    name: string;
    facilities: number;
    measuredFacilities: number;
    visits: number;
    utilisation: number | null;
    overUsedServices: number;
    underUsedServices: number;
    openRecommendations: number;
  }[];
}

export interface ConsoleTerminal {
  id: string;
  model: string;
  installedOn: string;
  status: 'active' | 'retired';
  retiredOn: string | null;
}

export interface FacilityTerminals {
  facilityCode: string;
  facilityName: string;
  deviceKey: { keyId: string; createdAt: string } | null;
  terminals: ConsoleTerminal[];
}

const enc = encodeURIComponent;

export const getConsoleStreets = () => api.get<ConsoleStreets>('/api/v1/facility-console/streets');
export const getStreetConsole = (street: string) =>
  api.get<StreetConsole>(`/api/v1/facility-console/streets/${enc(street)}`);
export const getDistrictConsole = (district: string) =>
  api.get<DistrictConsole>(`/api/v1/facility-console/districts/${enc(district)}`);
export const recomputeStreet = (street: string) =>
  api.post<{ jobId: string }>(`/api/v1/facility-console/streets/${enc(street)}/recompute`);
export const setCapacity = (
  code: string,
  service: string,
  body: { unit: CapacityUnit; weeklyAmount: number },
) => api.put<unknown>(`/api/v1/facility-console/facilities/${enc(code)}/capacities/${enc(service)}`, body);
export const acceptRecommendation = (id: string) =>
  api.post<{ id: string; status: string }>(`/api/v1/facility-console/recommendations/${enc(id)}/accept`);
export const dismissRecommendation = (id: string, reason: string) =>
  api.post<{ id: string; status: string }>(`/api/v1/facility-console/recommendations/${enc(id)}/dismiss`, {
    reason,
  });
export const getFacilityTerminals = (code: string) =>
  api.get<FacilityTerminals>(`/api/v1/facility-console/facilities/${enc(code)}/terminals`);
export const addTerminal = (code: string, body: { model: string; installedOn: string }) =>
  api.post<ConsoleTerminal>(`/api/v1/facility-console/facilities/${enc(code)}/terminals`, body);
export const retireTerminal = (code: string, terminal: string, retiredOn: string) =>
  api.post<ConsoleTerminal>(
    `/api/v1/facility-console/facilities/${enc(code)}/terminals/${enc(terminal)}/retire`,
    { retiredOn },
  );
export const rotateFacilityKey = (code: string) =>
  api.post<{ keyId: string; key: string; createdAt: string; revoked: number }>(
    `/api/v1/facilities/${enc(code)}/keys`,
  );

export interface ImportCounts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  bad: number;
}

export interface FacilityImport {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  status: 'previewed' | 'applying' | 'applied' | 'stale' | 'failed';
  streetScope: string[] | null;
  previewedAt: string;
  preview: ImportCounts & {
    badRows: { line: number; code: string; reason: string }[];
    changes: {
      line: number;
      code: string;
      name: string;
      diffs: { field: string; from: string | number | null; to: string | number | null }[];
    }[];
    newRows: { line: number; code: string; name: string }[];
  };
  progress: { appliedRows: number; toApply: number };
  result: ImportCounts | null;
  finishedAt: string | null;
}

/** The server's upload limit for a facilities CSV. */
export const FACILITY_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const getFacilityImport = (id: string) =>
  api.get<FacilityImport>(`/api/v1/facility-imports/${enc(id)}`);
export const applyFacilityImport = (id: string) =>
  api.post<FacilityImport>(`/api/v1/facility-imports/${enc(id)}/apply`);

let csrfToken: string | null = null;

/**
 * Uploads a CSV for its preview through XMLHttpRequest (for upload progress); the CSRF token comes
 * from GET /api/v1/me and is fetched again once if the server says it is stale.
 */
export async function uploadFacilityCsv(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<FacilityImport> {
  const token = async (refresh: boolean) => {
    if (!csrfToken || refresh) csrfToken = (await api.get<Me>('/api/v1/me')).csrfToken;
    return csrfToken;
  };
  try {
    return await sendCsv(file, await token(false), onProgress);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'AUTH_CSRF_INVALID') throw error;
    return sendCsv(file, await token(true), onProgress);
  }
}

function sendCsv(file: File, token: string, onProgress: (fraction: number) => void): Promise<FacilityImport> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/facility-imports?fileName=${enc(file.name)}`);
    request.setRequestHeader('Content-Type', 'text/csv');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', requestLanguage());
    request.setRequestHeader('x-csrf-token', token);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText ? (JSON.parse(request.responseText) as unknown) : undefined;
      } catch {
        body = undefined;
      }
      if (request.status === 201 && body) return resolve(body as FacilityImport);
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
        ?.error;
      if (error?.code && error.message)
        return reject(new ApiError(request.status, error.code, error.message, error.details));
      reject(new ApiError(request.status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected'), null));
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', i18n.t('errors.network'), null));
    request.send(file);
  });
}
