// Catalogue definitions → search documents. The catalogue service calls these when it builds the
// index at start and on every publish, so the index never reads catalogue tables itself.
import type { BundleDefinition, Channel, ServiceDefinition } from '../../../../contracts/catalog.ts';
import type { SearchDocument } from './search-types.ts';

export interface ServiceDocumentContext {
  /** The catalogue entry id; defaults to the service code. */
  id?: string;
  departmentNameZh: string;
  departmentNameEn?: string;
  /** Districts with a competent office; default 'all'. */
  districts?: string[] | 'all';
  /** The entry's current popularity, if it differs from the definition's. */
  popularity?: number;
}

export function serviceSearchDocument(
  service: ServiceDefinition,
  context: ServiceDocumentContext,
): SearchDocument {
  return {
    id: context.id ?? service.code,
    code: service.code,
    kind: 'service',
    nameZh: service.nameZh,
    nameEn: service.nameEn,
    aliases: service.aliases,
    guideZh: service.guideZh,
    guideEn: service.guideEn,
    materials: service.materials.flatMap((material) => [material.nameZh, material.nameEn]),
    departmentCode: service.departmentCode,
    departmentNameZh: context.departmentNameZh,
    departmentNameEn: context.departmentNameEn,
    subject: service.subject,
    topics: service.topics,
    serviceKind: service.kind,
    channels: service.channels,
    districts: context.districts ?? 'all',
    popularity: context.popularity ?? service.popularity,
  };
}

export interface BundleDocumentContext {
  id?: string;
  /** The member services found in the catalogue. */
  members: ServiceDefinition[];
  districts?: string[] | 'all';
  popularity?: number;
}

/** A bundle is found by its own words and its members' names; its channels are its members'. */
export function bundleSearchDocument(
  bundle: BundleDefinition,
  context: BundleDocumentContext,
): SearchDocument {
  const channels = new Set<Channel>(context.members.flatMap((member) => member.channels));
  return {
    id: context.id ?? bundle.code,
    code: bundle.code,
    kind: 'bundle',
    nameZh: bundle.nameZh,
    nameEn: bundle.nameEn,
    aliases: bundle.aliases,
    guideZh: bundle.guideZh,
    guideEn: bundle.guideEn,
    materials: [],
    keywords: context.members.flatMap((member) => [member.nameZh, member.nameEn]),
    departmentCode: null,
    departmentNameZh: '',
    subject: bundle.subject,
    topics: bundle.topics,
    serviceKind: 'bundle',
    channels: [...channels],
    districts: context.districts ?? 'all',
    popularity: context.popularity ?? bundle.popularity,
  };
}

export interface DepartmentName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Documents for a whole catalogue (the demo one, an import, a benchmark). */
export function catalogSearchDocuments(
  services: readonly ServiceDefinition[],
  bundles: readonly BundleDefinition[],
  departments: readonly DepartmentName[],
): SearchDocument[] {
  const departmentByCode = new Map(departments.map((department) => [department.code, department]));
  const serviceByCode = new Map(services.map((service) => [service.code, service]));
  return [
    ...services.map((service) => {
      const department = departmentByCode.get(service.departmentCode);
      return serviceSearchDocument(service, {
        departmentNameZh: department?.nameZh ?? '',
        departmentNameEn: department?.nameEn,
      });
    }),
    ...bundles.map((bundle) =>
      bundleSearchDocument(bundle, {
        members: bundle.memberCodes.flatMap((code) => serviceByCode.get(code) ?? []),
      }),
    ),
  ];
}
