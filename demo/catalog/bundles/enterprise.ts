// Lifecycle events of enterprises (企业一件事): opening, hiring, building and closing.
import type { BundleDefinition } from '../../../src/contracts/catalog.ts';
import { defineBundle, serviceFinder } from '../bundle-builder.ts';
import { ALL_SERVICES } from '../services/all.ts';

const service = serviceFinder(ALL_SERVICES);

export const ENTERPRISE_BUNDLES: BundleDefinition[] = [
  defineBundle({
    code: 'BNDL-0008',
    nameZh: '企业开办一件事',
    nameEn: 'Starting a Company: One Application',
    aliases: ['企业开办', '一窗通', '开公司一件事', '注册公司全流程', 'start a company bundle'],
    subject: 'enterprise',
    topics: ['startup', 'tax', 'hiring'],
    guideZh:
      '在“一窗通”填写一次信息，就能完成企业名称申报、设立登记、税务登记和数电发票开通、单位社保登记和住房公积金缴存登记。营业执照发出后，其余登记自动接续，企业开办全程一般不超过1个工作日。',
    guideEn:
      'Fill in one form to declare the name, register the company, register for tax and digital invoices, and open the employer social insurance and housing fund accounts. Once the licence is issued the rest follows automatically; the whole start-up usually takes no more than one working day.',
    members: [
      service('SAMR-0007'),
      service('SAMR-0001'),
      service('TAX-0001'),
      service('TAX-0002'),
      service('HRSS-0009'),
      service('HPF-0007'),
    ],
    titles: { applicantName: ['申请人（投资人）姓名', "Applicant's (investor's) name"] },
    onMemberRefused: 'fail_bundle',
    popularity: 90,
  }),
  defineBundle({
    code: 'BNDL-0009',
    nameZh: '开办餐饮店一件事',
    nameEn: 'Opening a Restaurant: One Application',
    aliases: ['开饭店一件事', '开餐馆一件事', '开奶茶店', '餐饮店开业', 'open a restaurant bundle'],
    // The founder applies before the company exists, or the company once it does.
    subject: 'both',
    topics: ['startup', 'operation', 'tax'],
    guideZh:
      '开饭店只需填写一张表，同时办理营业执照、食品经营许可证、公众聚集场所消防安全检查、城镇污水排入排水管网许可、税务登记和户外招牌设置备案。符合告知承诺条件的，多项许可当场发证，现场核查合并安排一次。',
    guideEn:
      'To open a restaurant, fill in one form for the business licence, food business licence, fire safety inspection, wastewater discharge permit, tax registration and shop sign filing. Where the pledge option applies several licences are issued at once, and the site checks are combined into one visit.',
    members: [
      service('SAMR-0001'),
      service('SAMR-0010'),
      service('FIRE-0001'),
      service('WATER-0002'),
      service('TAX-0001'),
      service('HCC-0003'),
    ],
    titles: {
      pledge: [
        '本单位承诺所填信息真实并符合各项许可条件',
        'We declare the information true and the conditions met',
      ],
    },
    onMemberRefused: 'fail_bundle',
    popularity: 88,
  }),
  defineBundle({
    code: 'BNDL-0010',
    nameZh: '开办歌舞娱乐场所一件事',
    nameEn: 'Opening a Karaoke Venue: One Application',
    aliases: ['开KTV一件事', '开歌舞厅', 'open a karaoke bundle'],
    subject: 'enterprise',
    topics: ['startup', 'operation'],
    guideZh:
      '开办KTV、歌舞厅等娱乐场所，一次申请即可办理营业执照、公众聚集场所消防安全检查、娱乐经营许可证和税务登记。消防检查和文旅现场检查合并进行。',
    guideEn:
      'To open a karaoke venue or dance hall, one application covers the business licence, fire safety inspection, entertainment licence and tax registration, with the fire and culture inspections done together.',
    members: [service('SAMR-0001'), service('FIRE-0001'), service('CTB-0001'), service('TAX-0001')],
    links: { entertainmentVenueType: [['CTB-0001', 'venueType']] },
    titles: { entertainmentVenueType: ['娱乐场所类别', 'Kind of entertainment venue'] },
    onMemberRefused: 'fail_bundle',
    popularity: 35,
  }),
  defineBundle({
    code: 'BNDL-0011',
    nameZh: '员工录用一件事',
    nameEn: 'Hiring an Employee: One Application',
    aliases: ['招人一件事', '新员工入职', '录用备案一次办', 'hiring bundle', 'onboard an employee'],
    subject: 'enterprise',
    topics: ['hiring', 'social_security'],
    guideZh:
      '企业招用员工后，填写一次员工信息，就能同时办理就业登记、社保增员和住房公积金账户设立。社保和公积金缴存基数一次申报，员工的社保卡和医保关系自动建立。',
    guideEn:
      'After hiring, enter the employee once to register the employment, enrol them in social insurance and open their housing fund account. The contribution base is declared once and the employee’s social security card and medical insurance follow automatically.',
    members: [service('HRSS-0011'), service('HRSS-0010'), service('HPF-0008')],
    onMemberRefused: 'continue_others',
    popularity: 74,
  }),
  defineBundle({
    code: 'BNDL-0012',
    nameZh: '建设工程竣工验收一件事',
    nameEn: 'Completion Acceptance of a Building Project: One Application',
    aliases: ['联合验收', '竣工联合验收', '竣工验收一次办', 'joint completion acceptance'],
    subject: 'enterprise',
    topics: ['construction'],
    guideZh:
      '工程竣工后，建设单位一次申请，规划资源、消防、排水等专项验收同步进行、一次现场踏勘，全部通过后自动完成竣工验收备案。测绘成果多测合一，验收结果共享给不动产登记。',
    guideEn:
      'After completion the developer applies once: planning and land, fire and drainage inspections run together with one site visit, and the completion filing follows automatically when all pass. One combined survey is used and the results go straight to real estate registration.',
    members: [service('PNR-0003'), service('FIRE-0002'), service('WATER-0001'), service('HCC-0002')],
    onMemberRefused: 'fail_bundle',
    popularity: 45,
  }),
  defineBundle({
    code: 'BNDL-0013',
    nameZh: '企业注销一件事',
    nameEn: 'Closing a Company: One Application',
    aliases: ['注销一件事', '公司注销一次办', '企业退出', 'close a company bundle'],
    subject: 'enterprise',
    topics: ['deregistration', 'tax'],
    guideZh:
      '企业清算完成后，一次申请即可办理清税、注销登记、单位社保注销和住房公积金缴存注销。各部门同步审核，税务、社保、公积金结清信息实时共享，不用逐个部门开证明。',
    guideEn:
      'After liquidation one application covers tax clearance, deregistration and closing the social insurance and housing fund accounts. The departments work in parallel and share the clearance records, so no certificates have to be fetched from each.',
    members: [service('TAX-0003'), service('SAMR-0004'), service('HRSS-0012'), service('HPF-0009')],
    onMemberRefused: 'fail_bundle',
    popularity: 50,
  }),
];
