// The service catalogue's model (事项 and 一件事), shared by the demo catalogue, imports, the
// server and the web app. Money is integer fen; time limits are working days.
import type { WorkflowDefinition } from './workflow.ts';

export type ServiceKind =
  | 'administrative_licence' // 行政许可
  | 'administrative_confirmation' // 行政确认
  | 'administrative_payment' // 行政给付
  | 'public_service' // 公共服务
  | 'registration' // 登记/备案
  | 'query' // 查询
  | 'payment'; // 缴费

export type ServiceSubject = 'resident' | 'enterprise' | 'both';
export type Channel = 'online' | 'terminal' | 'counter' | 'open_api';
export type HandlingScope = 'district' | 'city' | 'cross_province';

/** Life events (residents) and lifecycle stages (enterprises). */
export const RESIDENT_TOPICS = [
  'birth',
  'education',
  'employment',
  'marriage',
  'housing',
  'health',
  'social_security',
  'transport',
  'retirement',
  'elderly',
  'death',
  'daily_life',
] as const;
export const ENTERPRISE_TOPICS = [
  'startup',
  'operation',
  'construction',
  'change',
  'deregistration',
  'hiring',
  'tax',
  'investment',
] as const;
export type Topic = (typeof RESIDENT_TOPICS)[number] | (typeof ENTERPRISE_TOPICS)[number];

export interface Material {
  nameZh: string;
  nameEn: string;
  requirement: 'required' | 'conditional';
  /** When a conditional material is needed. */
  conditionZh?: string;
  conditionEn?: string;
  form: 'original' | 'copy' | 'electronic';
  copies?: number;
  /**
   * The government already holds it (免于提交): an issued certificate or a register record.
   * `source` names it, e.g. "certificate:business_licence" or "register:population.household".
   */
  heldByGovernment?: {
    kind: 'certificate' | 'register';
    source: string;
    sourceNameZh: string;
    sourceNameEn: string;
  };
}

/** UI hints for the JSON Schema form. */
export interface FormUi {
  order: string[];
  widgets?: Record<
    string,
    'text' | 'textarea' | 'select' | 'radio' | 'date' | 'number' | 'checkbox' | 'address'
  >;
  helpZh?: Record<string, string>;
  helpEn?: Record<string, string>;
  /** field → register field that can prefill it, e.g. "population.name". */
  prefill?: Record<string, string>;
  /**
   * Prefilled fields the applicant may not change (the register is authoritative, e.g. name and
   * ID number); a prefilled field not listed here stays editable.
   */
  prefillLocked?: string[];
}

export interface ServiceForm {
  /** A JSON Schema (draft 2020-12 subset) of an object; titles in zh-CN, `x-title-en` in English. */
  schema: Record<string, unknown>;
  ui: FormUi;
}

export interface ServiceDefinition {
  /** Stable readable code, e.g. "SAMR-0003". */
  code: string;
  nameZh: string;
  nameEn: string;
  /** Other names people use, both languages (e.g. "开饭店", "营业执照"). */
  aliases: string[];
  kind: ServiceKind;
  subject: ServiceSubject;
  topics: Topic[];
  /** Responsible department code (see demo/departments.ts). */
  departmentCode: string;
  legalBasisZh: string;
  guideZh: string;
  guideEn: string;
  conditionsZh: string[];
  conditionsEn: string[];
  materials: Material[];
  form: ServiceForm;
  legalTimeLimitDays: number;
  promisedTimeLimitDays: number;
  /** 0 = free. */
  feeFen: number;
  feeNoteZh?: string;
  channels: Channel[];
  tripsNeeded: 0 | 1;
  handlingScope: HandlingScope;
  /** For cross_province: the provinces (names in Chinese) it can be handled across. */
  provinces?: string[];
  /** Relative demand, 1..100, for ranking ties. */
  popularity: number;
  /** Steps, roles and time shares (versioned with the service); without it the default workflow. */
  workflow?: WorkflowDefinition;
  /**
   * The electronic certificate (电子证照) completing it issues, when other services ask for it as
   * a material (`certificate:<certificateType>`); without it a licence, confirmation or
   * registration issues a decision document named after the service (see certificateResultFor).
   */
  result?: ServiceResult;
}

export interface ServiceResult {
  certificateType: string;
  nameZh: string;
  nameEn: string;
  /** Years it stays valid; absent = long-term (长期). */
  validityYears?: number;
}

export interface BundleFieldMapping {
  /** The merged form's field. */
  field: string;
  /** Every member service field it fills. */
  targets: { serviceCode: string; field: string }[];
}

export interface BundleDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  aliases: string[];
  subject: ServiceSubject;
  topics: Topic[];
  guideZh: string;
  guideEn: string;
  memberCodes: string[];
  /** One merged form: each piece of information asked once. */
  form: ServiceForm;
  mapping: BundleFieldMapping[];
  /** What happens when one member refuses: the bundle fails, or the others go on. */
  onMemberRefused: 'fail_bundle' | 'continue_others';
  popularity: number;
}
