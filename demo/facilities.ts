// The demo city's community facility network, shaped like the published one: 2130 facilities
// (99 street-level, 345 area-level, 1686 village-level), 95% built or renovated since 2014,
// 13 kinds of names, 84% of streets and towns running theirs through purchased services.
// Places, operators and numbers are invented (operators say 演示); the same on every machine.
import type { SeedFacility } from '../src/server/modules/facilities/facilities-seed.ts';
import type { FacilityTier } from '../src/server/modules/facilities/facilities.tables.ts';
import {
  FACILITY_SERVICE_KEYS,
  type FacilityNameType,
} from '../src/server/modules/facilities/facility-vocabulary.ts';
import { pick, seededRandom } from './random.ts';
import { SHANGHAI_DISTRICTS, demoStreets, type DemoStreet } from './shanghai-geography.ts';

export const DEMO_FACILITY_COUNTS = { street: 99, area: 345, village: 1686 } as const;
export const JIAXING_ROAD_STREET = '310109004';
export const DEMO_OPERATOR_FACILITY = { code: '310109004-A01', name: '嘉兴路街道市民驿站第一分站' };
const SELF_RUN_STREETS = 35; // 181 of 216 streets and towns buy the service: 83.8%
const OLD_FACILITIES = 106; // 2024 of 2130 built or renovated since 2014: 95.0%

/** Rough centre (lat, lng) and spread in degrees of each district. */
const DISTRICT_GEO: Record<string, [number, number, number]> = {
  '310101': [31.2317, 121.4846, 0.015],
  '310104': [31.1884, 121.4365, 0.03],
  '310105': [31.2104, 121.4041, 0.025],
  '310106': [31.253, 121.456, 0.025],
  '310107': [31.2495, 121.397, 0.025],
  '310109': [31.2646, 121.505, 0.018],
  '310110': [31.2795, 121.526, 0.025],
  '310112': [31.1128, 121.3817, 0.07],
  '310113': [31.3952, 121.4495, 0.07],
  '310114': [31.3747, 121.2655, 0.07],
  '310115': [31.2015, 121.6447, 0.14],
  '310116': [30.7917, 121.242, 0.08],
  '310117': [31.0323, 121.2277, 0.08],
  '310118': [31.1308, 121.0942, 0.09],
  '310120': [30.918, 121.524, 0.09],
  '310151': [31.623, 121.597, 0.16],
};

