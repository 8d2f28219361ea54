// Invented residents for the demo population register. Every name, ID number and address
// here is made up; ID numbers are well-formed (valid check digit) but belong to no one.
import { makeIdNumber } from '../src/contracts/id-number.ts';
import type { PopulationRecordTable } from '../src/server/modules/registers/registers.tables.ts';
import { SHANGHAI_DISTRICTS, demoStreets, streetByName } from './shanghai-geography.ts';
import { pick, seededRandom } from './random.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢傅钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柯庄';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '辉',
  '玲',
  '华',
  '红',
  '建国',
  '志强',
  '晓燕',
  '海燕',
  '佳怡',
  '子涵',
  '浩然',
  '欣怡',
  '宇轩',
  '梓萱',
  '一诺',
  '思远',
  '雨桐',
  '俊杰',
  '嘉怡',
  '诗涵',
  '晨曦',
  '天佑',
  '慧敏',
  '国平',
  '美玲',
  '振华',
];
const ROADS = [
  '四平路',
  '海宁路',
  '天宝路',
  '嘉兴路',
  '临平路',
  '曲阳路',
  '赤峰路',
  '中山北路',
  '长寿路',
  '石泉路',
  '武宁路',
  '曹杨路',
  '延安西路',
  '淮海中路',
  '南京西路',
  '浦东大道',
  '张杨路',
  '世纪大道',
  '沪闵路',
  '共和新路',
  '场中路',
  '宝山路',
];

export interface DemoResident {
  key: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  district: string;
  street: string;
  address: string;
}

/** The named demo residents that demo accounts and tests rely on. */
export const NAMED_RESIDENTS: DemoResident[] = [
  {
    key: 'zhangsan',
    name: '张三',
    gender: 'male',
    birthDate: '19850312',
    district: '虹口区',
    street: '嘉兴路街道',
    address: '上海市虹口区嘉兴路街道天宝路328弄12号501室',
  },
  {
    key: 'lisi',
    name: '李四',
    gender: 'male',
    birthDate: '19790621',
    district: '普陀区',
    street: '石泉路街道',
    address: '上海市普陀区石泉路街道石泉路155弄3号402室',
  },
  {
    key: 'wangfang',
    name: '王芳',
    gender: 'female',
    birthDate: '19760905',
    district: '虹口区',
    street: '曲阳路街道',
    address: '上海市虹口区曲阳路街道赤峰路60弄8号1101室',
  },
  {
    key: 'zhaomin',
    name: '赵敏',
    gender: 'female',
    birthDate: '19920117',
    district: '虹口区',
    street: '欧阳路街道',
    address: '上海市虹口区欧阳路街道欧阳路221弄5号302室',
  },
  {
    key: 'chenjing',
    name: '陈静',
    gender: 'female',
    birthDate: '19881030',
    district: '静安区',
    street: '宝山路街道',
    address: '上海市静安区宝山路街道宝山路511弄2号203室',
  },
  {
    key: 'liuqiang',
    name: '刘强',
    gender: 'male',
    birthDate: '19950704',
    district: '普陀区',
    street: '长征镇',
    address: '上海市普陀区长征镇梅川路1399弄18号602室',
  },
];

function idFor(resident: DemoResident, districtCode: string, sequence: number): string {
  // The 17th digit is odd for men and even for women.
  const genderDigit = resident.gender === 'male' ? 1 : 2;
  return makeIdNumber(districtCode, resident.birthDate, Math.floor(sequence / 10) * 10 + genderDigit);
}

/** The population register: the named residents plus `count` generated ones. */
export function demoPopulation(count = 400): {
  records: PopulationRecordTable[];
  idNumbers: Record<string, string>;
} {
  const random = seededRandom(20261124);
  const idNumbers: Record<string, string> = {};
  const records: PopulationRecordTable[] = NAMED_RESIDENTS.map((resident, index) => {
    const street = streetByName(resident.street, resident.district);
    const idNumber = idFor(resident, street.districtCode, 100 + index * 10);
    idNumbers[resident.key] = idNumber;
    return record(resident, idNumber, street.districtCode, street.code);
  });
  const streets = demoStreets();
  const seen = new Set(records.map((r) => r.idNumber));
  while (records.length < NAMED_RESIDENTS.length + count) {
    const street = pick(random, streets);
    const gender = random() < 0.5 ? 'male' : 'female';
    const year = 1940 + Math.floor(random() * 66);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const resident: DemoResident = {
      key: '',
      name: pick(random, [...SURNAMES]) + pick(random, GIVEN),
      gender,
      birthDate: `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`,
      district: street.districtCode,
      street: street.nameZh,
      address: '',
    };
    const idNumber = idFor(resident, street.districtCode, Math.floor(random() * 990));
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    const road = pick(random, ROADS);
    const districtName = SHANGHAI_DISTRICTS.find((d) => d.code === street.districtCode)?.nameZh ?? '';
    resident.address = `上海市${districtName}${street.nameZh}${road}${1 + Math.floor(random() * 1500)}弄${1 + Math.floor(random() * 40)}号${1 + Math.floor(random() * 20)}0${1 + Math.floor(random() * 4)}室`;
    records.push(record(resident, idNumber, street.districtCode, street.code));
  }
  return { records, idNumbers };
}

function record(
  resident: DemoResident,
  idNumber: string,
  districtCode: string,
  streetCode: string,
): PopulationRecordTable {
  const birth = resident.birthDate;
  return {
    idNumber,
    name: resident.name,
    gender: resident.gender,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    districtCode,
    streetCode,
    address: resident.address,
    householdAddress: resident.address,
  };
}
