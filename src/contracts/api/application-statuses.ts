// The statuses of an application (办件状态), in the order lists offer them. A plain module so the
// web app can import the list itself without the schema code of applications.ts.
export const APPLICATION_STATUSES = [
  'in_progress',
  'awaiting_supplement',
  'approved',
  'refused',
  'partially_approved',
  'withdrawn',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
