import type { ServiceDefinition } from '../../src/contracts/catalog.ts';

/** A valid service definition of 虹口区市场监管局's department (samr); override what a test needs. */
export function buildServiceDefinition(overrides: Partial<ServiceDefinition> = {}): ServiceDefinition {
  return {
    code: 'SAMR-T001',
    nameZh: '测试用户外广告登记',
    nameEn: 'Outdoor advertising registration (test)',
    aliases: ['招牌登记'],
    kind: 'registration',
    subject: 'enterprise',
    topics: ['operation'],
    departmentCode: 'samr',
    legalBasisZh: '《上海市户外广告设施管理办法》',
    guideZh: '设置户外招牌前，在网上填写招牌位置和尺寸即可登记。',
    guideEn: 'Register a shop sign online before putting it up.',
    conditionsZh: ['已取得营业执照'],
    conditionsEn: ['Holds a business licence'],
    materials: [
      {
        nameZh: '营业执照',
        nameEn: 'Business licence',
        requirement: 'required',
        form: 'electronic',
        heldByGovernment: {
          kind: 'certificate',
          source: 'certificate:business_licence',
          sourceNameZh: '电子证照库',
          sourceNameEn: 'E-certificate library',
        },
      },
      { nameZh: '招牌效果图', nameEn: 'Sign design', requirement: 'required', form: 'electronic' },
    ],
    form: {
      schema: {
        type: 'object',
        required: ['enterpriseName', 'signText'],
        properties: {
          enterpriseName: {
            type: 'string',
            title: '企业名称',
            'x-title-en': 'Enterprise name',
            minLength: 2,
          },
          uscc: { type: 'string', title: '统一社会信用代码', format: 'cn-uscc' },
          signText: { type: 'string', title: '招牌文字', maxLength: 30 },
        },
      },
      ui: { order: ['enterpriseName', 'uscc', 'signText'], prefill: { enterpriseName: 'enterprise.name' } },
    },
    legalTimeLimitDays: 10,
    promisedTimeLimitDays: 3,
    feeFen: 0,
    channels: ['online', 'counter'],
    tripsNeeded: 0,
    handlingScope: 'district',
    popularity: 10,
    ...overrides,
  };
}
