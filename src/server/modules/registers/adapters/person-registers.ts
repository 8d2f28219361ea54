// The registers about people that the platform serves in-process: the population register (our
// table plus family relations), the 一网通办 account, and the demo city's housing fund, medical
// insurance, vehicles and utilities (generated from the ID number, demo/registers).
import { familyOf } from '../../../../../demo/registers/family.ts';
import { housingFundOf } from '../../../../../demo/registers/housing-fund.ts';
import { medicalInsuranceOf } from '../../../../../demo/registers/medical-insurance.ts';
import { utilitiesOf } from '../../../../../demo/registers/utilities.ts';
import { vehiclesOf } from '../../../../../demo/registers/vehicles.ts';
import type { Db } from '../../../platform/db/database.ts';
import { findPopulationRecord } from '../registers.service.ts';
import { fieldList, pickFields, type RegisterAdapter, type RegisterSubject } from '../register-adapter.ts';

function personOnly(subject: RegisterSubject) {
  if (subject.kind !== 'person') throw new Error('a person register was asked about an enterprise');
  return subject;
}

export function populationAdapter(db: Db): RegisterAdapter {
  return {
    code: 'population',
    nameZh: '人口库（公安户籍）',
    nameEn: 'Population register (police household registration)',
    departmentCode: 'police-household',
    subjectKind: 'person',
    fields: fieldList([
      ['name', 'string', '姓名', 'Name'],
      ['idNumber', 'string', '公民身份号码', 'Citizen ID number'],
      ['gender', 'string', '性别', 'Gender'],
      ['birthDate', 'date', '出生日期', 'Date of birth'],
      ['address', 'string', '居住地址', 'Residential address'],
      ['householdAddress', 'string', '户籍地址', 'Household registration address'],
      ['districtCode', 'string', '居住区', 'District of residence'],
      ['streetCode', 'string', '居住街镇', 'Street of residence'],
      ['maritalStatus', 'string', '婚姻状况', 'Marital status'],
      ['spouseName', 'string', '配偶姓名', "Spouse's name"],
      ['spouseIdNumber', 'string', '配偶身份号码', "Spouse's ID number"],
      ['childName', 'string', '子女姓名（最小子女）', "Youngest child's name"],
      ['childIdNumber', 'string', '子女身份号码（最小子女）', "Youngest child's ID number"],
      ['childBirthDate', 'date', '子女出生日期（最小子女）', "Youngest child's date of birth"],
      ['childGender', 'string', '子女性别（最小子女）', "Youngest child's gender"],
      ['children', 'list', '子女', 'Children'],
      ['householdSize', 'integer', '家庭人数', 'Household size'],
      ['householderName', 'string', '户主姓名', 'Head of household'],
    ]),
    async read(subject, fields) {
      const person = personOnly(subject);
      const record = await findPopulationRecord(db, person.idNumber);
      if (!record) return {};
      const family = familyOf(record.idNumber, record.name);
      const youngest = family.children.at(-1);
      return pickFields(
        {
          ...record,
          maritalStatus: family.maritalStatus,
          spouseName: family.spouse?.name,
          spouseIdNumber: family.spouse?.idNumber,
          childName: youngest?.name,
          childIdNumber: youngest?.idNumber,
          childBirthDate: youngest?.birthDate,
          childGender: youngest?.gender,
          children: family.children,
          householdSize: family.householdSize,
          householderName: family.householderName,
        },
        fields,
      );
    },
  };
}

/** The 一网通办 real-name account: the mobile number verified when the person registered. */
export function accountAdapter(): RegisterAdapter {
  return {
    code: 'account',
    nameZh: '一网通办实名账户（大数据中心）',
    nameEn: 'One-stop service account (Big Data Centre)',
    departmentCode: 'data-bureau',
    subjectKind: 'person',
    fields: fieldList([['mobile', 'string', '已验证手机号码', 'Verified mobile number']]),
    async read(subject, fields) {
      const person = personOnly(subject);
      return pickFields({ mobile: person.mobile ?? undefined }, fields);
    },
  };
}

