// Pure rules of certificates: which services issue what, numbers, validity dates, masking.
import type { CertificateStatus } from '../../../contracts/api/certificates.ts';
import type { ServiceDefinition, ServiceResult } from '../../../contracts/catalog.ts';

export type CertificateResult = ServiceResult;

/**
 * What completing the service issues: the service's own `result`, or for licences,
 * confirmations and registrations a decision document named after the service; nothing for
 * queries, payments, benefits and other public services.
 */
export function certificateResultFor(service: ServiceDefinition): CertificateResult | undefined {
  if (service.result) return service.result;
  const certificateType = `decision_${service.code.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  switch (service.kind) {
    case 'administrative_licence':
      return {
        certificateType,
        nameZh: `${service.nameZh}准予许可决定书`,
        nameEn: `Licence decision: ${service.nameEn}`,
      };
    case 'administrative_confirmation':
      return {
        certificateType,
        nameZh: `${service.nameZh}确认书`,
        nameEn: `Confirmation: ${service.nameEn}`,
      };
    case 'registration':
      return {
        certificateType,
        nameZh: `${service.nameZh}登记证明`,
        nameEn: `Registration certificate: ${service.nameEn}`,
      };
    default:
      return undefined;
  }
}

/**
 * The letters of a certificate number: the initials of a named type (`business_licence` → BL,
 * `food_business_licence` → FBL), the service code for a default decision document.
 */
export function numberPrefix(certificateType: string, serviceCode: string): string {
  if (certificateType.startsWith('decision_')) return serviceCode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const initials = certificateType
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('');
  return initials.length >= 2
    ? initials
    : certificateType
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 4);
}

/** `SH-BL-2026-000123`: city, prefix, year, a six-digit sequence (more digits past 999,999). */
export function formatCertificateNumber(prefix: string, year: number, sequence: number): string {
  return `SH-${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Shanghai, `YYYY-MM-DD`. */
export function shanghaiDate(at: Date): string {
  return SHANGHAI_DATE.format(at);
}

/** The last day of validity: `years` after validFrom, the day before the anniversary. */
export function validUntilFor(validFrom: string, years: number | undefined): string | null {
  if (years === undefined) return null;
  const [year, month, day] = validFrom.split('-').map(Number) as [number, number, number];
  const anniversary = new Date(Date.UTC(year + years, month - 1, day));
  // 29 February + n years lands on 1 March: the day before is the end of February either way.
  anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return anniversary.toISOString().slice(0, 10);
}

/** Revoked beats expired; a certificate is valid through its last day (Shanghai time). */
export function certificateStatus(
  row: { status: 'valid' | 'revoked'; validUntil: string | null },
  now: Date,
): CertificateStatus {
  if (row.status === 'revoked') return 'revoked';
  if (row.validUntil !== null && row.validUntil < shanghaiDate(now)) return 'expired';
  return 'valid';
}

const REGION_PREFIX = /^(.{2,3}?[省市])/u;
const ORGANISATION_FORM =
  /(股份有限公司|有限责任公司|有限公司|合伙企业|个人独资企业|分公司|公司|合作社|工作室|商行|厂|店|馆)/u;

/**
 * A holder's name as the public verify page shows it: a person's family name and one star per
 * further character (张三 → 张*, 欧阳娜 → 欧**); an enterprise's place name, line of business
 * and legal form kept and its trade name (字号) starred (上海****餐饮管理有限公司).
 */
export function maskHolderName(name: string, kind: 'person' | 'enterprise'): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (kind === 'person' || chars.length <= 4) {
    return chars.length === 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
  }
  const text = chars.join('');
  const region = REGION_PREFIX.exec(text)?.[1] ?? chars.slice(0, 2).join('');
  const regionLength = [...region].length;
  const afterRegion = chars.slice(regionLength).join('');
  const form = ORGANISATION_FORM.exec(afterRegion);
  const middle = form ? [...afterRegion.slice(0, form.index)] : [];
  if (middle.length >= 3) {
    // 字号 + 行业: the last two characters (or four, for a long middle) say the line of business.
    const industry = middle.length <= 6 ? 2 : 4;
    const tradeName = middle.length - industry;
    return region + '*'.repeat(tradeName) + [...afterRegion].slice(tradeName).join('');
  }
  // No recognisable structure: star up to four characters after the place name.
  const starred = Math.max(1, Math.min(4, chars.length - regionLength - 4));
  return region + '*'.repeat(starred) + chars.slice(regionLength + starred).join('');
}
