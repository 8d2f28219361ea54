// The policy rule language: what is accepted (shape by ajv, meaning by ruleProblems), how rules
// evaluate, and properties of evaluation checked over random rules and random enterprises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageInYears,
  evaluateRule,
  ruleFields,
  ruleProblems,
  type EnterpriseFacts,
  type Rule,
  type RuleCondition,
} from './policies-rule.ts';

const tech: EnterpriseFacts = {
  district: '310109',
  industry: '软件和信息技术服务业',
  sizeClass: 'small',
  employees: 42,
  ageYears: 6,
  annualTaxPaidWan: 120,
  taxCreditRating: 'A',
};

describe('rule validation', () => {
  it('accepts a well-formed rule over known fields', () => {
    const rule = {
      all: [
        { field: 'district', op: 'eq', value: '310109' },
        {
          any: [
            { field: 'sizeClass', op: 'in', value: ['micro', 'small'] },
            { not: { field: 'employees', op: 'gt', value: 300 } },
          ],
        },
      ],
    };
    expect(ruleProblems(rule, 'en')).toEqual([]);
  });

  it('refuses malformed shapes through the JSON Schema', () => {
    for (const bad of [
      null,
      'x',
      {},
      { all: 'x' },
      { field: 'employees', op: 'like', value: 1 },
      { all: [], any: [] },
      { field: 'employees', op: 'gt' },
    ]) {
      const problems = ruleProblems(bad, 'en');
      expect(problems.length, JSON.stringify(bad)).toBe(1);
      expect(problems[0]!.message).toMatch(/malformed/);
    }
  });

  it('explains wrong fields, operators and values with a pointer', () => {
    expect(ruleProblems({ all: [{ field: 'turnover', op: 'gt', value: 1 }] }, 'en')).toEqual([
      { path: '/all/0/field', message: 'Unknown field "turnover"' },
    ]);
    expect(ruleProblems({ field: 'industry', op: 'gt', value: 'a' }, 'en')[0]!.path).toBe('/op');
    expect(ruleProblems({ field: 'employees', op: 'in', value: 5 }, 'en')[0]!.message).toMatch(
      /must be a list/,
    );
    expect(ruleProblems({ field: 'employees', op: 'eq', value: [5] }, 'en')[0]!.message).toMatch(
      /single value/,
    );
    expect(ruleProblems({ field: 'employees', op: 'gte', value: 1.5 }, 'en')[0]!.message).toMatch(
      /whole numbers/,
    );
    expect(ruleProblems({ field: 'sizeClass', op: 'eq', value: 'huge' }, 'zh-CN')[0]!.message).toContain(
      'huge',
    );
    expect(ruleProblems({ field: 'district', op: 'eq', value: '3101' }, 'en')[0]!.message).toMatch(
      /well-formed/,
    );
    expect(ruleProblems({ field: 'industry', op: 'eq', value: 3 }, 'en')[0]!.message).toMatch(/text/);
  });

  it('limits depth and size', () => {
    let deep: Rule = { field: 'employees', op: 'gt', value: 1 };
    for (let i = 0; i < 9; i += 1) deep = { not: deep };
    expect(ruleProblems(deep, 'en').some((p) => /nest/.test(p.message))).toBe(true);
    const wide = {
      any: Array.from({ length: 3 }, () => ({
        all: Array.from({ length: 40 }, () => ({ field: 'employees', op: 'gt', value: 1 })),
      })),
    };
    expect(ruleProblems(wide, 'en')[0]!.message).toMatch(/at most 100/);
  });
});

describe('evaluation', () => {
  it('evaluates conditions, combinators and missing facts', () => {
    expect(evaluateRule({ field: 'employees', op: 'gte', value: 42 }, tech)).toBe(true);
    expect(evaluateRule({ field: 'employees', op: 'gt', value: 42 }, tech)).toBe(false);
    expect(evaluateRule({ field: 'taxCreditRating', op: 'in', value: ['A', 'B'] }, tech)).toBe(true);
    expect(evaluateRule({ field: 'district', op: 'nin', value: ['310109'] }, tech)).toBe(false);
    expect(evaluateRule({ all: [] }, tech)).toBe(true);
    expect(evaluateRule({ any: [] }, tech)).toBe(false);
    // Unknown to the register: the condition is false, its negation true.
    expect(evaluateRule({ field: 'registeredCapitalWan', op: 'gte', value: 0 }, tech)).toBe(false);
    expect(evaluateRule({ not: { field: 'registeredCapitalWan', op: 'gte', value: 0 } }, tech)).toBe(true);
    expect(evaluateRule({ field: 'industry', op: 'lt', value: 3 }, tech)).toBe(false);
  });

  it('lists the fields a rule reads, once each', () => {
    expect(
      ruleFields({
        all: [
          { field: 'employees', op: 'gt', value: 1 },
          {
            not: {
              any: [
                { field: 'district', op: 'eq', value: '310109' },
                { field: 'employees', op: 'lt', value: 9 },
              ],
            },
          },
        ],
      }),
    ).toEqual(['employees', 'district']);
  });

  it('counts whole years', () => {
    expect(ageInYears('2020-06-15', '2026-06-14')).toBe(5);
    expect(ageInYears('2020-06-15', '2026-06-15T08:00:00Z')).toBe(6);
    expect(ageInYears('2030-01-01', '2026-01-01')).toBe(0);
  });
});

