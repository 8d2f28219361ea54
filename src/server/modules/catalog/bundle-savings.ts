import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';

export interface BundleSavings {
  /** Applications filed: one per member separately, one for the bundle. */
  applications: { separately: number; bundle: number };
  /** Materials handed in (not counting what the government already holds). */
  materials: { separately: number; bundle: number };
  /** Form fields filled in. */
  fields: { separately: number; bundle: number };
  /** Trips to a counter. */
  trips: { separately: number; bundle: number };
  /** Promised working days end to end: members one after another vs. in parallel. */
  days: { separately: number; bundle: number };
}

const fieldCount = (schema: Record<string, unknown>) =>
  Object.keys((schema.properties as object | undefined) ?? {}).length;

/**
 * What a bundle saves against applying for each member separately, computed from the members
 * (never typed in): a material several members need is handed in once, a field asked by several
 * is asked once, members run in parallel so the bundle takes as long as its slowest member.
 */
export function computeBundleSavings(bundle: BundleDefinition, members: ServiceDefinition[]): BundleSavings {
  const materialsOf = (service: ServiceDefinition) => service.materials.filter((m) => !m.heldByGovernment);
  const distinctMaterials = new Set(
    members.flatMap((m) => materialsOf(m).map((material) => material.nameZh)),
  );
  return {
    applications: { separately: members.length, bundle: 1 },
    materials: {
      separately: members.reduce((sum, m) => sum + materialsOf(m).length, 0),
      bundle: distinctMaterials.size,
    },
    fields: {
      separately: members.reduce((sum, m) => sum + fieldCount(m.form.schema), 0),
      bundle: fieldCount(bundle.form.schema),
    },
    trips: {
      separately: members.reduce((sum, m) => sum + m.tripsNeeded, 0),
      bundle: Math.max(0, ...members.map((m) => m.tripsNeeded)),
    },
    days: {
      separately: members.reduce((sum, m) => sum + m.promisedTimeLimitDays, 0),
      bundle: Math.max(0, ...members.map((m) => m.promisedTimeLimitDays)),
    },
  };
}