/** The local brand of each district, by tier; other kinds are mixed in. */
const BRANDS: Record<string, [FacilityNameType, FacilityNameType, FacilityNameType]> = {
  '310101': ['社区综合服务中心', '社区服务站', '邻里之家'],
  '310104': ['邻里汇', '邻里汇', '邻里之家'],
  '310105': ['社区(生活)服务中心', '生活驿站', '邻里之家'],
  '310106': ['市民驿站', '市民驿站', '睦邻点'],
  '310107': ['社区(生活)服务中心', '生活驿站', '邻里之家'],
  '310109': ['市民驿站', '市民驿站', '睦邻点'],
  '310110': ['睦邻中心', '睦邻中心', '睦邻点'],
  '310112': ['邻里中心', '邻里中心', '邻里之家'],
  '310113': ['社区综合服务中心', '睦邻中心', '睦邻点'],
  '310114': ['社区综合服务中心', '社区服务站', '家门口服务站'],
  '310115': ['邻里中心', '党群服务中心', '家门口服务站'],
  '310116': ['社区综合服务中心', '社区服务站', '睦邻点'],
  '310117': ['社区综合服务中心', '邻里中心', '邻里之家'],
  '310118': ['社区综合服务中心', '社区服务站', '睦邻点'],
  '310120': ['社区综合服务中心', '社区服务站', '睦邻点'],
  '310151': ['社区综合服务中心', '社区服务站', '睦邻点'],
};
const MIXED_IN: Record<FacilityTier, FacilityNameType[]> = {
  street: ['党群服务中心', '综合为老服务中心'],
  area: ['党群服务中心', '综合为老服务中心', '社区服务站', '生活驿站'],
  village: ['党群服务中心', '家门口服务站', '邻里之家'],
};
const HOURS: Record<FacilityTier, string[]> = {
  street: ['Mo-Su 08:30-20:00', 'Mo-Fr 08:30-17:00; Sa-Su 09:00-16:00', 'Mo-Sa 08:00-20:00; Su 09:00-17:00'],
  area: ['Mo-Fr 09:00-17:00; Sa 09:00-12:00', 'Mo-Sa 08:30-17:30', 'Mo-Fr 08:30-11:30,13:00-17:00'],
  village: [
    'Mo-Fr 09:00-11:30,13:30-17:00',
    'Mo-Fr 09:00-17:00',
    'Tu-Sa 09:00-16:30',
    'Mo,We,Fr 09:00-12:00',
  ],
};
const SERVICE_COUNT: Record<FacilityTier, [number, number]> = {
  street: [8, 12],
  area: [5, 8],
  village: [3, 5],
};
const STAFF: Record<FacilityTier, [number, number]> = { street: [10, 30], area: [4, 12], village: [1, 4] };
const ROADS = [
  '长寿路',
  '复兴路',
  '建设路',
  '幸福路',
  '和平路',
  '文化路',
  '光明路',
  '友谊路',
  '新华路',
  '同心路',
  '团结路',
  '康乐路',
];
const NEIGHBOURHOODS = [
  '友谊',
  '和平',
  '新华',
  '春晖',
  '阳光',
  '康乐',
  '金桥',
  '明华',
  '绿苑',
  '东方',
  '兴隆',
  '安居',
  '长春',
  '丰乐',
  '锦绣',
  '翠苑',
  '永安',
  '景苑',
];
const OPERATOR_WORDS = ['乐群', '益友', '同心', '仁爱', '映绿', '邻家', '乐龄', '睦邻', '善缘', '和乐'];
const TERMINAL_MODELS = ['TB-K100 自助一体机', 'TB-K200 政务服务终端', 'TB-H10 健康小屋终端'];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const between = (random: () => number, [min, max]: [number, number]) =>
  min + Math.floor(random() * (max - min + 1));

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** How many facilities of each tier each street gets, summing to the published counts. */
function tierCounts(random: () => number, streets: DemoStreet[]) {
  const counts = new Map(streets.map((street) => [street.code, { street: 0, area: 0, village: 1 }]));
  const jiaxing = counts.get(JIAXING_ROAD_STREET)!;
  jiaxing.street = 1;
  jiaxing.area = 3;
  const others = shuffled(
    random,
    streets.filter((street) => street.code !== JIAXING_ROAD_STREET),
  );
  for (const street of others.slice(0, DEMO_FACILITY_COUNTS.street - 1)) counts.get(street.code)!.street = 1;
  const weighted = streets.flatMap((street) =>
    street.kind === 'town' ? [street, street, street] : [street, street],
  );
  for (let left = DEMO_FACILITY_COUNTS.area - 3; left > 0; left -= 1)
    counts.get(pick(random, weighted).code)!.area += 1;
  for (let left = DEMO_FACILITY_COUNTS.village - streets.length; left > 0; left -= 1)
    counts.get(pick(random, weighted).code)!.village += 1;
  return counts;
}

