// What a payer can pay (待缴): utility bills of their bound accounts (fetched from the billers),
// the fees of their applications, and their traffic fines from the vehicles register (read through
// the sharing gateway under their own right of access). Each is upserted into `payables` by its
// external reference, so the same bill, fee or fine is always one payable.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { messageFor } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { TrafficViolation } from '../../../contracts/registers.ts';
import type {
  Payable,
  PayableList,
  PayableListQuery,
  UtilityBillList,
  UtilityKindName,
} from '../../../contracts/api/payments.ts';
import { listApplicationFees } from '../applications/application-fees.ts';
import { findApplicantProfile } from '../identity/applicants.service.ts';
import { findOfficeByCode, listOffices } from '../reference/reference.service.ts';
import { readOwnRecord } from '../sharing/self-service.service.ts';
import { publishOpenEvent } from '../open-platform/webhooks/webhook-events.ts';
import { actingSubject, mayActFor, type PayerSubject } from './payer-access.ts';
import type { PaymentsDeps } from './payments-deps.ts';
import { payerNames, presentPayable, sortPayables } from './payments.presenter.ts';
import type { PayableTable } from './payments.tables.ts';

/** The billers of each kind of utility, as shown to payers. */
export const UTILITY_BILLERS: Record<UtilityKindName, { nameZh: string; nameEn: string; kindZh: string }> = {
  water: { nameZh: '上海城投水务', nameEn: 'Shanghai Water', kindZh: '水费' },
  electricity: { nameZh: '国网上海市电力公司', nameEn: 'State Grid Shanghai', kindZh: '电费' },
  gas: { nameZh: '上海燃气', nameEn: 'Shanghai Gas', kindZh: '燃气费' },
};

type Problem = PayableList['problems'][number];
type NewPayable = Omit<
  PayableTable,
  'id' | 'status' | 'inFlightOrderId' | 'paidOrderId' | 'paidAt' | 'refundedFen' | 'createdAt' | 'updatedAt'
>;

/**
 * Inserts a payable unless one with its (kind, external reference) exists; `paid` marks it paid
 * elsewhere. A payable new to us and still to pay is a `bill.issued` event for the payer's apps
 * (published in the insert's transaction, so it is told once, however often the bill is fetched).
 */
async function upsertPayable(deps: PaymentsDeps, payable: NewPayable, paidElsewhere: boolean): Promise<void> {
  const now = nowIso();
  const id = uuidv7();
  await deps.database.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('payables')
      .values({
        ...payable,
        id,
        status: paidElsewhere ? 'paid' : 'unpaid',
        inFlightOrderId: null,
        paidOrderId: null,
        paidAt: paidElsewhere ? now : null,
        refundedFen: 0,
        createdAt: now,
        updatedAt: now,
      })
      .onConflict((oc) => oc.columns(['kind', 'externalRef']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted && !paidElsewhere && payable.payerPersonId)
      await publishOpenEvent(trx, deps.jobs, {
        type: 'bill.issued',
        personId: payable.payerPersonId,
        data: {
          payableId: id,
          kind: payable.kind,
          titleZh: payable.titleZh,
          titleEn: payable.titleEn,
          amountFen: payable.amountFen,
          dueDate: payable.dueDate,
        },
      });
  });
  if (paidElsewhere) {
    // Paid outside Tongban (at a bank, at the counter): only a payable nobody is paying here.
    await deps.database.db
      .updateTable('payables')
      .set({ status: 'paid', paidAt: now, updatedAt: now })
      .where('kind', '=', payable.kind)
      .where('externalRef', '=', payable.externalRef)
      .where('status', '=', 'unpaid')
      .where('inFlightOrderId', 'is', null)
      .where('paidOrderId', 'is', null)
      .execute();
  }
}

function problemOf(source: string, error: unknown, locale: Locale): Problem {
  const code = error instanceof AppError ? error.code : 'PAYMENT_BILLER_UNAVAILABLE';
  const params = error instanceof AppError ? error.params : {};
  return { source, code, message: messageFor(code, locale, params) };
}

function activeBindings(db: Db, subject: PayerSubject) {
  const query = db.selectFrom('utilityAccountBindings').selectAll().where('unboundAt', 'is', null);
  return (
    subject.enterpriseId
      ? query.where('holderEnterpriseId', '=', subject.enterpriseId)
      : query.where('holderPersonId', '=', subject.personId)
  )
    .orderBy('boundAt', 'desc')
    .execute();
}

