// 社会保险 lives in 人社局's own system (in the demo: demo/department-server). Read over HTTP
// with only the asked fields requested (data minimisation on the wire, too).
import { fieldList, RegisterUnavailableError, type RegisterAdapter } from '../register-adapter.ts';
import type { DepartmentClient } from './http-register-client.ts';

export const SOCIAL_INSURANCE_FIELDS = fieldList([
  ['status', 'string', '参保状态', 'Insured status'],
  ['socialSecurityNumber', 'string', '社会保障号码', 'Social security number'],
  ['employerName', 'string', '参保单位', 'Insuring employer'],
  ['contributionBaseFen', 'fen', '月缴费基数', 'Monthly contribution base'],
  ['firstInsuredMonth', 'month', '首次参保年月', 'First insured month'],
  ['contributionMonths', 'integer', '累计缴费月数', 'Months contributed'],
  ['contributionYears', 'integer', '累计缴费年限', 'Years contributed'],
  ['monthlyPensionFen', 'fen', '月养老金', 'Monthly pension'],
  ['cardBankAccount', 'string', '社保卡金融账号', 'Social security card bank account'],
  ['contributions', 'list', '缴费记录', 'Contribution record'],
]);

export function socialInsuranceHttpAdapter(client: DepartmentClient | undefined): RegisterAdapter {
  return {
    code: 'social_insurance',
    nameZh: '社会保险（人社局）',
    nameEn: 'Social insurance (Human Resources and Social Security Bureau)',
    departmentCode: 'hrss',
    subjectKind: 'person',
    fields: SOCIAL_INSURANCE_FIELDS,
    async read(subject, fields) {
      if (subject.kind !== 'person') throw new Error('social insurance was asked about an enterprise');
      if (!client) throw new RegisterUnavailableError('social_insurance', 'not_configured');
      const query = encodeURIComponent(fields.join(','));
      return (
        (await client.getJson(
          'social_insurance',
          `/v1/social-insurance/persons/${subject.idNumber}?fields=${query}`,
        )) ?? {}
      );
    },
  };
}
