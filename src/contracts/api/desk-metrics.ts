// The enterprise desk's metrics API: the types of its answers, which the server's service returns
// and the web client imports (`import type`). Plain types only; the schemas stay in the server's
// routes. Hours and rates are numbers (null when nothing was measured); dates are YYYY-MM-DD.
//
// Routes:
//   GET /api/v1/desk/metrics/districts                              { items: DeskPlace[] }
//   GET /api/v1/desk/metrics/districts/:district?from=&to=          DistrictMetrics

/** The desk's figures of one place or manager over a period. */
export interface DeskFigures {
  requests: number;
  firstResponseHoursMedian: number | null;
  firstResponseHoursMean: number | null;
  resolutionHoursMedian: number | null;
  resolutionHoursMean: number | null;
  firstResponseOnTimeRate: number | null;
  resolutionOnTimeRate: number | null;
  satisfactionMean: number | null;
  rated: number;
  visits: number;
  enterprises: number;
  retained: number;
  lost: number;
  retentionRate: number | null;
}

/** A district or street. */
export interface DeskPlace {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface Period {
  from: string;
  to: string;
}

/** A district's figures, and those of its streets and its managers. */
export interface DistrictMetrics {
  period: Period;
  district: DeskPlace & { figures: DeskFigures };
  streets: (DeskPlace & { figures: DeskFigures })[];
  managers: { userId: string; name: string; figures: DeskFigures }[];
  /** Enterprises whose register record could not be read for the retained figure. */
  unreadableEnterprises: number;
}
