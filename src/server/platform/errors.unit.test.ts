import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorStatus, messageFor, translateValidation } from './errors.ts';
import { errorMessages as coreMessages } from './i18n/messages.ts';
import { moduleErrorMessages } from './module-errors.ts';

const errorMessages = { ...coreMessages, ...moduleErrorMessages() };
import { pickLocale } from './i18n/locale.ts';

describe('error codes', () => {
  const codes = Object.keys(errorStatus);

  it('every code has a message in both languages', () => {
    for (const code of codes) {
      expect(errorMessages[code], code).toBeDefined();
      expect(errorMessages[code]!['zh-CN'].length, code).toBeGreaterThan(0);
      expect(errorMessages[code]!.en.length, code).toBeGreaterThan(0);
    }
    expect(Object.keys(errorMessages).sort()).toEqual([...codes].sort());
  });

  it('docs/errors.md and docs/errors/*.md list every code with its status, and nothing else', () => {
    const docsDir = new URL('../../../docs/', import.meta.url);
    const moduleDocs = fs
      .readdirSync(new URL('errors/', docsDir))
      .filter((name) => name.endsWith('.md'))
      .map((name) => fs.readFileSync(new URL(`errors/${name}`, docsDir), 'utf8'));
    const doc = [fs.readFileSync(new URL('errors.md', docsDir), 'utf8'), ...moduleDocs].join('\n');
    const rows = [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map(
      (m) => [m[1]!, Number(m[2])] as const,
    );
    expect(Object.fromEntries(rows)).toEqual(errorStatus);
  });

  it('fills placeholders', () => {
    expect(messageFor('AUTH_ACCOUNT_LOCKED', 'en', { until: '2026-11-24 21:00' })).toContain(
      '2026-11-24 21:00',
    );
  });
});

describe('validation messages', () => {
  it('points at the missing field and speaks the caller language', () => {
    const errors = [{ keyword: 'required', instancePath: '', params: { missingProperty: 'name' } }];
    expect(translateValidation(errors, 'zh-CN')).toEqual([{ path: '/name', message: '此项为必填项' }]);
    expect(translateValidation(errors, 'en')).toEqual([{ path: '/name', message: 'This field is required' }]);
  });

  it('uses the specific text of our custom formats', () => {
    const errors = [{ keyword: 'format', instancePath: '/idNumber', params: { format: 'cn-id-number' } }];
    expect(translateValidation(errors, 'zh-CN')[0]!.message).toMatch(/身份证号码无效/);
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr', 'zh-CN'],
    ['en;q=0.2, zh-CN;q=0.8', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});
