// "Enterprises retained": expansions are judged against where the enterprise was registered when
// it opened the branch; retained when still registered there, lost when it has moved away since.
import { describe, expect, it } from 'vitest';
import { enterpriseDetailsOf } from '../../../../demo/registers/enterprise.ts';
import { DEMO_ENTERPRISES, demoUscc } from '../../../../demo/seed.ts';
import {
  expandedFrom,
  registeredPlaceOn,
  retentionByPlace,
  type EnterpriseHistory,
} from './desk-metrics-retention.ts';

const place = (streetCode: string) => ({ districtCode: streetCode.slice(0, 6), streetCode });

describe('enterprises retained', () => {
  const moved: EnterpriseHistory = {
    enterpriseId: 'moved',
    current: place('310109007'),
    branches: [
      { ...place('310112001'), registeredOn: '2022-03-10' },
      { ...place('310109004'), registeredOn: '2025-01-10' },
    ],
    formerAddresses: [{ ...place('310109004'), movedOutOn: '2024-11-30' }],
  };

  it('knows where the registration was on a day', () => {
    expect(registeredPlaceOn(moved, '2022-03-10')?.streetCode).toBe('310109004');
    expect(registeredPlaceOn(moved, '2024-11-30')?.streetCode).toBe('310109007');
    expect(registeredPlaceOn(moved, '2026-01-01')?.streetCode).toBe('310109007');
  });

  it('counts an expansion from the place registered at the time, at street and district level', () => {
    // The 2025 branch in 嘉兴路 was opened from 北外滩: an expansion from 北外滩, which kept it.
    expect([...expandedFrom(moved, 'street')].sort()).toEqual(['310109004', '310109007']);
    expect([...expandedFrom(moved, 'district')]).toEqual(['310109']);
    const streets = retentionByPlace([moved], 'street');
    expect(streets.get('310109004')).toEqual({ expanded: 1, retained: 0, lost: 1, rate: 0 });
    expect(streets.get('310109007')).toEqual({ expanded: 1, retained: 1, lost: 0, rate: 1 });
    expect(retentionByPlace([moved], 'district').get('310109')).toEqual({
      expanded: 1,
      retained: 1,
      lost: 0,
      rate: 1,
    });
  });

  it('ignores enterprises without branches, and branches in the same place', () => {
    const stayed: EnterpriseHistory = {
      enterpriseId: 'stayed',
      current: place('310109002'),
      branches: [{ ...place('310109002'), registeredOn: '2024-01-01' }],
      formerAddresses: [],
    };
    expect(retentionByPlace([stayed], 'street').size).toBe(0);
  });

  it('gives the demo register two retained in 虹口 streets and one lost by 嘉兴路', () => {
    const histories: EnterpriseHistory[] = DEMO_ENTERPRISES.map((enterprise) => {
      const details = enterpriseDetailsOf(demoUscc(enterprise), enterprise.name);
      return {
        enterpriseId: enterprise.key,
        current: enterprise.streetCode ? place(enterprise.streetCode) : null,
        branches: details.branches,
        formerAddresses: details.formerAddresses,
      };
    });
    const streets = retentionByPlace(histories, 'street');
    expect(streets.get('310109002')).toMatchObject({ retained: 1, lost: 0 });
    expect(streets.get('310109007')).toMatchObject({ retained: 1, lost: 0 });
    expect(streets.get('310109004')).toMatchObject({ retained: 0, lost: 1, rate: 0 });
    expect(retentionByPlace(histories, 'district').get('310109')).toEqual({
      expanded: 3,
      retained: 3,
      lost: 0,
      rate: 1,
    });
  });
});
