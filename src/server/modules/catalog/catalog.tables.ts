export type CatalogEntryType = 'service' | 'bundle';
export type CatalogStatus = 'draft' | 'published' | 'retired';
export type VersionStatus = 'draft' | 'published' | 'superseded' | 'retired';

/** One service (事项) or bundle (一件事); its content lives in its versions. */
export interface CatalogEntryTable {
  id: string;
  code: string;
  entryType: CatalogEntryType;
  departmentCode: string | null;
  status: CatalogStatus;
  publishedVersionId: string | null;
  draftVersionId: string | null;
  popularity: number;
  createdAt: string;
  updatedAt: string;
}

/** An immutable version once published; the draft is the only editable one. */
export interface CatalogVersionTable {
  id: string;
  entryId: string;
  version: number;
  status: VersionStatus;
  /** JSON of ServiceDefinition or BundleDefinition. */
  definition: string;
  effectiveFrom: string | null;
  publishedAt: string | null;
  publishedByUserId: string | null;
  createdAt: string;
  createdByUserId: string | null;
}

/** The competent office per district for a service (routing of applications). */
export interface CatalogOfficeTable {
  entryId: string;
  districtCode: string;
  officeId: string;
}

export interface CatalogSynonymTable {
  id: string;
  term: string;
  /** JSON array of official terms. */
  expandsTo: string;
  updatedAt: string;
  updatedByUserId: string | null;
}

export interface CatalogTopicTable {
  code: string;
  audience: 'resident' | 'enterprise';
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}
