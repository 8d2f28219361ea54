// Registers about enterprises: the 法人库 (the platform's enterprise record plus the registration
// details of the demo city, demo/registers/enterprise.ts) and the certificate wallet.
import { enterpriseDetailsOf } from '../../../../../demo/registers/enterprise.ts';
import type { Db } from '../../../platform/db/database.ts';
import { listWallet } from '../../certificates/certificates.service.ts';
import { fieldList, pickFields, type RegisterAdapter, type RegisterSubject } from '../register-adapter.ts';

export function enterpriseAdapter(): RegisterAdapter {
  return {
    code: 'enterprise',
    nameZh: '法人库（市场监管）',
    nameEn: 'Enterprise register (market regulation)',
    departmentCode: 'samr',
    subjectKind: 'enterprise',
    fields: fieldList([
      ['name', 'string', '企业名称', 'Enterprise name'],
      ['uscc', 'string', '统一社会信用代码', 'Unified social credit code'],
      ['address', 'string', '住所', 'Registered address'],
      ['legalRepresentative', 'string', '法定代表人', 'Legal representative'],
      ['legalRepIdNumber', 'string', '法定代表人身份号码', "Legal representative's ID number"],
      ['companyType', 'string', '企业类型', 'Company type'],
      ['registeredCapitalWan', 'integer', '注册资本（万元）', 'Registered capital (10k yuan)'],
      ['industry', 'string', '行业', 'Industry'],
      ['sizeClass', 'string', '企业规模', 'Size'],
      ['employees', 'integer', '从业人数', 'Employees'],
      ['establishedOn', 'date', '成立日期', 'Established on'],
      ['businessScope', 'string', '经营范围', 'Business scope'],
      ['registrationStatus', 'string', '登记状态', 'Registration status'],
      ['email', 'string', '联络邮箱', 'Contact email'],
      ['taxCreditRating', 'string', '纳税信用等级', 'Tax credit rating'],
      ['annualTaxPaidWan', 'integer', '上年度纳税额（万元）', 'Tax paid last year (10k yuan)'],
      ['branches', 'list', '分支机构', 'Branches'],
      ['formerAddresses', 'list', '住所变更记录', 'Former registered addresses'],
    ]),
    async read(subject, fields) {
      if (subject.kind !== 'enterprise') throw new Error('the enterprise register was asked about a person');
      return pickFields(
        {
          ...enterpriseDetailsOf(subject.uscc, subject.name),
          name: subject.name,
          uscc: subject.uscc,
          address: subject.address ?? undefined,
          legalRepresentative: subject.legalRepName ?? undefined,
          legalRepIdNumber: subject.legalRepIdNumber ?? undefined,
        },
        fields,
      );
    },
  };
}

/**
 * The certificate wallet read as a register: the certificates module's `listWallet`, valid
 * certificates only (an expired or revoked one does not spare anyone a material).
 */
export function certificatesAdapter(db: Db): RegisterAdapter {
  return {
    code: 'certificates',
    nameZh: '电子证照库',
    nameEn: 'Electronic certificates',
    departmentCode: 'data-bureau',
    subjectKind: 'both',
    fields: fieldList([
      ['certificates', 'list', '持有的有效证照', 'Valid certificates held'],
      ['certificateTypes', 'list', '持有的证照类型', 'Types of certificates held'],
    ]),
    async read(subject: RegisterSubject, fields) {
      const holder =
        subject.kind === 'person' ? { personId: subject.personId } : { enterpriseId: subject.enterpriseId };
      const valid = (await listWallet(db, holder)).filter((c) => c.status === 'valid');
      return pickFields(
        {
          certificates: valid.map(({ number, certificateType, nameZh, nameEn, validUntil }) => ({
            number,
            certificateType,
            nameZh,
            nameEn,
            validUntil,
          })),
          certificateTypes: [...new Set(valid.map((c) => c.certificateType))],
        },
        fields,
      );
    },
  };
}
