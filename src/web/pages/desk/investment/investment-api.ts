// Typed calls for the investment pipeline (service managers, office admins, platform admins).
import { api } from '../../../api/client.ts';

export type Stage = 'lead' | 'talks' | 'signed' | 'landed' | 'operating';
export const STAGES: readonly Stage[] = ['lead', 'talks', 'signed', 'landed', 'operating'];
export type LandUse = 'industrial' | 'research' | 'commercial' | 'warehouse' | 'mixed';
export type FitOut = 'bare' | 'basic' | 'full';

export interface District {
  code: string;
  nameZh: string;
  nameEn: string;
}
export interface Parcel {
  id: string;
  code: string;
  areaSqm: number;
  areaMu: number;
  landUse: LandUse;
  status: 'available' | 'reserved' | 'signed';
  maxFloorAreaSqm: number;
  powerCapacityKva: number;
  fitOut: FitOut;
  notes: string | null;
}
export interface Zone {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  districtCode: string;
  parcels: Parcel[];
}
export interface Requirements {
  needFloorAreaSqm: number | null;
  needPowerKva: number | null;
  needFitOut: FitOut | null;
  needLandUse: LandUse | null;
  specialNeeds: string | null;
}
export interface Prospect extends Requirements {
  id: string;
  districtCode: string;
  name: string;
  industry: string;
  originCountry: string;
  isForeign: boolean;
  stage: Stage;
  plannedInvestmentFen: number | null;
  contractAmountFen: number | null;
  signedOn: string | null;
  parcelId: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface MatchReason {
  criterion: string;
  outcome: 'met' | 'partial' | 'unmet' | 'check';
  points: number;
  maxPoints: number;
  needed: string | number | null;
  offered: string | number | null;
}
export interface ProspectDetail {
  prospect: Prospect;
  history: {
    fromStage: Stage | null;
    toStage: Stage;
    changedOn: string;
    changedAt: string;
    note: string | null;
  }[];
  matches: {
    parcelId: string;
    parcelCode: string;
    zoneCode: string;
    zoneNameZh: string;
    zoneNameEn: string;
    areaMu: number;
    score: number;
    reasons: MatchReason[];
  }[];
}
export interface FunnelStep {
  stage: Stage;
  current: number;
  reached: number;
  conversion: number | null;
}
export interface PeriodFigures {
  period: string;
  throughMonth: string | null;
  fdiProjects: number;
  fdiContractFen: number;
  fixedAssetFen: number;
  fdiProjectsYoy: number | null;
  fdiContractYoy: number | null;
  fixedAssetYoy: number | null;
  fixedAssetMonthsReported: number;
}

const BASE = '/api/v1/desk/investment';
const d = (code: string) => `${BASE}/districts/${encodeURIComponent(code)}`;

export const listDistricts = () => api.get<{ items: District[] }>(`${BASE}/districts`).then((r) => r.items);
export const listZones = () => api.get<{ items: Zone[] }>(`${BASE}/zones`).then((r) => r.items);
export const listProspects = (district: string) =>
  api.get<{ items: Prospect[] }>(`${d(district)}/prospects`).then((r) => r.items);
export const createProspect = (
  district: string,
  body: Requirements & {
    name: string;
    industry: string;
    originCountry: string;
    plannedInvestmentFen: number | null;
  },
) => api.post<Prospect>(`${d(district)}/prospects`, body);
export const getFunnel = (district: string) =>
  api.get<{ steps: FunnelStep[] }>(`${d(district)}/funnel`).then((r) => r.steps);
export const getFigures = (district: string, year: number) =>
  api.get<{ year: number; periods: PeriodFigures[] }>(`${d(district)}/figures?year=${year}`);
export const getProspect = (id: string) =>
  api.get<ProspectDetail>(`${BASE}/prospects/${encodeURIComponent(id)}`);
export const moveProspect = (
  id: string,
  body: {
    to: Stage;
    on: string;
    note: string | null;
    contractAmountFen: number | null;
    parcelId: string | null;
  },
) => api.post<ProspectDetail>(`${BASE}/prospects/${encodeURIComponent(id)}/stage`, body);
