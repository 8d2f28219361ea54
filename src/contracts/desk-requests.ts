// Request (诉求) categories and their service targets, shared by the server (deadlines, timers)
// and the web app (what the filer is promised before filing).

export const REQUEST_CATEGORIES = [
  'site_premises',
  'permits',
  'hiring',
  'financing',
  'policy_question',
  'dispute',
  'construction',
  'other',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export interface RequestTargets {
  /** Working hours (09:00–17:00 of working days) until the manager's first response. */
  firstResponseHours: number;
  /** Working days (counted from the next day, like every deadline) until it is answered. */
  resolutionDays: number;
}

/** The desk's published targets (有求必应: urgent matters of doing business get the shortest). */
export const REQUEST_TARGETS: Record<RequestCategory, RequestTargets> = {
  site_premises: { firstResponseHours: 4, resolutionDays: 10 },
  permits: { firstResponseHours: 4, resolutionDays: 5 },
  hiring: { firstResponseHours: 8, resolutionDays: 10 },
  financing: { firstResponseHours: 8, resolutionDays: 15 },
  policy_question: { firstResponseHours: 4, resolutionDays: 3 },
  dispute: { firstResponseHours: 4, resolutionDays: 15 },
  construction: { firstResponseHours: 4, resolutionDays: 10 },
  other: { firstResponseHours: 8, resolutionDays: 10 },
};