const factsArb: fc.Arbitrary<EnterpriseFacts> = fc.record(
  {
    district: fc.constantFrom('310109', '310115', '310113'),
    sizeClass: fc.constantFrom('micro', 'small', 'medium', 'large'),
    employees: fc.integer({ min: 0, max: 2000 }),
    ageYears: fc.integer({ min: 0, max: 40 }),
    taxCreditRating: fc.constantFrom('A', 'B', 'M', 'C', 'D'),
  },
  { requiredKeys: [] },
);
const conditionArb: fc.Arbitrary<RuleCondition> = fc.oneof(
  fc.record({
    field: fc.constantFrom('employees', 'ageYears'),
    op: fc.constantFrom(
      'eq' as const,
      'ne' as const,
      'lt' as const,
      'lte' as const,
      'gt' as const,
      'gte' as const,
    ),
    value: fc.integer({ min: 0, max: 2000 }),
  }),
  fc.record({
    field: fc.constant('sizeClass'),
    op: fc.constantFrom('in' as const, 'nin' as const),
    value: fc.uniqueArray(fc.constantFrom('micro', 'small', 'medium', 'large'), { minLength: 1 }),
  }),
  fc.record({
    field: fc.constant('district'),
    op: fc.constantFrom('eq' as const, 'ne' as const),
    value: fc.constantFrom('310109', '310115'),
  }),
);
const ruleArb: fc.Arbitrary<Rule> = fc.letrec<{ rule: Rule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    conditionArb,
    fc.record({ all: fc.array(tie('rule'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('rule'), { maxLength: 3 }) }),
    fc.record({ not: tie('rule') }),
  ),
})).rule;
const smallRuleArb = ruleArb.filter((rule) => ruleProblems(rule, 'en').length === 0);

describe('evaluation properties', () => {
  it('generated rules are valid rules', () => {
    fc.assert(
      fc.property(
        ruleArb,
        (rule) => ruleProblems(rule, 'en').filter((p) => !/nest|at most/.test(p.message)).length === 0,
      ),
    );
  });

  it('not(not r) = r, and De Morgan holds', () => {
    fc.assert(
      fc.property(smallRuleArb, smallRuleArb, factsArb, (a, b, facts) => {
        expect(evaluateRule({ not: { not: a } }, facts)).toBe(evaluateRule(a, facts));
        expect(evaluateRule({ not: { all: [a, b] } }, facts)).toBe(
          evaluateRule({ any: [{ not: a }, { not: b }] }, facts),
        );
        expect(evaluateRule({ all: [a, b] }, facts)).toBe(evaluateRule(a, facts) && evaluateRule(b, facts));
        expect(evaluateRule({ any: [a, b] }, facts)).toBe(evaluateRule(a, facts) || evaluateRule(b, facts));
      }),
    );
  });

  it('comparisons on a known number are complements; in/nin too', () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 0, max: 2000 }), (facts, value) => {
        const has = facts.employees !== undefined;
        const lt = evaluateRule({ field: 'employees', op: 'lt', value }, facts);
        const gte = evaluateRule({ field: 'employees', op: 'gte', value }, facts);
        expect(lt !== gte).toBe(has);
        const eq = evaluateRule({ field: 'employees', op: 'eq', value }, facts);
        expect(eq).toBe(evaluateRule({ field: 'employees', op: 'in', value: [value] }, facts));
      }),
    );
  });

  it('evaluation depends only on the fields the rule names', () => {
    fc.assert(
      fc.property(smallRuleArb, factsArb, factsArb, (rule, facts, other) => {
        const named = new Set(ruleFields(rule));
        const mixed: EnterpriseFacts = { ...other };
        for (const key of Object.keys(mixed)) if (named.has(key)) delete mixed[key];
        for (const key of named) if (facts[key] !== undefined) mixed[key] = facts[key];
        expect(evaluateRule(rule, mixed)).toBe(evaluateRule(rule, facts));
      }),
    );
  });
});
