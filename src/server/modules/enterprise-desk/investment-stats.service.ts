// The district's pipeline figures: the funnel, FDI signed and fixed-asset investment per quarter and
// year with year-on-year growth (computed by investment-figures.ts), and the monthly fixed-asset reports.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { assertDistrict } from './investment-access.ts';
import { funnel, yearFigures, type FunnelStep, type PeriodFigures } from './investment-figures.ts';
import { actorOf, assertDistrictExists } from './investment.service.ts';

export async function districtFunnel(
  db: Db,
  principal: Principal,
  districtCode: string,
): Promise<FunnelStep[]> {
  assertDistrict(principal, districtCode);
  await assertDistrictExists(db, districtCode);
  const rows = await db
    .selectFrom('deskProspects')
    .select('stage')
    .where('districtCode', '=', districtCode)
    .execute();
  return funnel(rows);
}

/**
 * The district's figures for a year, per quarter and for the year, with year-on-year growth;
 * `throughMonth` (the current month, normally) makes a year under way a year to date.
 */
export async function districtFigures(
  db: Db,
  principal: Principal,
  districtCode: string,
  year: number,
  throughMonth: string,
): Promise<PeriodFigures[]> {
  assertDistrict(principal, districtCode);
  await assertDistrictExists(db, districtCode);
  const from = `${year - 1}-01-01`;
  const to = `${year}-12-31`;
  const fdi = await db
    .selectFrom('deskProspects')
    .select(['signedOn', 'contractAmountFen'])
    .where('districtCode', '=', districtCode)
    .where('isForeign', '=', 1)
    .where('signedOn', '>=', from)
    .where('signedOn', '<=', to)
    .where('contractAmountFen', 'is not', null)
    .execute();
  const fixedAsset = await db
    .selectFrom('deskFixedAssetInvestment')
    .select(['month', 'amountFen'])
    .where('districtCode', '=', districtCode)
    .where('month', '>=', `${year - 1}-01`)
    .where('month', '<=', `${year}-12`)
    .execute();
  return yearFigures(
    year,
    fdi.map((row) => ({ signedOn: row.signedOn!, contractAmountFen: Number(row.contractAmountFen) })),
    fixedAsset.map((row) => ({ month: row.month, amountFen: Number(row.amountFen) })),
    throughMonth,
  );
}

/** Records (or corrects) a month's fixed-asset investment of the district. */
export async function setFixedAssetInvestment(
  db: Db,
  principal: Principal,
  districtCode: string,
  month: string,
  amountFen: number,
): Promise<{ month: string; amountFen: number }> {
  assertDistrict(principal, districtCode);
  await assertDistrictExists(db, districtCode);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('deskFixedAssetInvestment')
      .values({
        id: uuidv7(),
        districtCode,
        month,
        amountFen,
        updatedAt: at,
        updatedByUserId: principal.userId,
      })
      .onConflict((oc) =>
        oc
          .columns(['districtCode', 'month'])
          .doUpdateSet({ amountFen, updatedAt: at, updatedByUserId: principal.userId }),
      )
      .execute();
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'desk.investment.fixed_asset',
      objectType: 'district',
      objectId: districtCode,
      details: { month, amountFen },
    });
  });
  return { month, amountFen };
}
