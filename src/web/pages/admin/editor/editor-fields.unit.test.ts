import { describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../../../../demo/catalog/index.ts';
import { buildDefinition, fieldsFromDefinition, newServiceFields } from './editor-fields.ts';
import { fieldIdForPath } from './problems.ts';

const FALLBACK = { schema: { type: 'object', properties: {} }, ui: { order: [] }, mapping: [] };

describe('authoring editor fields', () => {
  it('gives back every demo service exactly as stored', () => {
    for (const service of DEMO_SERVICES) {
      const fields = fieldsFromDefinition('service', service as unknown as Record<string, unknown>);
      const built = buildDefinition(fields, FALLBACK);
      expect(built.local, service.code).toEqual([]);
      expect(built.definition, service.code).toEqual(service);
    }
  });

  it('reads yuan as fen, lists one per line, and reports what the browser can see at once', () => {
    const fields = {
      ...newServiceFields('samr'),
      feeYuan: '1,234.5',
      aliases: ' 开饭店 \n\n营业执照\n',
      legalTimeLimitDays: 'twenty',
      formUi: '{ "order": [',
    };
    const built = buildDefinition(fields, FALLBACK);
    expect(built.definition).toMatchObject({ feeFen: 123450, aliases: ['开饭店', '营业执照'] });
    expect(built.definition.form.ui).toEqual(FALLBACK.ui);
    expect(built.local.map((problem) => [problem.path, problem.problem])).toEqual([
      ['/form/ui', 'json'],
      ['/legalTimeLimitDays', 'wholeNumber'],
    ]);
    expect(buildDefinition({ ...fields, feeYuan: '0.125' }, FALLBACK).local).toContainEqual({
      path: '/feeFen',
      problem: 'amount',
    });
  });

  it('points each problem path at its field', () => {
    expect(fieldIdForPath('/promisedTimeLimitDays')).toBe('promisedTimeLimitDays');
    expect(fieldIdForPath('/feeFen')).toBe('feeYuan');
    expect(fieldIdForPath('/materials/2/nameEn')).toBe('material-2-nameEn');
    expect(fieldIdForPath('/materials/0/heldByGovernment/sourceNameZh')).toBe('material-0-held-sourceNameZh');
    expect(fieldIdForPath('/form/ui/order/3')).toBe('formUi');
    expect(fieldIdForPath('/form/schema')).toBe('formSchema');
    expect(fieldIdForPath('/conditionsZh/1')).toBe('conditionsZh');
  });
});
