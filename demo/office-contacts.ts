// Where the demo city's offices receive residents. District offices sit together in the
// district's administrative service centre (行政服务中心), street offices in the street's
// 社区事务受理服务中心, city bodies in the city centre. Addresses and phone numbers are
// INVENTED (real road names, made-up numbers) and the same on every machine.
import { seededRandom } from './random.ts';
import { SHANGHAI_DISTRICTS, type DemoStreet } from './shanghai-geography.ts';

export interface OfficeContact {
  address: string;
  phone: string;
  openingHours: string;
}

export const DEMO_OFFICE_HOURS = 'Mo-Fr 09:00-17:00; Sa 09:00-12:00';

/** A few main roads of each district, to build plausible addresses from. */
const DISTRICT_ROADS: Record<string, string[]> = {
  '310101': ['西藏中路', '复兴中路', '中华路', '河南南路'],
  '310104': ['漕溪北路', '宜山路', '龙华中路', '虹桥路'],
  '310105': ['长宁路', '天山路', '仙霞路', '愚园路'],
  '310106': ['共和新路', '延长中路', '江场路', '万荣路'],
  '310107': ['大渡河路', '曹杨路', '真北路', '武宁路'],
  '310109': ['飞虹路', '四平路', '曲阳路', '中山北路'],
  '310110': ['控江路', '平凉路', '黄兴路', '国和路'],
  '310112': ['沪闵路', '莘庄路', '七莘路', '都市路'],
  '310113': ['牡丹江路', '友谊路', '淞滨路', '共富路'],
  '310114': ['博乐路', '城中路', '叶城路', '塔城路'],
  '310115': ['合欢路', '张杨路', '浦东南路', '杨高中路'],
  '310116': ['龙山路', '卫零路', '蒙山路', '金山大道'],
  '310117': ['中山中路', '人民北路', '荣乐东路', '谷阳北路'],
  '310118': ['公园路', '城中北路', '华青路', '青松路'],
  '310120': ['南桥路', '解放东路', '望园路', '环城东路'],
  '310151': ['人民路', '八一路', '东门路', '鳌山路'],
};

/** FNV-1a: a stable seed per office code, so each office keeps its number. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return hash;
}

function streetNumber(random: () => number): number {
  return 1 + Math.floor(random() * 1200);
}

/** 021- and 8 digits starting 5 or 6, like a Shanghai landline. */
function phoneFor(officeCode: string): string {
  const random = seededRandom(seedOf(`phone:${officeCode}`));
  const rest = Array.from({ length: 7 }, () => Math.floor(random() * 10)).join('');
  return `021-${random() < 0.5 ? 5 : 6}${rest}`;
}

function districtOf(code: string) {
  const district = SHANGHAI_DISTRICTS.find((d) => d.code === code);
  if (!district) throw new Error(`unknown demo district ${code}`);
  return district;
}

/** The district's service centre: one address for every district office in it. */
function districtCentreAddress(districtCode: string): string {
  const district = districtOf(districtCode);
  const random = seededRandom(seedOf(`centre:${districtCode}`));
  const roads = DISTRICT_ROADS[districtCode] ?? [];
  const road = roads[Math.floor(random() * roads.length)] ?? '人民路';
  return `上海市${district.nameZh}${road}${streetNumber(random)}号（${district.nameZh}行政服务中心）`;
}

/** The street's 社区事务受理服务中心, on the road the street is named after when it is. */
function streetCentreAddress(street: DemoStreet): string {
  const district = districtOf(street.districtCode);
  const random = seededRandom(seedOf(`centre:${street.code}`));
  const roads = DISTRICT_ROADS[street.districtCode] ?? [];
  const namedRoad = /^(.+[路街])街道$/.exec(street.nameZh)?.[1];
  const road = namedRoad ?? roads[Math.floor(random() * roads.length)] ?? '人民路';
  return `上海市${district.nameZh}${road}${streetNumber(random)}号（${street.nameZh}社区事务受理服务中心）`;
}

/** Contact details of a demo office, by where it sits. */
export function demoOfficeContact(
  officeCode: string,
  place:
    { kind: 'city' } | { kind: 'district'; districtCode: string } | { kind: 'street'; street: DemoStreet },
): OfficeContact {
  const address =
    place.kind === 'city'
      ? '上海市黄浦区大沽路300号（上海市行政服务中心）'
      : place.kind === 'district'
        ? districtCentreAddress(place.districtCode)
        : streetCentreAddress(place.street);
  return { address, phone: phoneFor(officeCode), openingHours: DEMO_OFFICE_HOURS };
}
