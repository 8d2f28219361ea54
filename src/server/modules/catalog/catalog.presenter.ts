import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { BundleSavings } from './bundle-savings.ts';

export interface DepartmentNames {
  nameZh: string;
  nameEn: string;
}

/** The list row of CONTRACT.md: {id, code, name, department, subject, …}. */
export function presentListItem(
  entry: { id: string; code: string; entryType: 'service' | 'bundle'; version: number },
  definition: ServiceDefinition | BundleDefinition,
  department: DepartmentNames | undefined,
  locale: Locale,
  bundleMembers: ServiceDefinition[] = [],
) {
  const service = entry.entryType === 'service' ? (definition as ServiceDefinition) : undefined;
  // A bundle takes as long as its slowest member (they run in parallel), costs the sum of their
  // fees and needs a trip if any member does.
  const members = service ? [] : bundleMembers;
  const bundleFigure = (
    pick: (member: ServiceDefinition) => number,
    combine: (values: number[]) => number,
  ) => (members.length ? combine(members.map(pick)) : null);
  return {
    id: entry.id,
    code: entry.code,
    type: entry.entryType,
    name: locale === 'en' ? definition.nameEn : definition.nameZh,
    nameZh: definition.nameZh,
    nameEn: definition.nameEn,
    department: service?.departmentCode ?? null,
    departmentName: department ? (locale === 'en' ? department.nameEn : department.nameZh) : null,
    subject: definition.subject,
    kind: service ? service.kind : ('bundle' as const),
    topics: definition.topics,
    channels: service?.channels ?? (['online'] as string[]),
    promisedTimeLimitDays: service
      ? service.promisedTimeLimitDays
      : bundleFigure(
          (m) => m.promisedTimeLimitDays,
          (v) => Math.max(...v),
        ),
    feeFen: service
      ? service.feeFen
      : bundleFigure(
          (m) => m.feeFen,
          (v) => v.reduce((a, b) => a + b, 0),
        ),
    tripsNeeded: service
      ? service.tripsNeeded
      : bundleFigure(
          (m) => m.tripsNeeded,
          (v) => Math.max(...v),
        ),
    handlingScope: service?.handlingScope ?? 'city',
    version: entry.version,
  };
}

export interface OfficeRef {
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  officeId: string;
  officeName: string;
  officeNameEn: string;
  /** Where to go for a counter visit (null when the office has not published it). */
  address: string | null;
  phone: string | null;
  /** `Mo-Fr 09:00-17:00; Sa 09:00-12:00` */
  openingHours: string | null;
}

/** The service page: the whole published definition plus what the catalogue derives from it. */
export function presentDetail(
  entry: {
    id: string;
    code: string;
    entryType: 'service' | 'bundle';
    version: number;
    versionId: string;
    effectiveFrom: string | null;
  },
  definition: ServiceDefinition | BundleDefinition,
  extra: {
    department: DepartmentNames | undefined;
    offices: OfficeRef[];
    members: { id: string; code: string; nameZh: string; nameEn: string; departmentName: string | null }[];
    memberDefinitions: ServiceDefinition[];
    savings: BundleSavings | null;
    locale: Locale;
  },
) {
  const { memberDefinitions, ...rest } = extra;
  return {
    ...presentListItem(entry, definition, rest.department, rest.locale, memberDefinitions),
    versionId: entry.versionId,
    effectiveFrom: entry.effectiveFrom,
    definition,
    competentOffices: rest.offices,
    members: rest.members,
    savings: rest.savings,
  };
}
