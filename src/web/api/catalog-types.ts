// Shapes of the catalogue API (事项 and 一件事) as the web app uses them. The definitions
// themselves are the shared model of src/contracts/catalog.ts.
import type {
  BundleDefinition,
  Channel,
  HandlingScope,
  ServiceDefinition,
  ServiceKind,
  ServiceSubject,
  Topic,
} from '../../contracts/catalog.ts';

export type EntryType = 'service' | 'bundle';
export type Definition = ServiceDefinition | BundleDefinition;
export type ListKind = ServiceKind | 'bundle';

export interface ServiceListItem {
  id: string;
  code: string;
  type: EntryType;
  /** In the language asked for. */
  name: string;
  nameZh: string;
  nameEn: string;
  department: string | null;
  departmentName: string | null;
  subject: ServiceSubject;
  kind: ListKind;
  topics: Topic[];
  channels: Channel[];
  promisedTimeLimitDays: number | null;
  feeFen: number | null;
  tripsNeeded: number | null;
  handlingScope: HandlingScope;
  version: number;
}

export type FacetName = 'department' | 'subject' | 'topic' | 'kind' | 'channel';

export interface ServiceSearchResult {
  items: (ServiceListItem & { score: number })[];
  total: number;
  facets: Record<FacetName, Record<string, number>>;
}

export interface ServiceSearchQuery {
  q?: string;
  department?: string;
  subject?: string;
  topic?: string;
  kind?: string;
  channel?: string;
  limit?: number;
  offset?: number;
}

export interface Suggestion {
  /** The words that matched (a name or an alias). */
  text: string;
  id: string;
  type: EntryType;
  name: string;
}

export interface CompetentOffice {
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  officeId: string;
  officeName: string;
  officeNameEn: string;
  address: string | null;
  phone: string | null;
  /** `Mo-Fr 09:00-17:00; Sa 09:00-12:00` */
  openingHours: string | null;
}

export interface BundleMember {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  departmentName: string | null;
}

export interface SavingsRange {
  separately: number;
  bundle: number;
}

export interface BundleSavings {
  applications: SavingsRange;
  materials: SavingsRange;
  fields: SavingsRange;
  trips: SavingsRange;
  days: SavingsRange;
}

export type ServiceDetail = ServiceListItem & {
  versionId: string;
  effectiveFrom: string | null;
  competentOffices: CompetentOffice[];
  members: BundleMember[];
  savings: BundleSavings | null;
} & ({ type: 'service'; definition: ServiceDefinition } | { type: 'bundle'; definition: BundleDefinition });

export interface TopicItem {
  code: Topic;
  audience: 'resident' | 'enterprise';
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

export interface Department {
  code: string;
  nameZh: string;
  nameEn: string;
  level: 'city' | 'district' | 'street';
}

export type EntryStatus = 'draft' | 'published' | 'retired';

export interface AuthoringListItem {
  id: string;
  code: string;
  entryType: EntryType;
  departmentCode: string | null;
  status: EntryStatus;
  nameZh: string;
  publishedVersion: number | null;
  draftVersion: number | null;
  updatedAt: string;
}

export interface AuthoringEntry {
  id: string;
  code: string;
  entryType: EntryType;
  status: EntryStatus;
  draft: { version: number; definition: Record<string, unknown> } | null;
  published: { version: number; definition: Record<string, unknown>; effectiveFrom: string | null } | null;
}

export interface SavedDraft {
  entryId: string;
  versionId: string;
  version: number;
}

export interface DefinitionProblem {
  /** JSON pointer into the definition, e.g. "/materials/0/nameZh". */
  path: string;
  message: string;
}

export interface Synonym {
  term: string;
  expandsTo: string[];
  isBuiltIn: boolean;
}
