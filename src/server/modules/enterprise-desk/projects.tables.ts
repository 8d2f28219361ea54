// Project landing tables. Only the desk's project files query them.

export const MILESTONE_KINDS = [
  'land',
  'planning_permit',
  'construction_permit',
  'fire_inspection',
  'completion_acceptance',
  'opening',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** A project of an enterprise (a new factory, a shopping centre opening). */
export interface DeskProjectTable {
  id: string;
  enterpriseId: string;
  name: string;
  description: string;
  siteAddress: string;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
}

/** One milestone of a project: planned and actual Shanghai dates. */
export interface DeskProjectMilestoneTable {
  id: string;
  projectId: string;
  kind: MilestoneKind;
  sortOrder: number;
  plannedDate: string;
  actualDate: string | null;
  note: string;
  /** The planned date whose lateness was flagged to the manager (once per lateness). */
  lateFlaggedFor: string | null;
  updatedAt: string;
}

/** An application of the enterprise that a milestone depends on. */
export interface DeskMilestoneApplicationTable {
  id: string;
  milestoneId: string;
  applicationId: string;
  addedByUserId: string;
  addedAt: string;
}
