// The investment pipeline (前置招商): zones and their parcels, prospects with the requirements
// captured before signing and their stage history, and the monthly fixed-asset investment each
// district reports. Areas are integer square metres (mu derived: 1 亩 = 10000/15 m²); money is
// integer fen.

export type ParcelLandUse = 'industrial' | 'research' | 'commercial' | 'warehouse' | 'mixed';
export type ParcelStatus = 'available' | 'reserved' | 'signed';
export type FitOut = 'bare' | 'basic' | 'full';
export type ProspectStage = 'lead' | 'talks' | 'signed' | 'landed' | 'operating';

export interface DeskZoneTable {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  districtCode: string;
  createdAt: string;
}

export interface DeskParcelTable {
  id: string;
  zoneId: string;
  code: string;
  areaSqm: number;
  landUse: ParcelLandUse;
  status: ParcelStatus;
  /** Buildable floor area (计容建筑面积), m². */
  maxFloorAreaSqm: number;
  /** Power that can be supplied, kVA. */
  powerCapacityKva: number;
  fitOut: FitOut;
  notes: string | null;
  updatedAt: string;
}

export interface DeskProspectTable {
  id: string;
  districtCode: string;
  name: string;
  industry: string;
  /** ISO 3166 alpha-2 of the investor; `CN` for domestic. */
  originCountry: string;
  isForeign: number;
  stage: ProspectStage;
  needFloorAreaSqm: number | null;
  needPowerKva: number | null;
  needFitOut: FitOut | null;
  needLandUse: ParcelLandUse | null;
  specialNeeds: string | null;
  plannedInvestmentFen: number | null;
  /** The contract amount once signed (fen). */
  contractAmountFen: number | null;
  signedOn: string | null;
  parcelId: string | null;
  createdAt: string;
  createdByUserId: string | null;
  updatedAt: string;
}

export interface DeskProspectStageTable {
  id: string;
  prospectId: string;
  fromStage: ProspectStage | null;
  toStage: ProspectStage;
  changedOn: string;
  changedAt: string;
  changedByUserId: string | null;
  note: string | null;
}

export interface DeskFixedAssetInvestmentTable {
  id: string;
  districtCode: string;
  /** YYYY-MM */
  month: string;
  amountFen: number;
  updatedAt: string;
  updatedByUserId: string | null;
}
