// Every demo service, department by department (one file per department, two for the big ones).
import type { ServiceDefinition } from '../../../src/contracts/catalog.ts';
import { CIVIL_AFFAIRS_SERVICES } from './civil-affairs.ts';
import { CIVIL_AFFAIRS_ASSISTANCE_SERVICES } from './civil-affairs-assistance.ts';
import { COMMERCE_SERVICES } from './commerce.ts';
import { CULTURE_TOURISM_SERVICES } from './culture-tourism.ts';
import { DATA_BUREAU_SERVICES } from './data-bureau.ts';
import { ECOLOGY_SERVICES } from './ecology.ts';
import { EDUCATION_SERVICES } from './education.ts';
import { FIRE_SERVICES } from './fire.ts';
import { HEALTH_SERVICES } from './health.ts';
import { HEALTH_LICENCE_SERVICES } from './health-licences.ts';
import { HOUSING_CONSTRUCTION_SERVICES } from './housing-construction.ts';
import { HOUSING_SERVICES } from './housing-construction-housing.ts';
import { HOUSING_FUND_SERVICES } from './housing-fund.ts';
import { HOUSING_FUND_ACCOUNT_SERVICES } from './housing-fund-accounts.ts';
import { HRSS_SERVICES } from './hrss.ts';
import { HRSS_EMPLOYER_SERVICES } from './hrss-employers.ts';
import { MEDICAL_INSURANCE_SERVICES } from './medical-insurance.ts';
import { MEDICAL_INSURANCE_BENEFIT_SERVICES } from './medical-insurance-benefits.ts';
import { PLANNING_SERVICES } from './planning.ts';
import { REAL_ESTATE_SERVICES } from './planning-real-estate.ts';
import { POLICE_HOUSEHOLD_SERVICES } from './police-household.ts';
import { POLICE_HOUSEHOLD_DOCUMENT_SERVICES } from './police-household-documents.ts';
import { POLICE_TRAFFIC_SERVICES } from './police-traffic.ts';
import { POLICE_TRAFFIC_VEHICLE_SERVICES } from './police-traffic-vehicles.ts';
import { SAMR_REGISTRATION_SERVICES } from './samr.ts';
import { SAMR_LICENCE_SERVICES } from './samr-licences.ts';
import { STREET_OFFICE_SERVICES } from './street-office.ts';
import { TAX_SERVICES } from './tax.ts';
import { TAX_INDIVIDUAL_SERVICES } from './tax-individuals.ts';
import { WATER_SERVICES } from './water.ts';

export const ALL_SERVICES: ServiceDefinition[] = [
  ...SAMR_REGISTRATION_SERVICES,
  ...SAMR_LICENCE_SERVICES,
  ...HRSS_SERVICES,
  ...HRSS_EMPLOYER_SERVICES,
  ...MEDICAL_INSURANCE_SERVICES,
  ...MEDICAL_INSURANCE_BENEFIT_SERVICES,
  ...HOUSING_FUND_SERVICES,
  ...HOUSING_FUND_ACCOUNT_SERVICES,
  ...POLICE_HOUSEHOLD_SERVICES,
  ...POLICE_HOUSEHOLD_DOCUMENT_SERVICES,
  ...POLICE_TRAFFIC_SERVICES,
  ...POLICE_TRAFFIC_VEHICLE_SERVICES,
  ...CIVIL_AFFAIRS_SERVICES,
  ...CIVIL_AFFAIRS_ASSISTANCE_SERVICES,
  ...HEALTH_SERVICES,
  ...HEALTH_LICENCE_SERVICES,
  ...HOUSING_CONSTRUCTION_SERVICES,
  ...HOUSING_SERVICES,
  ...PLANNING_SERVICES,
  ...TAX_SERVICES,
  ...TAX_INDIVIDUAL_SERVICES,
  ...FIRE_SERVICES,
  ...ECOLOGY_SERVICES,
  ...WATER_SERVICES,
  ...EDUCATION_SERVICES,
  ...COMMERCE_SERVICES,
  ...CULTURE_TOURISM_SERVICES,
  ...STREET_OFFICE_SERVICES,
  ...DATA_BUREAU_SERVICES,
  ...REAL_ESTATE_SERVICES,
];
