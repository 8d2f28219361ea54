// The prefill report: for each service, how many fields a returning demo applicant still has to
// type after prefill. Runs the real prefill (gateway, rules, registers) for a demo person or
// enterprise, so the figures are what an applicant sees.
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { AuditActor } from '../../platform/audit/audit.ts';
import { prefillForm, type PrefillDeps } from './prefill.ts';
import type { SubjectRef } from './subjects.ts';

/** Widgets where the applicant types; the others (select, radio, checkbox, date) are picked. */
const TYPED_WIDGETS = new Set(['text', 'textarea', 'number', 'address']);

export interface ServicePrefillFigures {
  code: string;
  nameZh: string;
  subject: 'resident' | 'enterprise';
  fields: number;
  prefilled: number;
  /** Not prefilled and typed (text, number, address). */
  toType: number;
  /** Not prefilled and picked (a choice, a date, a tick). */
  toPick: number;
  unavailable: number;
  /** toType / fields. */
  typeShare: number;
}

export interface PrefillReport {
  services: ServicePrefillFigures[];
  totals: {
    fields: number;
    prefilled: number;
    toType: number;
    toPick: number;
    typeShare: number;
    answerShare: number;
  };
}

export interface ReportApplicants {
  resident: { subject: SubjectRef; actor: AuditActor };
  enterprise: { subject: SubjectRef; actor: AuditActor };
}

export async function prefillReport(
  deps: PrefillDeps,
  services: ServiceDefinition[],
  applicants: ReportApplicants,
): Promise<PrefillReport> {
  const rows: ServicePrefillFigures[] = [];
  for (const service of services) {
    const who = service.subject === 'enterprise' ? 'enterprise' : 'resident';
    const applicant = applicants[who];
    const result = await prefillForm(deps, {
      serviceCode: service.code,
      form: service.form,
      subject: applicant.subject,
      actor: applicant.actor,
    });
    const order = service.form.ui.order;
    const open = order.filter((field) => !(field in result.fields));
    const typed = open.filter((field) => TYPED_WIDGETS.has(service.form.ui.widgets?.[field] ?? 'text'));
    rows.push({
      code: service.code,
      nameZh: service.nameZh,
      subject: who,
      fields: order.length,
      prefilled: order.length - open.length,
      toType: typed.length,
      toPick: open.length - typed.length,
      unavailable: result.unavailable.length,
      typeShare: order.length ? typed.length / order.length : 0,
    });
  }
  const sum = (key: 'fields' | 'prefilled' | 'toType' | 'toPick') => rows.reduce((n, row) => n + row[key], 0);
  const fields = sum('fields');
  return {
    services: rows,
    totals: {
      fields,
      prefilled: sum('prefilled'),
      toType: sum('toType'),
      toPick: sum('toPick'),
      typeShare: fields ? sum('toType') / fields : 0,
      answerShare: fields ? (sum('toType') + sum('toPick')) / fields : 0,
    },
  };
}