export function housingFundAdapter(): RegisterAdapter {
  return {
    code: 'housing_fund',
    nameZh: '住房公积金（公积金中心）',
    nameEn: 'Housing provident fund (Housing Fund Centre)',
    departmentCode: 'housing-fund',
    subjectKind: 'person',
    fields: fieldList([
      ['status', 'string', '账户状态', 'Account status'],
      ['accountNumber', 'string', '公积金账号', 'Fund account number'],
      ['employerName', 'string', '缴存单位', 'Depositing employer'],
      ['monthlyDepositFen', 'fen', '月缴存额', 'Monthly deposit'],
      ['balanceFen', 'fen', '账户余额', 'Balance'],
      ['movements', 'list', '缴存和提取明细', 'Deposits and withdrawals'],
    ]),
    async read(subject, fields) {
      return pickFields({ ...housingFundOf(personOnly(subject).idNumber) }, fields);
    },
  };
}

export function medicalInsuranceAdapter(): RegisterAdapter {
  return {
    code: 'medical_insurance',
    nameZh: '医疗保险（医保局）',
    nameEn: 'Medical insurance (Healthcare Security Bureau)',
    departmentCode: 'medical-insurance',
    subjectKind: 'person',
    fields: fieldList([
      ['status', 'string', '参保状态', 'Insured status'],
      ['category', 'string', '参保人员类别', 'Insured category'],
      ['personalAccountBalanceFen', 'fen', '个人账户余额', 'Personal account balance'],
      ['designatedHospital', 'string', '定点医院', 'Designated hospital'],
      ['settlements', 'list', '近期结算', 'Recent settlements'],
    ]),
    async read(subject, fields) {
      return pickFields({ ...medicalInsuranceOf(personOnly(subject).idNumber) }, fields);
    },
  };
}

export function vehiclesAdapter(): RegisterAdapter {
  return {
    code: 'vehicles',
    nameZh: '机动车和驾驶人（公安交警）',
    nameEn: 'Vehicles and drivers (traffic police)',
    departmentCode: 'police-traffic',
    subjectKind: 'person',
    fields: fieldList([
      ['drivingLicence', 'object', '驾驶证', 'Driving licence'],
      ['vehicles', 'list', '名下机动车', 'Vehicles'],
      ['plateNumber', 'string', '号牌号码', 'Plate number'],
      ['vin', 'string', '车辆识别代号', 'VIN'],
      ['vinSuffix', 'string', '车辆识别代号后六位', 'Last six characters of the VIN'],
      ['violations', 'list', '交通违法记录', 'Traffic violations'],
    ]),
    async read(subject, fields) {
      const record = vehiclesOf(personOnly(subject).idNumber);
      const first = record.vehicles[0];
      return pickFields(
        { ...record, plateNumber: first?.plateNumber, vin: first?.vin, vinSuffix: first?.vin.slice(-6) },
        fields,
      );
    },
  };
}

export function utilitiesAdapter(db: Db): RegisterAdapter {
  return {
    code: 'utilities',
    nameZh: '水电燃气户号（公用事业单位）',
    nameEn: 'Utility accounts (water, power and gas companies)',
    departmentCode: 'water',
    subjectKind: 'person',
    fields: fieldList([
      ['accounts', 'list', '水电燃气户号', 'Utility accounts'],
      ['waterAccountNumber', 'string', '水费户号', 'Water account number'],
      ['electricityAccountNumber', 'string', '电费户号', 'Electricity account number'],
      ['gasAccountNumber', 'string', '燃气户号', 'Gas account number'],
      ['waterDueFen', 'fen', '水费待缴金额', 'Water bill due'],
      ['electricityDueFen', 'fen', '电费待缴金额', 'Electricity bill due'],
      ['gasDueFen', 'fen', '燃气费待缴金额', 'Gas bill due'],
    ]),
    async read(subject, fields) {
      const person = personOnly(subject);
      const record = await findPopulationRecord(db, person.idNumber);
      if (!record) return {};
      const accounts = utilitiesOf(person.idNumber, record.address);
      const number = (kind: string) => accounts.find((a) => a.kind === kind)?.accountNumber;
      // Nothing owed is no amount to prefill (a payment of 0 is no payment).
      const due = (kind: string) => accounts.find((a) => a.kind === kind && a.dueFen > 0)?.dueFen;
      return pickFields(
        {
          accounts,
          waterAccountNumber: number('water'),
          electricityAccountNumber: number('electricity'),
          gasAccountNumber: number('gas'),
          waterDueFen: due('water'),
          electricityDueFen: due('electricity'),
          gasDueFen: due('gas'),
        },
        fields,
      );
    },
  };
}