/** Fetches the bills of the subject's bound accounts from the billers and upserts them. */
async function syncUtilityBills(deps: PaymentsDeps, subject: PayerSubject, locale: Locale) {
  const { db } = deps.database;
  const bindings = await activeBindings(db, subject);
  const problems: Problem[] = [];
  for (const binding of bindings) {
    const biller = UTILITY_BILLERS[binding.kind];
    try {
      const bills = await deps.billers.fetchBills(binding.kind, binding.accountNumber);
      for (const bill of bills) {
        await upsertPayable(
          deps,
          {
            kind: 'utility_bill',
            externalRef: bill.billNo,
            payerPersonId: subject.personId,
            payerEnterpriseId: subject.enterpriseId,
            titleZh: `${biller.nameZh} ${bill.month} ${biller.kindZh}（户号 ${bill.accountNumber}）`,
            titleEn: `${biller.nameEn} ${bill.kind} bill ${bill.month} (account ${bill.accountNumber})`,
            amountFen: bill.amountFen,
            beneficiaryCode: `utility:${bill.kind}`,
            beneficiaryNameZh: biller.nameZh,
            beneficiaryNameEn: biller.nameEn,
            beneficiaryOfficeId: null,
            utilityKind: bill.kind,
            accountNumber: bill.accountNumber,
            billMonth: bill.month,
            applicationId: null,
            dueDate: bill.dueDate,
          },
          bill.status === 'paid',
        );
      }
    } catch (error) {
      problems.push(problemOf(`utility:${binding.kind}:${binding.accountNumber}`, error, locale));
    }
  }
  return { bindings, problems };
}

/** Upserts the fees of the subject's applications (the receiving office gets the money). */
async function syncServiceFees(deps: PaymentsDeps, subject: PayerSubject): Promise<void> {
  const { db } = deps.database;
  const fees = await listApplicationFees(
    db,
    subject.enterpriseId ? { enterpriseId: subject.enterpriseId } : { personId: subject.personId! },
  );
  if (fees.length === 0) return;
  const offices = new Map(
    (await listOffices(db, { ids: [...new Set(fees.map((f) => f.receivingOfficeId))] })).map((o) => [
      o.id,
      o,
    ]),
  );
  for (const fee of fees) {
    const office = offices.get(fee.receivingOfficeId);
    if (!office) continue;
    await upsertPayable(
      deps,
      {
        kind: 'service_fee',
        externalRef: fee.applicationId,
        payerPersonId: subject.personId,
        payerEnterpriseId: subject.enterpriseId,
        titleZh: `办事费用：${fee.nameZh}（受理编号 ${fee.receiptNo}）`,
        titleEn: `Fee: ${fee.nameEn} (receipt no. ${fee.receiptNo})`,
        amountFen: fee.feeFen,
        beneficiaryCode: `office:${office.code}`,
        beneficiaryNameZh: office.nameZh,
        beneficiaryNameEn: office.nameEn,
        beneficiaryOfficeId: office.id,
        utilityKind: null,
        accountNumber: null,
        billMonth: null,
        applicationId: fee.applicationId,
        dueDate: null,
      },
      false,
    );
  }
}

/** Upserts the person's traffic fines that are due (processed) or already paid. */
async function syncTrafficFines(
  deps: PaymentsDeps,
  principal: Principal,
  personId: string,
  requestId: string,
): Promise<void> {
  const { db } = deps.database;
  const record = await readOwnRecord({ db, registers: deps.registers }, principal, 'vehicles', requestId);
  const violations = ((record.data.violations as TrafficViolation[] | undefined) ?? []).filter(
    (v) => v.status !== 'unprocessed' && v.fineFen > 0,
  );
  if (violations.length === 0) return;
  const profile = await findApplicantProfile(db, { personId });
  const office =
    (profile?.districtCode
      ? await findOfficeByCode(db, `police-traffic-${profile.districtCode}`)
      : undefined) ?? (await listOffices(db, { departmentCode: 'police-traffic' }))[0];
  if (!office) return;
  for (const violation of violations) {
    await upsertPayable(
      deps,
      {
        kind: 'traffic_fine',
        externalRef: violation.id,
        payerPersonId: personId,
        payerEnterpriseId: null,
        titleZh: `交通违法罚款：${violation.plateNumber} ${violation.descriptionZh}（${violation.locationZh}）`,
        titleEn: `Traffic fine: ${violation.plateNumber} ${violation.descriptionEn}`,
        amountFen: violation.fineFen,
        beneficiaryCode: `office:${office.code}`,
        beneficiaryNameZh: office.nameZh,
        beneficiaryNameEn: office.nameEn,
        beneficiaryOfficeId: office.id,
        utilityKind: null,
        accountNumber: null,
        billMonth: null,
        applicationId: null,
        dueDate: null,
      },
      violation.status === 'paid',
    );
  }
}

