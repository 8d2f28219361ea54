export interface DistrictTable {
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

export interface StreetTable {
  code: string;
  districtCode: string;
  nameZh: string;
  nameEn: string;
  kind: 'street' | 'town';
}

export interface DepartmentTable {
  code: string;
  nameZh: string;
  nameEn: string;
  /** city: one city-wide body; district: one office per district; street: street offices. */
  level: 'city' | 'district' | 'street';
}

export interface OfficeTable {
  id: string;
  code: string;
  departmentCode: string;
  districtCode: string | null;
  streetCode: string | null;
  nameZh: string;
  nameEn: string;
  /** Where a resident goes for a counter visit; null until the office publishes it. */
  address: string | null;
  phone: string | null;
  /** `Mo-Fr 09:00-17:00; Sa 09:00-12:00` (the subset of OSM opening_hours the facilities use). */
  openingHours: string | null;
  createdAt: string;
}
