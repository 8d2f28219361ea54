// The reconciliation's use cases for operators: runs and their mismatches, resolving one with a
// note, starting a run, the CSV. Platform admins see everything; an office admin sees the
// mismatches involving their office's fees and fines (and nothing else of a run).
import { stringify } from 'csv-stringify/sync';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { Principal } from '../../../platform/auth/access.ts';
import { nowIso, type Db } from '../../../platform/db/database.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n/locale.ts';
import type {
  Mismatch,
  MismatchList,
  MismatchQuery,
  ReconciliationRun,
  ReconciliationRunDetail,
  ReconciliationRunList,
} from '../../../../contracts/api/reconciliation.ts';
import { financeOffices } from '../payer-access.ts';
import { BillerUnavailableError, ProviderUnavailableError } from '../ports.ts';
import { KIND_LABELS, SUBJECT_LABELS, adviceFor } from './advice.ts';
import { shanghaiDateOf } from './compare.ts';
import { GONE_NOTE, REPAIRED_NOTE, reconcileDay } from './reconcile.ts';
import type { ReconciliationMismatchTable, ReconciliationRunTable } from './reconciliation.tables.ts';

/** The office ids whose mismatches the caller sees; null = all (platform admin). */
function visibleOffices(principal: Principal): string[] | null {
  if (principal.isAdmin) return null;
  const offices = financeOffices(principal);
  if (!offices.length) throw new AppError('AUTH_FORBIDDEN');
  return offices;
}

function mismatchQuery(db: Db, offices: string[] | null) {
  let query = db.selectFrom('reconciliationMismatches as m');
  if (offices)
    query = query.where((eb) => eb.or(offices.map((office) => eb('m.officeIds', 'like', `%,${office},%`))));
  return query;
}

async function userNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** The notes the reconciliation itself writes are stored in both languages: show the caller's. */
const SYSTEM_NOTES: Record<string, Record<Locale, string>> = {
  [REPAIRED_NOTE]: {
    'zh-CN': '对账时已按支付机构的结果补记入账',
    en: 'Settled by reconciliation from the provider’s record',
  },
  [GONE_NOTE]: { 'zh-CN': '复核时差异已不存在', en: 'No longer differs when the day was checked again' },
};
const noteIn = (note: string, locale: Locale): string => SYSTEM_NOTES[note]?.[locale] ?? note;

function presentMismatch(
  row: ReconciliationMismatchTable,
  locale: Locale,
  names: Map<string, string>,
): Mismatch {
  return {
    id: row.id,
    businessDate: row.businessDate,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind][locale],
    subject: row.subject,
    subjectLabel: SUBJECT_LABELS[row.subject][locale],
    merchantOrderNo: row.merchantOrderNo,
    refundNo: row.refundNo,
    billNo: row.billNo,
    utilityKind: row.utilityKind,
    paymentRef: row.paymentRef,
    orderId: row.orderId,
    ourFen: row.ourFen === null ? null : Number(row.ourFen),
    theirFen: row.theirFen === null ? null : Number(row.theirFen),
    ourState: row.ourState,
    theirState: row.theirState,
    advice: adviceFor(row.kind, row.subject, locale),
    status: row.status,
    repaired: row.repaired === 1,
    resolutionNote: row.resolutionNote === null ? null : noteIn(row.resolutionNote, locale),
    resolvedBy: row.resolvedByUserId ? (names.get(row.resolvedByUserId) ?? null) : null,
    resolvedAt: row.resolvedAt,
    firstRunId: row.firstRunId,
    lastRunId: row.lastRunId,
    createdAt: row.createdAt,
  };
}

async function presentMismatches(db: Db, rows: ReconciliationMismatchTable[], locale: Locale) {
  const names = await userNames(
    db,
    rows.map((r) => r.resolvedByUserId),
  );
  return rows.map((row) => presentMismatch(row, locale, names));
}

