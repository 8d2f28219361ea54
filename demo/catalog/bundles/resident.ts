// Life events of residents (个人一件事): each bundle's merged form is derived from its members'
// forms, so that a parent, a couple or a bereaved family fills in each fact once.
import type { BundleDefinition } from '../../../src/contracts/catalog.ts';
import { defineBundle, serviceFinder } from '../bundle-builder.ts';
import { ALL_SERVICES } from '../services/all.ts';

const service = serviceFinder(ALL_SERVICES);

export const RESIDENT_BUNDLES: BundleDefinition[] = [
  defineBundle({
    code: 'BNDL-0001',
    nameZh: '新生儿出生一件事',
    nameEn: 'Having a Baby: One Application',
    aliases: [
      '出生一件事',
      '宝宝出生办什么',
      '新生儿一件事',
      '生孩子要办的事',
      'newborn bundle',
      'having a baby',
    ],
    subject: 'resident',
    topics: ['birth', 'health', 'social_security'],
    guideZh:
      '孩子出生后，在一张表里填写一次宝宝和父母的信息，就能同时办理出生医学证明、报户口、预防接种证、社保卡、居民医保参保和生育保险待遇申领。出生证明签发后，户籍登记、社保卡和医保参保自动接续，不用再跑医院、派出所和社区。',
    guideEn:
      'After the birth, enter the baby’s and parents’ details once to get the medical birth certificate, household registration, vaccination record, social security card, residents’ medical insurance and maternity benefit together. Once the birth certificate is issued the rest follows automatically, with no trips to the hospital, police station or community centre.',
    members: [
      service('HLTH-0001'),
      service('PSBH-0002'),
      service('HLTH-0002'),
      service('HRSS-0002'),
      service('MIB-0004'),
      service('MIB-0007'),
    ],
    links: {
      childName: [
        ['HRSS-0002', 'holderName'],
        ['MIB-0004', 'insuredName'],
      ],
      childIdNumber: [
        ['HRSS-0002', 'holderIdNumber'],
        ['MIB-0004', 'insuredIdNumber'],
      ],
      applicantName: [['HRSS-0002', 'guardianName']],
      address: [['HRSS-0002', 'deliveryAddress']],
    },
    titles: {
      childIdNumber: ['婴儿公民身份号码', "Baby's ID number"],
      applicantName: ['申报人（父亲或母亲）姓名', 'Name of the parent applying'],
      address: ['居住地址（社保卡邮寄地址）', 'Home address (the card is posted here)'],
    },
    onMemberRefused: 'continue_others',
    popularity: 92,
  }),
  defineBundle({
    code: 'BNDL-0002',
    nameZh: '结婚一件事',
    nameEn: 'Getting Married: One Application',
    aliases: ['婚育一件事', '结婚要办的事', '领证一件事', 'getting married bundle'],
    subject: 'resident',
    topics: ['marriage', 'housing', 'birth'],
    guideZh:
      '预约结婚登记时一并办理婚后户口迁移（投靠配偶）、公积金婚姻状况变更和生育登记。两人到婚姻登记处领证后，其余事项自动推送办理，户口簿和办理结果在网上查看。',
    guideEn:
      'When you book your marriage registration you can also move your household registration to your spouse’s, update your housing fund marital status and register a planned birth. Once you collect the certificate at the registry, the rest is processed automatically and you can follow it online.',
    members: [service('CAB-0001'), service('PSBH-0001'), service('HPF-0012'), service('HLTH-0003')],
    titles: {
      spouseName: ['配偶（对方）姓名', "Spouse's name"],
      spouseIdNumber: ['配偶（对方）身份号码', "Spouse's ID number"],
    },
    onMemberRefused: 'fail_bundle',
    popularity: 70,
  }),
  defineBundle({
    code: 'BNDL-0003',
    nameZh: '身后一件事',
    nameEn: 'When Someone Dies: One Application',
    aliases: ['身后事', '老人去世要办什么', '死亡一件事', '丧事办理', 'bereavement bundle', 'after a death'],
    subject: 'resident',
    topics: ['death', 'social_security'],
    guideZh:
      '亲人去世后，家属只需填写一次逝者和本人的信息，就能同时办理死亡医学证明、户口注销、丧葬补助金和抚恤金、殡葬补贴、住房公积金提取和医保个人账户继承。各项钱款打入同一个银行账户，不用在多个部门之间来回跑。',
    guideEn:
      'After a death the family enters the details of the deceased and themselves once to get the medical death certificate, cancel the household registration, claim the funeral grant and survivor pension, the funeral subsidy, the housing fund balance and the medical account balance. All payments go to one bank account, without going from office to office.',
    members: [
      service('HLTH-0004'),
      service('PSBH-0003'),
      service('HRSS-0007'),
      service('CAB-0012'),
      service('HPF-0006'),
      service('MIB-0011'),
    ],
    titles: {
      applicantName: ['家属（申请人）姓名', "Family member's name"],
      bankAccount: ['收款银行账号', 'Account for the payments'],
    },
    onMemberRefused: 'continue_others',
    popularity: 60,
  }),
  defineBundle({
    code: 'BNDL-0004',
    nameZh: '退休一件事',
    nameEn: 'Retiring: One Application',
    aliases: ['退休要办的事', '办退休一件事', '退休手续一次办', 'retirement bundle'],
    subject: 'resident',
    topics: ['retirement', 'social_security', 'housing'],
    guideZh:
      '到了退休年龄，一次申请就能办理退休和养老金申领、退休人员医保待遇核定和住房公积金退休提取。养老金、公积金打入同一个银行账户，医保待遇自动转为退休人员标准。',
    guideEn:
      'At retirement age one application covers retirement and the pension claim, retiree medical benefits and the housing fund withdrawal. The pension and fund go to one bank account and medical benefits switch to the retiree rate automatically.',
    members: [service('HRSS-0006'), service('MIB-0005'), service('HPF-0005')],
    onMemberRefused: 'continue_others',
    popularity: 72,
  }),
  defineBundle({
    code: 'BNDL-0005',
    nameZh: '残疾人服务一件事',
    nameEn: 'Support for People with Disabilities: One Application',
    aliases: ['残疾人一件事', '残疾人补贴一次办', '残疾人帮扶', 'disability support bundle'],
    subject: 'resident',
    topics: ['daily_life', 'health', 'employment'],
    guideZh:
      '持证残疾人填写一次信息，即可同时申请困难残疾人生活补贴和重度残疾人护理补贴、医疗救助、居家无障碍改造和就业困难人员认定。残疾人证、低保等信息由系统核验，各部门分别审核、结果统一告知。',
    guideEn:
      'People with a disability certificate fill in one form to apply for the living and nursing subsidies, medical assistance, home adaptations and recognition for employment support. Disability and income records are checked automatically; each department decides and you get all the results together.',
    members: [service('CAB-0009'), service('MIB-0009'), service('STRT-0005'), service('HRSS-0013')],
    onMemberRefused: 'continue_others',
    popularity: 40,
  }),
  defineBundle({
    code: 'BNDL-0006',
    nameZh: '入学一件事',
    nameEn: 'Starting School: One Application',
    aliases: ['入学要办的事', '小学入学一件事', '上学一件事', 'starting school bundle'],
    subject: 'resident',
    topics: ['education', 'health'],
    guideZh:
      '为孩子报名小学或初中时，一并完成预防接种证查验和学生医保参保。户籍、房产、居住证和接种记录由系统核验，漏种疫苗会提醒补种。',
    guideEn:
      'When registering your child for primary or middle school, the vaccination check and the student medical insurance enrolment are done too. Household, property, residence permit and vaccination records are checked automatically, with a reminder for any missed doses.',
    members: [service('EDU-0001'), service('HLTH-0005'), service('MIB-0004')],
    links: {
      childName: [['MIB-0004', 'insuredName']],
      childIdNumber: [['MIB-0004', 'insuredIdNumber']],
    },
    onMemberRefused: 'continue_others',
    popularity: 75,
  }),
  defineBundle({
    code: 'BNDL-0007',
    nameZh: '二手房交易登记一件事',
    nameEn: 'Buying a Second-Hand Home: One Application',
    aliases: [
      '二手房过户一件事',
      '买房过户一次办',
      '房产交易一件事',
      '水电气过户',
      'second-hand home bundle',
    ],
    subject: 'both',
    topics: ['housing', 'daily_life'],
    guideZh:
      '二手房买卖双方在一张表里填写一次信息，就能同时完成税费申报缴纳、不动产转移登记，以及水、电、燃气过户。缴税后当场办理过户、领取不动产权证书，公用事业企业根据登记结果直接过户。',
    guideEn:
      'Buyer and seller fill in one form to declare and pay the taxes, register the transfer and move the water, electricity and gas accounts. The title is transferred and issued on the spot after payment, and the utility companies act on the registration directly.',
    members: [
      service('TAX-0008'),
      service('PNR-0004'),
      service('WATER-0004'),
      service('STRT-0003'),
      service('STRT-0004'),
    ],
    links: {
      buyerName: [
        ['WATER-0004', 'newHolderName'],
        ['STRT-0003', 'newHolderName'],
        ['STRT-0004', 'newHolderName'],
      ],
      buyerIdNumber: [
        ['WATER-0004', 'newHolderIdNumber'],
        ['STRT-0003', 'newHolderIdNumber'],
        ['STRT-0004', 'newHolderIdNumber'],
      ],
    },
    onMemberRefused: 'fail_bundle',
    popularity: 78,
  }),
];
