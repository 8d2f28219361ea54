// Every demo service, department by department (one file per department, two for the big ones).
import type { ServiceDefinition } from '../../../src/contracts/catalog.ts';
import { HRSS_EMPLOYER_SERVICES } from './hrss-employers.ts';
import { HRSS_SERVICES } from './hrss.ts';
import { SAMR_LICENCE_SERVICES } from './samr-licences.ts';
import { SAMR_REGISTRATION_SERVICES } from './samr.ts';

export const ALL_SERVICES: ServiceDefinition[] = [
  ...SAMR_REGISTRATION_SERVICES,
  ...SAMR_LICENCE_SERVICES,
  ...HRSS_SERVICES,
  ...HRSS_EMPLOYER_SERVICES,
];