async function presentRuns(
  db: Db,
  runs: ReconciliationRunTable[],
  offices: string[] | null,
): Promise<ReconciliationRun[]> {
  const dates = [...new Set(runs.map((r) => r.businessDate))];
  const open = new Map<string, number>();
  if (dates.length) {
    const counts = await mismatchQuery(db, offices)
      .select(['m.businessDate', (eb) => eb.fn.countAll<number>().as('count')])
      .where('m.status', '=', 'open')
      .where('m.businessDate', 'in', dates)
      .groupBy('m.businessDate')
      .execute();
    for (const row of counts) open.set(row.businessDate, Number(row.count));
  }
  return runs.map((run) => ({
    id: run.id,
    businessDate: run.businessDate,
    providerId: run.providerId,
    status: run.status,
    triggeredBy: run.triggeredBy,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    statementLines: run.statementLines,
    statementPaymentsFen: Number(run.statementPaymentsFen),
    statementRefundsFen: Number(run.statementRefundsFen),
    statementFeesFen: Number(run.statementFeesFen),
    confirmations: run.confirmations,
    ordersChecked: run.ordersChecked,
    mismatchesFound: run.mismatchesFound,
    repaired: run.repaired,
    openMismatches: open.get(run.businessDate) ?? 0,
    error: run.error,
  }));
}

export async function listRuns(
  deps: AppDeps,
  principal: Principal,
  page: { limit: number; offset: number },
): Promise<ReconciliationRunList> {
  const offices = visibleOffices(principal);
  const { db } = deps.database;
  const rows = await db
    .selectFrom('reconciliationRuns')
    .selectAll()
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await db
    .selectFrom('reconciliationRuns')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return { items: await presentRuns(db, rows, offices), total: Number(total.count) };
}

export async function getRun(
  deps: AppDeps,
  principal: Principal,
  runId: string,
  locale: Locale,
): Promise<ReconciliationRunDetail> {
  const offices = visibleOffices(principal);
  const { db } = deps.database;
  const run = await db
    .selectFrom('reconciliationRuns')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw new AppError('RECONCILIATION_RUN_NOT_FOUND');
  const rows = await mismatchQuery(db, offices)
    .selectAll('m')
    .where((eb) => eb.or([eb('m.firstRunId', '=', run.id), eb('m.lastRunId', '=', run.id)]))
    .orderBy('m.status')
    .orderBy('m.createdAt')
    .execute();
  const [presented] = await presentRuns(db, [run], offices);
  return { run: presented!, mismatches: await presentMismatches(db, rows, locale) };
}

function filtered(db: Db, offices: string[] | null, query: MismatchQuery) {
  let q = mismatchQuery(db, offices);
  if (query.status) q = q.where('m.status', '=', query.status);
  if (query.date) q = q.where('m.businessDate', '=', query.date);
  if (query.kind) q = q.where('m.kind', '=', query.kind);
  return q;
}

export async function listMismatches(
  deps: AppDeps,
  principal: Principal,
  query: MismatchQuery,
  locale: Locale,
): Promise<MismatchList> {
  const offices = visibleOffices(principal);
  const { db } = deps.database;
  const rows = await filtered(db, offices, query)
    .selectAll('m')
    .orderBy('m.businessDate', 'desc')
    .orderBy('m.createdAt', 'desc')
    .orderBy('m.id')
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
    .execute();
  const total = await filtered(db, offices, query)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return { items: await presentMismatches(db, rows, locale), total: Number(total.count) };
}

