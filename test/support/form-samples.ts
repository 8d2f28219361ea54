// Valid sample data for any demo form, generated from its JSON Schema (tests fill forms with it).
import { makeIdNumber, makeUscc } from '../../src/contracts/id-number.ts';

const PATTERN_SAMPLES: Record<string, string> = {
  '^[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}$': '沪A12345',
  '^\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}$': '2026-310109-47-01-123456',
  '^\\d{12,25}$': '6222021001122334455',
};

type Schema = Record<string, unknown>;

function sampleValue(schema: Schema, name: string): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'boolean':
      return true;
    case 'integer':
      return Math.max(Number(schema.minimum ?? 1), 1);
    case 'number':
      return Math.max(Number(schema.minimum ?? 1), 1);
    case 'array': {
      const items = (schema.items ?? {}) as Schema;
      return [sampleValue(items, name)].slice(0, Math.max(1, Number(schema.minItems ?? 1)));
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(
        Object.entries(properties).map(([key, inner]) => [key, sampleValue(inner, key)]),
      );
    }
    default:
      break;
  }
  if (typeof schema.pattern === 'string') {
    if (schema.pattern === '^\\d{17}[\\dX][1-7][1-4]$') return `${makeIdNumber('310109', '19800101', 12)}11`;
    const sample = PATTERN_SAMPLES[schema.pattern];
    if (!sample) throw new Error(`no sample for pattern ${schema.pattern} (${name})`);
    return sample;
  }
  switch (schema.format) {
    case 'cn-id-number':
      return makeIdNumber('310109', '19800101', 12);
    case 'cn-uscc':
      return makeUscc('91', '310109', 'MA1HK0009');
    case 'cn-mobile':
      return '13800138000';
    case 'date':
      return '2026-12-01';
    case 'email':
      return 'test@example.cn';
    default: {
      const min = Number(schema.minLength ?? 1);
      const text = `测试${name}内容`;
      return text.length >= min ? text.slice(0, Number(schema.maxLength ?? 100)) : text.padEnd(min, '测');
    }
  }
}

/** A value for every property of a form schema (required or not), valid against it. */
export function sampleFormData(
  schema: Schema,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const data = sampleValue({ ...schema, type: 'object' }, 'form') as Record<string, unknown>;
  return { ...data, ...overrides };
}
