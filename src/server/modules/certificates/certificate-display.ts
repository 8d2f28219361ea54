// What a certificate shows: the application's values under the form's own labels, in both
// languages, in the form's order. Contact details and pledges are the applicant's, not the
// certificate's, and are left off.
import type { DisplayEntry } from '../../../contracts/api/certificates.ts';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';

interface PropertySchema {
  type?: string;
  title?: string;
  'x-title-en'?: string;
  format?: string;
  const?: unknown;
  enum?: unknown[];
  'x-enum-titles'?: string[];
  'x-enum-titles-en'?: string[];
}

const LEFT_OFF_FORMATS = new Set(['cn-mobile', 'email']);

function isLeftOff(key: string, property: PropertySchema | undefined): boolean {
  if (/^pledge/i.test(key)) return true;
  if (property?.type === 'boolean' && property.const === true) return true;
  return property?.format !== undefined && LEFT_OFF_FORMATS.has(property.format);
}

function formatValue(value: unknown, property: PropertySchema | undefined, locale: 'zh' | 'en'): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    return value.map((item) => formatValue(item, undefined, locale)).join(locale === 'zh' ? '、' : ', ');
  }
  if (typeof value === 'boolean') return locale === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No';
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>)
      .map((item) => formatValue(item, undefined, locale))
      .filter(Boolean)
      .join(locale === 'zh' ? '' : ', ');
  }
  const index = property?.enum?.indexOf(value) ?? -1;
  if (index >= 0) {
    const titles = locale === 'zh' ? property?.['x-enum-titles'] : property?.['x-enum-titles-en'];
    const title = titles?.[index];
    if (title) return title;
  }
  return String(value);
}

/**
 * The display entries of a certificate, from the data and the service's form: labels from the
 * field titles (`title`, `x-title-en`), choices by their titles. `labels` names keys the form
 * does not have (or overrides it).
 */
export function displayEntries(
  service: ServiceDefinition,
  data: Record<string, unknown>,
  labels: Record<string, { zh: string; en: string }> = {},
): DisplayEntry[] {
  const properties = (service.form.schema.properties ?? {}) as Record<string, PropertySchema>;
  const order = [
    ...service.form.ui.order.filter((key) => key in data),
    ...Object.keys(data).filter((key) => !service.form.ui.order.includes(key)),
  ];
  const entries: DisplayEntry[] = [];
  for (const key of order) {
    const property = properties[key];
    if (isLeftOff(key, property)) continue;
    const valueZh = formatValue(data[key], property, 'zh');
    if (valueZh === '') continue;
    entries.push({
      key,
      labelZh: labels[key]?.zh ?? property?.title ?? key,
      labelEn: labels[key]?.en ?? property?.['x-title-en'] ?? property?.title ?? key,
      valueZh,
      valueEn: formatValue(data[key], property, 'en'),
    });
  }
  return entries;
}
