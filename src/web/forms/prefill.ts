// Which register fills a form field in, named the way people know it ("将由 公安户籍 自动填写").

/** Translation keys under `formPreview.prefillSources`. */
export type PrefillSourceKey = 'population' | 'enterprise' | 'socialInsurance' | 'housingFund' | 'other';

const SOURCES: Record<string, PrefillSourceKey> = {
  population: 'population',
  enterprise: 'enterprise',
  social_insurance: 'socialInsurance',
  socialInsurance: 'socialInsurance',
  housing_fund: 'housingFund',
  housingFund: 'housingFund',
};

/** "population.name" → "population"; registers without a known name → "other". */
export function prefillSourceKey(prefill: string): PrefillSourceKey {
  return SOURCES[prefill.split('.')[0] ?? ''] ?? 'other';
}
