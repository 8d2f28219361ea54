// The pipeline's figures, computed from the data: the funnel (how many prospects reached each
// stage), signed foreign direct investment (projects and contract amounts, by signing date) and
// fixed-asset investment (the district's monthly reports), per quarter of a year with the
// year-on-year change against the same quarter of the year before. Pure functions over rows.
import type { ProspectStage } from './investment.tables.ts';

export const STAGES: readonly ProspectStage[] = ['lead', 'talks', 'signed', 'landed', 'operating'];

export interface FunnelStep {
  stage: ProspectStage;
  /** Prospects at this stage now. */
  current: number;
  /** Prospects that reached this stage or a later one. */
  reached: number;
  /** reached ÷ reached at the previous stage (null for the first, or when that is 0). */
  conversion: number | null;
}

export function funnel(prospects: readonly { stage: ProspectStage }[]): FunnelStep[] {
  return STAGES.map((stage, index) => {
    const current = prospects.filter((p) => p.stage === stage).length;
    const reached = prospects.filter((p) => STAGES.indexOf(p.stage) >= index).length;
    const before = index === 0 ? 0 : prospects.filter((p) => STAGES.indexOf(p.stage) >= index - 1).length;
    return { stage, current, reached, conversion: index === 0 || before === 0 ? null : reached / before };
  });
}

export interface PeriodFigures {
  /** `2026`, or `2026-Q3`. */
  period: string;
  /** The last month counted when the period is still under way (and its year-before counterpart). */
  throughMonth: string | null;
  fdiProjects: number;
  fdiContractFen: number;
  fixedAssetFen: number;
  /** Growth against the same period a year before, as a fraction (0.12 = +12%); null when that was 0 or unrecorded. */
  fdiProjectsYoy: number | null;
  fdiContractYoy: number | null;
  fixedAssetYoy: number | null;
  /** Months of the period with a fixed-asset report (of 3, or 12 for the year). */
  fixedAssetMonthsReported: number;
}

export interface SignedFdi {
  signedOn: string;
  contractAmountFen: number;
}
export interface MonthlyAmount {
  month: string;
  amountFen: number;
}

function growth(now: number, before: number): number | null {
  return before === 0 ? null : (now - before) / before;
}

function monthsOf(period: string): string[] {
  const [year, quarter] = period.split('-Q');
  const months = quarter
    ? [0, 1, 2].map((i) => (Number(quarter) - 1) * 3 + i + 1)
    : Array.from({ length: 12 }, (_, i) => i + 1);
  return months.map((m) => `${year}-${String(m).padStart(2, '0')}`);
}

function sums(
  period: string,
  fdi: readonly SignedFdi[],
  fixedAsset: readonly MonthlyAmount[],
  through: string | null,
) {
  const months = new Set(monthsOf(period).filter((month) => through === null || month <= through));
  const signed = fdi.filter((row) => months.has(row.signedOn.slice(0, 7)));
  const reports = fixedAsset.filter((row) => months.has(row.month));
  return {
    fdiProjects: signed.length,
    fdiContractFen: signed.reduce((sum, row) => sum + row.contractAmountFen, 0),
    fixedAssetFen: reports.reduce((sum, row) => sum + row.amountFen, 0),
    fixedAssetMonthsReported: reports.length,
  };
}

/**
 * Figures of one period (`YYYY` or `YYYY-Qn`) with growth against the same period a year before.
 * `throughMonth` (YYYY-MM) cuts a period still under way: only its months up to then count, and
 * the year before is cut at the same month, so a year to date is compared with a year to date.
 */
export function periodFigures(
  period: string,
  fdi: readonly SignedFdi[],
  fixedAsset: readonly MonthlyAmount[],
  throughMonth: string | null = null,
): PeriodFigures {
  const [year, quarter] = period.split('-Q');
  const previous = `${Number(year) - 1}${quarter ? `-Q${quarter}` : ''}`;
  const cut = throughMonth !== null && throughMonth.slice(0, 4) === year ? throughMonth : null;
  const now = sums(period, fdi, fixedAsset, cut);
  const before = sums(previous, fdi, fixedAsset, cut ? `${Number(year) - 1}${cut.slice(4)}` : null);
  return {
    period,
    throughMonth: cut,
    ...now,
    fdiProjectsYoy: growth(now.fdiProjects, before.fdiProjects),
    fdiContractYoy: growth(now.fdiContractFen, before.fdiContractFen),
    // Only like with like: growth needs the same months reported in both years.
    fixedAssetYoy:
      now.fixedAssetMonthsReported === before.fixedAssetMonthsReported
        ? growth(now.fixedAssetFen, before.fixedAssetFen)
        : null,
  };
}

/** The year's four quarters and the year itself (to date, when `throughMonth` falls in it). */
export function yearFigures(
  year: number,
  fdi: readonly SignedFdi[],
  fixedAsset: readonly MonthlyAmount[],
  throughMonth: string | null = null,
): PeriodFigures[] {
  return [1, 2, 3, 4]
    .map((q) => periodFigures(`${year}-Q${q}`, fdi, fixedAsset, throughMonth))
    .concat(periodFigures(String(year), fdi, fixedAsset, throughMonth));
}
