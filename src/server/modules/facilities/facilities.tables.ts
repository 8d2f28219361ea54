import type { Generated } from 'kysely';

export type FacilityTier = 'street' | 'area' | 'village';
export type OperatorModel = 'self' | 'purchased';
export type FacilityEventKind = 'check_in' | 'service_session' | 'terminal_transaction' | 'wearable_trace';

/** A community service facility (社区综合服务设施). */
export interface FacilityTable {
  id: string;
  code: string;
  name: string;
  nameType: string;
  tier: FacilityTier;
  districtCode: string;
  streetCode: string;
  address: string;
  lat: number;
  lng: number;
  builtYear: number;
  renovatedYear: number | null;
  operatorModel: OperatorModel;
  operatorName: string | null;
  /** Service keys joined with `;` in the order given (see facility-services.ts). */
  services: string;
  /** As imported, e.g. `Mo-Fr 09:00-17:00; Sa 09:00-12:00` (see opening-hours.ts). */
  openingHours: string;
  staffCount: number | null;
  createdAt: string;
  updatedAt: string;
}

export type TerminalStatus = 'active' | 'retired';

export interface FacilityTerminalTable {
  id: string;
  facilityId: string;
  model: string;
  installedOn: string;
  status: Generated<TerminalStatus>;
  retiredOn: string | null;
}

/** Device keys of a facility; only the SHA-256 of a key is kept. */
export interface FacilityKeyTable {
  id: string;
  facilityId: string;
  keyHash: string;
  createdAt: string;
  createdByUserId: string | null;
  revokedAt: string | null;
}

/** Usage events sent by a facility's devices; the event id makes a resend harmless. */
export interface FacilityEventTable {
  eventId: string;
  facilityId: string;
  kind: FacilityEventKind;
  occurredAt: string;
  receivedAt: string;
  serviceKey: string | null;
  durationMinutes: number | null;
  staffId: string | null;
  terminalId: string | null;
  transactionType: string | null;
  deviceId: string | null;
  /** Any further fields of the event, as JSON. */
  details: string | null;
}

export type CapacityUnit = 'staff_hours' | 'slots';

/**
 * What a facility can give of one service per week: staff hours (demand = session minutes / 60)
 * or service slots (demand = sessions). Operators edit it; recommendations move it.
 */
export interface FacilityCapacityTable {
  id: string;
  facilityId: string;
  serviceKey: string;
  unit: CapacityUnit;
  weeklyAmount: number;
  updatedAt: string;
  updatedByUserId: string | null;
}

/** The last computed utilisation of a facility (figures as JSON, see utilisation.ts). */
export interface FacilityUtilisationTable {
  facilityId: string;
  streetCode: string;
  windowFrom: string;
  windowTo: string;
  computedAt: string;
  figures: string;
}

export type RecommendationStatus = 'open' | 'accepted' | 'dismissed' | 'superseded';

/** A proposed move of capacity between two facilities of one street, with its figures and rule. */
export interface FacilityRecommendationTable {
  id: string;
  streetCode: string;
  serviceKey: string;
  unit: CapacityUnit;
  fromFacilityId: string;
  toFacilityId: string;
  amount: number;
  rule: string;
  figures: string;
  status: RecommendationStatus;
  computedAt: string;
  decidedAt: string | null;
  decidedByUserId: string | null;
  dismissReason: string | null;
}

export type FacilityImportStatus = 'previewed' | 'applying' | 'applied' | 'stale' | 'failed';

/** A CSV uploaded by an operator or admin: previewed on upload, applied on request (a job). */
export interface FacilityImportTable {
  id: string;
  createdByUserId: string;
  /** The operator's street; null for a platform admin (every street). */
  streetScope: string | null;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  content: string;
  status: FacilityImportStatus;
  previewedAt: string;
  /** JSON: counts, the first bad rows, the first diffs (see facility-import.service.ts). */
  preview: string;
  appliedThroughLine: number;
  appliedRows: number;
  result: string | null;
  finishedAt: string | null;
}