async function presentRows(db: Db, rows: PayableTable[]): Promise<Payable[]> {
  const names = await payerNames(db, rows);
  return rows.map((row) => presentPayable(row, names));
}

/** The subject's payables plus the bills of accounts it has bound (bound by another holder first). */
async function payablesOf(db: Db, subject: PayerSubject, filter: Pick<PayableListQuery, 'kind' | 'status'>) {
  const bindings = await activeBindings(db, subject);
  let query = db
    .selectFrom('payables')
    .selectAll()
    .where((eb) =>
      eb.or([
        subject.enterpriseId
          ? eb('payerEnterpriseId', '=', subject.enterpriseId)
          : eb('payerPersonId', '=', subject.personId),
        ...bindings.map((b) =>
          eb.and([
            eb('kind', '=', 'utility_bill'),
            eb('utilityKind', '=', b.kind),
            eb('accountNumber', '=', b.accountNumber),
          ]),
        ),
      ]),
    );
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.limit(500).execute();
}

/**
 * Everything the caller (or an enterprise they represent) can pay or has paid: bills of the bound
 * accounts (asked of the billers now), fees of their applications, and (for a person) their
 * traffic fines. A source that cannot answer is listed in `problems`; the rest still shows.
 */
export async function listPayables(
  deps: PaymentsDeps,
  principal: Principal,
  query: PayableListQuery,
  locale: Locale,
  requestId: string,
): Promise<PayableList> {
  const { db } = deps.database;
  const subject = await actingSubject(db, principal, query.enterpriseId);
  const problems: Problem[] = [];
  if (!query.kind || query.kind === 'utility_bill')
    problems.push(...(await syncUtilityBills(deps, subject, locale)).problems);
  if (!query.kind || query.kind === 'service_fee') await syncServiceFees(deps, subject);
  if (subject.personId && (!query.kind || query.kind === 'traffic_fine')) {
    try {
      await syncTrafficFines(deps, principal, subject.personId, requestId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(problemOf('register:vehicles', error, locale));
    }
  }
  const items = sortPayables(await presentRows(db, await payablesOf(db, subject, query)));
  return {
    items,
    unpaidTotalFen: items.filter((p) => p.status === 'unpaid').reduce((sum, p) => sum + p.amountFen, 0),
    problems,
  };
}

/** The bills of the caller's bound accounts, fetched from the billers now, newest month first. */
export async function listUtilityBills(
  deps: PaymentsDeps,
  principal: Principal,
  enterpriseId: string | undefined,
  locale: Locale,
): Promise<UtilityBillList> {
  const { db } = deps.database;
  const subject = await actingSubject(db, principal, enterpriseId);
  const { problems } = await syncUtilityBills(deps, subject, locale);
  const rows = await payablesOf(db, subject, { kind: 'utility_bill' });
  const items = (await presentRows(db, rows)).sort(
    (a, b) =>
      (b.utility?.month ?? '').localeCompare(a.utility?.month ?? '') || a.titleZh.localeCompare(b.titleZh),
  );
  return { items, problems };
}

/** One payable the caller may pay or see (theirs, their enterprise's, or a bill of an account they bound). */
export async function getPayable(
  deps: PaymentsDeps,
  principal: Principal,
  payableId: string,
): Promise<Payable> {
  const { db } = deps.database;
  const row = await db.selectFrom('payables').selectAll().where('id', '=', payableId).executeTakeFirst();
  if (!row) throw new AppError('PAYMENT_PAYABLE_NOT_FOUND');
  let visible = await mayActFor(db, principal, {
    personId: row.payerPersonId,
    enterpriseId: row.payerEnterpriseId,
  });
  if (!visible && row.kind === 'utility_bill' && principal.personId) {
    const binding = await db
      .selectFrom('utilityAccountBindings')
      .select(['holderPersonId', 'holderEnterpriseId'])
      .where('kind', '=', row.utilityKind!)
      .where('accountNumber', '=', row.accountNumber!)
      .where('unboundAt', 'is', null)
      .execute();
    for (const b of binding)
      if (await mayActFor(db, principal, { personId: b.holderPersonId, enterpriseId: b.holderEnterpriseId }))
        visible = true;
  }
  if (!visible) throw new AppError('PAYMENT_PAYABLE_NOT_FOUND');
  const [payable] = await presentRows(db, [row]);
  return payable!;
}
