// The results of an application reaching the outside of this module: certificates into the
// holder's wallet, and notifications to the applicant.
import type { Transaction } from 'kysely';
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { findVersionDefinition } from '../catalog/catalog-versions.service.ts';
import { issueCertificate } from '../certificates/certificates.service.ts';
import { notify } from '../notifications/notify.ts';
import { memberData } from './application-forms.ts';
import type { ApplicationTable } from './applications.tables.ts';
import type { EffectContext } from './workflow-effects.ts';

function holderOf(application: ApplicationTable): { personId: string } | { enterpriseId: string } {
  return application.applicantEnterpriseId
    ? { enterpriseId: application.applicantEnterpriseId }
    : { personId: application.applicantPersonId! };
}

/** Issues the certificate of one service of the application (null when it issues none). */
export async function issueBranchCertificate(
  context: EffectContext,
  serviceCode: string,
): Promise<{ id: string; number: string } | null> {
  const { trx, application, plan } = context;
  const versionId = plan.versions[serviceCode];
  if (!versionId) return null;
  const service = (await findVersionDefinition(trx, versionId)) as ServiceDefinition | undefined;
  if (!service) return null;
  let data = JSON.parse(application.data) as Record<string, unknown>;
  if (application.entryType === 'bundle') {
    const bundle = (await findVersionDefinition(trx, application.versionId)) as BundleDefinition;
    data = memberData(bundle, service, data);
  }
  return issueCertificate(trx, context.deps.signer, {
    applicationId: application.id,
    serviceCode,
    service,
    holder: holderOf(application),
    issuingOfficeId: plan.offices[serviceCode] ?? application.receivingOfficeId,
    data,
    issuedAt: context.now,
    actor: context.actor,
  });
}

export type ApplicantNotice =
  | 'submitted'
  | 'accepted'
  | 'supplement_requested'
  | 'approved'
  | 'refused'
  | 'partially_approved'
  | 'withdrawn'
  | 'not_accepted';

const NOTICES: Record<ApplicantNotice, { zh: string; en: string; bodyZh: string; bodyEn: string }> = {
  submitted: {
    zh: '申请已提交',
    en: 'Application submitted',
    bodyZh: '您的申请“{name}”已提交，受理编号 {receiptNo}，承诺于 {date} 前办结。',
    bodyEn: 'Your application "{name}" was submitted, receipt number {receiptNo}; promised by {date}.',
  },
  accepted: {
    zh: '申请已受理',
    en: 'Application accepted',
    bodyZh: '您的申请“{name}”（{receiptNo}）已受理，正在办理。',
    bodyEn: 'Your application "{name}" ({receiptNo}) has been accepted and is being handled.',
  },
  not_accepted: {
    zh: '申请不予受理',
    en: 'Application not accepted',
    bodyZh: '您的申请“{name}”（{receiptNo}）不予受理，请查看原因。',
    bodyEn: 'Your application "{name}" ({receiptNo}) was not accepted. See the reason.',
  },
  supplement_requested: {
    zh: '请补正材料',
    en: 'Please supply missing information',
    bodyZh: '您的申请“{name}”（{receiptNo}）需要补正，请一次性按清单修改后重新提交。',
    bodyEn:
      'Your application "{name}" ({receiptNo}) needs corrections. Fix everything on the list and resubmit.',
  },
  approved: {
    zh: '申请已办结',
    en: 'Application approved',
    bodyZh: '您的申请“{name}”（{receiptNo}）已办结，结果已发送。',
    bodyEn: 'Your application "{name}" ({receiptNo}) is approved and the result is on its way.',
  },
  partially_approved: {
    zh: '申请部分办结',
    en: 'Application partly approved',
    bodyZh: '您的申请“{name}”（{receiptNo}）部分事项已办结，部分未获批准，请查看详情。',
    bodyEn: 'Part of your application "{name}" ({receiptNo}) was approved and part refused. See the details.',
  },
  refused: {
    zh: '申请未获批准',
    en: 'Application refused',
    bodyZh: '您的申请“{name}”（{receiptNo}）未获批准，请查看原因。',
    bodyEn: 'Your application "{name}" ({receiptNo}) was refused. See the reason.',
  },
  withdrawn: {
    zh: '申请已撤回',
    en: 'Application withdrawn',
    bodyZh: '您的申请“{name}”（{receiptNo}）已撤回。',
    bodyEn: 'Your application "{name}" ({receiptNo}) has been withdrawn.',
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** Tells the applicant (the person, or the enterprise's legal rep and agents) what happened. */
export async function notifyApplicant(
  trx: Transaction<Database>,
  deps: AppDeps,
  application: Pick<
    ApplicationTable,
    'id' | 'nameZh' | 'nameEn' | 'receiptNo' | 'promisedDate' | 'applicantPersonId' | 'applicantEnterpriseId'
  >,
  notice: ApplicantNotice,
): Promise<void> {
  const text = NOTICES[notice];
  const values = { receiptNo: application.receiptNo, date: application.promisedDate };
  await notify(trx, deps.jobs, {
    recipients: application.applicantEnterpriseId
      ? { enterpriseIds: [application.applicantEnterpriseId] }
      : { personIds: [application.applicantPersonId!] },
    kind: `application.${notice}`,
    title: { zh: text.zh, en: text.en },
    body: {
      zh: fill(text.bodyZh, { ...values, name: application.nameZh }),
      en: fill(text.bodyEn, { ...values, name: application.nameEn }),
    },
    link: `/applications/${application.id}`,
    object: { type: 'application', id: application.id },
  });
}

/** In a bundle, one member service is done (approved or refused) while others may go on. */
export async function notifyBranchOutcome(
  trx: Transaction<Database>,
  deps: AppDeps,
  application: Pick<ApplicationTable, 'id' | 'receiptNo' | 'applicantPersonId' | 'applicantEnterpriseId'>,
  branch: { nameZh: string; nameEn: string },
  outcome: 'approved' | 'refused',
): Promise<void> {
  const approved = outcome === 'approved';
  await notify(trx, deps.jobs, {
    recipients: application.applicantEnterpriseId
      ? { enterpriseIds: [application.applicantEnterpriseId] }
      : { personIds: [application.applicantPersonId!] },
    kind: `application.member_${outcome}`,
    title: approved
      ? { zh: '一件事中的一项已办结', en: 'One service of your application is done' }
      : { zh: '一件事中的一项未获批准', en: 'One service of your application was refused' },
    body: {
      zh: `${application.receiptNo} 中的“${branch.nameZh}”${approved ? '已办结' : '未获批准，请查看原因'}。`,
      en: `"${branch.nameEn}" in ${application.receiptNo} ${approved ? 'is done' : 'was refused; see the reason'}.`,
    },
    link: `/applications/${application.id}`,
    object: { type: 'application', id: application.id },
  });
}
