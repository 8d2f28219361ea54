// The person registers' records as the demo departments keep them and the API hands them on:
// 社会保险, 公积金, 医保, 机动车和驾驶证, 水电燃气. Money in fen, dates as ISO text. Type-only: the demo
// generators (demo/registers) produce them and the web client shows them.

export interface SocialInsuranceContribution {
  month: string;
  employerName: string;
  baseFen: number;
  /** Personal shares: pension 8%, medical 2%, unemployment 0.5%. */
  pensionPersonalFen: number;
  medicalPersonalFen: number;
  unemploymentPersonalFen: number;
  /** Employer's share of all five insurances (16% + 9% + 0.5% + 0.26% + 1%, rounded). */
  employerFen: number;
}

export interface SocialInsuranceRecord {
  status: 'insured' | 'retired' | 'not_insured';
  socialSecurityNumber: string;
  employerName: string | null;
  contributionBaseFen: number;
  firstInsuredMonth: string | null;
  /** Months contributed in total, and the same in years (one decimal). */
  contributionMonths: number;
  contributionYears: number;
  /** Monthly pension for retirees, in fen. */
  monthlyPensionFen: number | null;
  /** 社保卡 bank account (金融账户) the card is linked to. */
  cardBankAccount: string | null;
  /** The most recent contributions, newest first (at most 36). */
  contributions: SocialInsuranceContribution[];
}

export interface HousingFundMovement {
  date: string;
  kind: 'deposit' | 'withdrawal' | 'interest';
  amountFen: number;
  noteZh: string;
  noteEn: string;
  balanceAfterFen: number;
}

export interface HousingFundRecord {
  status: 'active' | 'sealed' | 'none';
  accountNumber: string | null;
  employerName: string | null;
  monthlyDepositFen: number;
  balanceFen: number;
  /** Newest first, at most 24. */
  movements: HousingFundMovement[];
}

export interface MedicalSettlement {
  date: string;
  hospitalName: string;
  kind: 'outpatient' | 'inpatient' | 'pharmacy';
  totalFen: number;
  fundPaidFen: number;
  accountPaidFen: number;
  selfPaidFen: number;
}

export interface MedicalInsuranceRecord {
  status: 'insured' | 'not_insured';
  category: 'employee' | 'retiree' | 'resident' | 'minor';
  personalAccountBalanceFen: number;
  designatedHospital: string;
  /** Newest first. */
  settlements: MedicalSettlement[];
}

export interface Vehicle {
  plateNumber: string;
  vin: string;
  brandModelZh: string;
  registeredOn: string;
  inspectionDueOn: string;
}

export interface TrafficViolation {
  id: string;
  occurredAt: string;
  locationZh: string;
  descriptionZh: string;
  descriptionEn: string;
  plateNumber: string;
  points: number;
  fineFen: number;
  /** unprocessed: not yet acknowledged; processed_unpaid: acknowledged, fine due; paid. */
  status: 'unprocessed' | 'processed_unpaid' | 'paid';
}

export interface VehicleRecord {
  drivingLicence: {
    number: string;
    class: string;
    firstIssuedOn: string;
    validUntil: string;
    pointsLeft: number;
  } | null;
  vehicles: Vehicle[];
  violations: TrafficViolation[];
}

export interface UtilityAccount {
  kind: 'water' | 'electricity' | 'gas';
  accountNumber: string;
  providerZh: string;
  providerEn: string;
  address: string;
  lastBillMonth: string;
  lastBillFen: number;
  /** Amount still owed, in fen (0 when paid). */
  dueFen: number;
}