/** Every mismatch matching the filters as CSV (UTF-8 with BOM, so that Excel reads the Chinese). */
export async function mismatchesCsv(
  deps: AppDeps,
  principal: Principal,
  query: MismatchQuery,
  locale: Locale,
): Promise<string> {
  const { items } = await listMismatches(deps, principal, { ...query, limit: 100_000, offset: 0 }, locale);
  const en = locale === 'en';
  const header = en
    ? [
        'Date',
        'Kind',
        'Subject',
        'Order no',
        'Refund no',
        'Bill no',
        'Ours (fen)',
        'Theirs (fen)',
        'Our state',
        'Their state',
        'Status',
        'What to do',
        'Note',
        'Mismatch id',
      ]
    : [
        '对账日期',
        '差异类型',
        '对象',
        '商户订单号',
        '退款单号',
        '账单号',
        '本平台金额（分）',
        '对方金额（分）',
        '本平台状态',
        '对方状态',
        '处理状态',
        '处理建议',
        '处理说明',
        '差异编号',
      ];
  const status = (m: Mismatch) =>
    m.status === 'open'
      ? en
        ? 'open'
        : '待处理'
      : m.repaired
        ? en
          ? 'repaired'
          : '已自动补记'
        : en
          ? 'resolved'
          : '已处理';
  const rows = items.map((m) => [
    m.businessDate,
    m.kindLabel,
    m.subjectLabel,
    m.merchantOrderNo ?? '',
    m.refundNo ?? '',
    m.billNo ?? '',
    m.ourFen ?? '',
    m.theirFen ?? '',
    m.ourState ?? '',
    m.theirState ?? '',
    status(m),
    m.advice,
    m.resolutionNote ?? '',
    m.id,
  ]);
  return `\uFEFF${stringify([header, ...rows])}`;
}

export async function resolveMismatch(
  deps: AppDeps,
  principal: Principal,
  mismatchId: string,
  note: string,
  locale: Locale,
): Promise<Mismatch> {
  const offices = visibleOffices(principal);
  const { db } = deps.database;
  const row = await mismatchQuery(db, offices)
    .selectAll('m')
    .where('m.id', '=', mismatchId)
    .executeTakeFirst();
  if (!row) throw new AppError('RECONCILIATION_MISMATCH_NOT_FOUND');
  if (row.status === 'resolved') throw new AppError('RECONCILIATION_ALREADY_RESOLVED');
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('reconciliationMismatches')
      .set({
        status: 'resolved',
        resolutionNote: note.trim(),
        resolvedByUserId: principal.userId,
        resolvedAt: now,
        updatedAt: now,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('RECONCILIATION_ALREADY_RESOLVED');
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'payment.reconciliation.resolve',
      objectType: 'reconciliation_mismatch',
      objectId: row.id,
      details: { kind: row.kind, date: row.businessDate, note: note.trim() },
    });
  });
  const updated = await db
    .selectFrom('reconciliationMismatches')
    .selectAll()
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  const [presented] = await presentMismatches(db, [updated], locale);
  return presented!;
}

/** A platform admin reconciles a day now (any day that has begun, Asia/Shanghai). */
export async function startRun(
  deps: AppDeps,
  principal: Principal,
  date: string,
  locale: Locale,
): Promise<ReconciliationRunDetail> {
  if (!principal.isAdmin) throw new AppError('AUTH_FORBIDDEN');
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || date > shanghaiDateOf(deps.clock.now().toISOString()))
    throw new AppError('RECONCILIATION_DATE_NOT_OVER', { date }, { date });
  const { db } = deps.database;
  const running = await db
    .selectFrom('reconciliationRuns')
    .select('id')
    .where('businessDate', '=', date)
    .where('status', '=', 'running')
    .where('startedAt', '>', new Date(Date.now() - 10 * 60_000).toISOString())
    .executeTakeFirst();
  if (running) throw new AppError('RECONCILIATION_RUNNING', { date }, { date });
  let run: ReconciliationRunTable;
  try {
    run = await reconcileDay(deps, date, {
      by: 'operator',
      userId: principal.userId,
      userName: principal.displayName,
    });
  } catch (error) {
    if (error instanceof ProviderUnavailableError || error instanceof BillerUnavailableError)
      throw new AppError('RECONCILIATION_SOURCE_UNAVAILABLE', {}, { message: error.message });
    throw error;
  }
  return getRun(deps, principal, run.id, locale);
}
