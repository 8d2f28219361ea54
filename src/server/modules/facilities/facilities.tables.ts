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

export interface FacilityTerminalTable {
  id: string;
  facilityId: string;
  model: string;
  installedOn: string;
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