/** The demo city's 2130 facilities, in a fixed order with fixed codes. */
export function demoFacilities(): SeedFacility[] {
  const random = seededRandom(20_261_124);
  const streets = demoStreets();
  const counts = tierCounts(random, streets);
  const selfRun = new Set(
    shuffled(
      random,
      streets.filter((street) => street.code !== JIAXING_ROAD_STREET),
    )
      .slice(0, SELF_RUN_STREETS)
      .map((street) => street.code),
  );
  const facilities: SeedFacility[] = [];
  for (const street of streets) {
    const district = SHANGHAI_DISTRICTS.find((d) => d.code === street.districtCode)!;
    const [lat0, lng0, spread] = DISTRICT_GEO[district.code]!;
    const centre =
      street.code === JIAXING_ROAD_STREET
        ? [31.2625, 121.4885]
        : [lat0 + (random() - 0.5) * 2 * spread, lng0 + (random() - 0.5) * 2 * spread];
    const short = street.nameZh.replace(/(街道|镇|乡)$/, '');
    const operator = `上海市${district.nameZh}${short}${pick(random, OPERATOR_WORDS)}社区服务中心（演示）`;
    const isPurchasedStreet = !selfRun.has(street.code);
    const count = counts.get(street.code)!;
    const tiers: [FacilityTier, number][] = [
      ['street', count.street],
      ['area', count.area],
      ['village', count.village],
    ];
    for (const [tier, howMany] of tiers) {
      for (let n = 1; n <= howMany; n += 1) {
        const brand = BRANDS[district.code]![tier === 'street' ? 0 : tier === 'area' ? 1 : 2];
        const nameType = random() < 0.2 ? pick(random, MIXED_IN[tier]) : brand;
        const kindText = nameType.replace(/[()]/g, '');
        const code = `${street.code}-${tier === 'street' ? 'S' : tier === 'area' ? 'A' : 'V'}${String(n).padStart(tier === 'village' ? 3 : 2, '0')}`;
        const name =
          tier === 'street'
            ? `${street.nameZh}${kindText}`
            : tier === 'area'
              ? nameType === '市民驿站'
                ? `${street.nameZh}市民驿站第${NUMERALS[(n - 1) % 10]}分站`
                : `${street.nameZh}第${NUMERALS[(n - 1) % 10]}片区${kindText}`
              : `${short}${pick(random, NEIGHBOURHOODS)}${street.kind === 'town' ? '村' : '居民区'}${kindText}`;
        const jitter = tier === 'street' ? 0.002 : 0.012;
        // In a street that buys the service, its street and area sites and some villages are run
        // by the operator; its first site always is.
        const isPurchased = isPurchasedStreet && (tier !== 'village' || n === 1 || random() < 0.6);
        const services = shuffled(random, FACILITY_SERVICE_KEYS).slice(
          0,
          between(random, SERVICE_COUNT[tier]),
        );
        const terminalCount =
          tier === 'street' ? between(random, [2, 3]) : tier === 'area' ? 1 : random() < 0.4 ? 1 : 0;
        facilities.push({
          record: {
            code,
            name: code === DEMO_OPERATOR_FACILITY.code ? DEMO_OPERATOR_FACILITY.name : name,
            nameType: code === DEMO_OPERATOR_FACILITY.code ? '市民驿站' : nameType,
            tier,
            districtCode: district.code,
            streetCode: street.code,
            address: `上海市${district.nameZh}${street.nameZh}${pick(random, ROADS)}${between(random, [1, 1200])}号`,
            lat: round6(centre[0]! + (random() - 0.5) * jitter * 2),
            lng: round6(centre[1]! + (random() - 0.5) * jitter * 2),
            builtYear: 0,
            renovatedYear: null,
            operatorModel: isPurchased ? 'purchased' : 'self',
            operatorName: isPurchased ? operator : null,
            services: [...services].sort().join(';'),
            openingHours: pick(random, HOURS[tier]),
          },
          staffCount: between(random, STAFF[tier]),
          terminals: Array.from({ length: terminalCount }, (_, index) => ({
            id: `T-${code}-${index + 1}`,
            model: pick(random, TERMINAL_MODELS),
            installedOn: `${between(random, [2019, 2025])}-${String(between(random, [1, 12])).padStart(2, '0')}-15`,
          })),
        });
      }
    }
  }
  assignYears(random, facilities);
  return facilities;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Exactly OLD_FACILITIES are neither built nor renovated since 2014; of the rest some are renovations. */
function assignYears(random: () => number, facilities: SeedFacility[]): void {
  const order = shuffled(
    random,
    facilities.map((_, index) => index),
  );
  order.forEach((index, position) => {
    const record = facilities[index]!.record;
    if (position < OLD_FACILITIES) {
      record.builtYear = between(random, [1990, 2012]);
      record.renovatedYear = random() < 0.5 ? null : between(random, [record.builtYear + 1, 2013]);
    } else if (random() < 0.3) {
      record.builtYear = between(random, [1985, 2012]);
      record.renovatedYear = between(random, [2014, 2024]);
    } else {
      record.builtYear = between(random, [2014, 2024]);
      record.renovatedYear = null;
    }
  });
}
