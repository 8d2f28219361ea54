import { describe, expect, it } from 'vitest';
import type { BundleDefinition, Material, ServiceDefinition } from '../../../contracts/catalog.ts';
import { computeBundleSavings } from './bundle-savings.ts';

const material = (nameZh: string, held = false): Material => ({
  nameZh,
  nameEn: nameZh,
  requirement: 'required',
  form: 'original',
  ...(held
    ? {
        heldByGovernment: {
          kind: 'register',
          source: 'population',
          sourceNameZh: '人口库',
          sourceNameEn: 'Population register',
        },
      }
    : {}),
});

function buildService(overrides: Partial<ServiceDefinition>): ServiceDefinition {
  return {
    code: 'X-1',
    nameZh: '事项',
    nameEn: 'Service',
    aliases: [],
    kind: 'administrative_licence',
    subject: 'enterprise',
    topics: ['startup'],
    departmentCode: 'samr',
    legalBasisZh: '法',
    guideZh: '指南',
    guideEn: 'Guide',
    conditionsZh: [],
    conditionsEn: [],
    materials: [],
    form: { schema: { type: 'object', properties: {} }, ui: { order: [] } },
    legalTimeLimitDays: 20,
    promisedTimeLimitDays: 5,
    feeFen: 0,
    channels: ['online'],
    tripsNeeded: 0,
    handlingScope: 'city',
    popularity: 50,
    ...overrides,
  };
}

describe('bundle savings', () => {
  it('counts shared materials and fields once, runs members in parallel', () => {
    const licence = buildService({
      code: 'SAMR-1',
      materials: [material('营业执照'), material('场所平面图'), material('身份证', true)],
      form: {
        schema: { type: 'object', properties: { name: {}, address: {}, area: {} } },
        ui: { order: [] },
      },
      promisedTimeLimitDays: 5,
      tripsNeeded: 1,
    });
    const fire = buildService({
      code: 'FIRE-1',
      materials: [material('营业执照'), material('消防设施图')],
      form: { schema: { type: 'object', properties: { name: {}, address: {} } }, ui: { order: [] } },
      promisedTimeLimitDays: 7,
      tripsNeeded: 1,
    });
    const bundle = {
      form: {
        schema: { type: 'object', properties: { name: {}, address: {}, area: {} } },
        ui: { order: [] },
      },
    } as unknown as BundleDefinition;
    expect(computeBundleSavings(bundle, [licence, fire])).toEqual({
      applications: { separately: 2, bundle: 1 },
      materials: { separately: 4, bundle: 3 },
      fields: { separately: 5, bundle: 3 },
      trips: { separately: 2, bundle: 1 },
      days: { separately: 12, bundle: 7 },
    });
  });
});
