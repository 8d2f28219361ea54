// The demo city's service catalogue (事项 and 一件事): a realistic Shanghai 一网通办 catalogue.
// Names, legal bases and time limits follow the real catalogue; forms and numbers are demo data.
import type { BundleDefinition, ServiceDefinition, ServiceKind } from '../../src/contracts/catalog.ts';
import { DEMO_BUNDLES as BUNDLES } from './bundles/index.ts';
import { ALL_SERVICES } from './services/all.ts';

export const DEMO_SERVICES: ServiceDefinition[] = ALL_SERVICES;
export const DEMO_BUNDLES: BundleDefinition[] = BUNDLES;

export interface CatalogStats {
  services: number;
  bundles: number;
  /** department code → number of services. */
  byDepartment: Record<string, number>;
  /** kind → number of services. */
  byKind: Partial<Record<ServiceKind, number>>;
  /** department code → kind → number of services. */
  byDepartmentAndKind: Record<string, Partial<Record<ServiceKind, number>>>;
}

/** Counts of the demo catalogue per department and kind (handy for checks and the README). */
export function catalogStats(
  services: ServiceDefinition[] = DEMO_SERVICES,
  bundles: BundleDefinition[] = DEMO_BUNDLES,
): CatalogStats {
  const stats: CatalogStats = {
    services: services.length,
    bundles: bundles.length,
    byDepartment: {},
    byKind: {},
    byDepartmentAndKind: {},
  };
  for (const service of services) {
    const department = service.departmentCode;
    stats.byDepartment[department] = (stats.byDepartment[department] ?? 0) + 1;
    stats.byKind[service.kind] = (stats.byKind[service.kind] ?? 0) + 1;
    const perKind = (stats.byDepartmentAndKind[department] ??= {});
    perKind[service.kind] = (perKind[service.kind] ?? 0) + 1;
  }
  return stats;
}
