// The authoring editor keeps what people type (text, ticks) and builds the definition from it
// on every change: lists are one item per line, money is typed in yuan and stored in fen, the
// form is JSON text. Problems the browser can see at once (an amount that is not one, JSON
// that does not parse) are reported here; everything else is the server's live check.
import type {
  BundleDefinition,
  Channel,
  HandlingScope,
  Material,
  ServiceDefinition,
  ServiceKind,
  ServiceSubject,
  Topic,
} from '../../../../contracts/catalog.ts';
import { fenToYuan, yuanToFen } from '../../../lib/catalog-format.ts';

export interface MaterialFields {
  nameZh: string;
  nameEn: string;
  requirement: Material['requirement'];
  conditionZh: string;
  conditionEn: string;
  form: Material['form'];
  copies: string;
  isHeld: boolean;
  heldKind: 'certificate' | 'register';
  heldSource: string;
  heldSourceNameZh: string;
  heldSourceNameEn: string;
}

interface CommonFields {
  code: string;
  nameZh: string;
  nameEn: string;
  aliases: string;
  subject: ServiceSubject;
  topics: Topic[];
  guideZh: string;
  guideEn: string;
  formSchema: string;
  formUi: string;
  popularity: string;
}

export interface ServiceFields extends CommonFields {
  entryType: 'service';
  kind: ServiceKind;
  departmentCode: string;
  legalBasisZh: string;
  conditionsZh: string;
  conditionsEn: string;
  materials: MaterialFields[];
  legalTimeLimitDays: string;
  promisedTimeLimitDays: string;
  feeYuan: string;
  feeNoteZh: string;
  channels: Channel[];
  tripsNeeded: '0' | '1';
  handlingScope: HandlingScope;
  provinces: string;
  /** The service's own workflow as JSON; empty: the default workflow. */
  workflow: string;
  /** The certificate its completion issues, as JSON; empty: the default for its kind. */
  result: string;
}

export interface BundleFields extends CommonFields {
  entryType: 'bundle';
  memberCodes: string;
  mapping: string;
  onMemberRefused: BundleDefinition['onMemberRefused'];
}

export type EditorFields = ServiceFields | BundleFields;

/** Problems found in the browser, keyed by the definition path they are about. */
export type LocalProblem = 'amount' | 'wholeNumber' | 'json' | 'jsonObject';

export interface BuiltDefinition {
  definition: ServiceDefinition | BundleDefinition;
  local: { path: string; problem: LocalProblem; detail?: string }[];
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

export const STARTER_SCHEMA = {
  type: 'object',
  properties: {
    applicantName: {
      type: 'string',
      title: '申请人姓名',
      'x-title-en': 'Applicant name',
      minLength: 2,
      maxLength: 30,
    },
    idNumber: {
      type: 'string',
      format: 'cn-id-number',
      title: '公民身份号码',
      'x-title-en': 'Citizen ID number',
    },
    mobile: { type: 'string', format: 'cn-mobile', title: '联系电话', 'x-title-en': 'Mobile phone' },
  },
  required: ['applicantName', 'idNumber', 'mobile'],
  additionalProperties: false,
};

export const STARTER_UI = {
  order: ['applicantName', 'idNumber', 'mobile'],
  prefill: { applicantName: 'population.name', idNumber: 'population.idNumber' },
  helpZh: { mobile: '用于接收办理进度短信' },
  helpEn: { mobile: 'Progress messages are sent here' },
};

export function emptyMaterial(): MaterialFields {
  return {
    nameZh: '',
    nameEn: '',
    requirement: 'required',
    conditionZh: '',
    conditionEn: '',
    form: 'original',
    copies: '',
    isHeld: false,
    heldKind: 'certificate',
    heldSource: '',
    heldSourceNameZh: '',
    heldSourceNameEn: '',
  };
}

export function newServiceFields(departmentCode: string): ServiceFields {
  return {
    entryType: 'service',
    code: '',
    nameZh: '',
    nameEn: '',
    aliases: '',
    subject: 'resident',
    topics: [],
    guideZh: '',
    guideEn: '',
    formSchema: pretty(STARTER_SCHEMA),
    formUi: pretty(STARTER_UI),
    popularity: '50',
    kind: 'public_service',
    departmentCode,
    legalBasisZh: '',
    conditionsZh: '',
    conditionsEn: '',
    materials: [],
    legalTimeLimitDays: '20',
    promisedTimeLimitDays: '10',
    feeYuan: '0',
    feeNoteZh: '',
    channels: ['online'],
    tripsNeeded: '0',
    handlingScope: 'city',
    provinces: '',
    workflow: '',
    result: '',
  };
}

export function newBundleFields(): BundleFields {
  return {
    entryType: 'bundle',
    code: '',
    nameZh: '',
    nameEn: '',
    aliases: '',
    subject: 'resident',
    topics: [],
    guideZh: '',
    guideEn: '',
    formSchema: pretty(STARTER_SCHEMA),
    formUi: pretty(STARTER_UI),
    popularity: '50',
    memberCodes: '',
    mapping: '[]',
    onMemberRefused: 'fail_bundle',
  };
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const num = (value: unknown) => (typeof value === 'number' ? String(value) : '');
const list = (value: unknown) =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('\n') : '';

/** Editor fields from a stored definition (as the admin API returns it). */
export function fieldsFromDefinition(
  entryType: 'service' | 'bundle',
  stored: Record<string, unknown>,
): EditorFields {
  const form = (stored['form'] ?? {}) as { schema?: unknown; ui?: unknown };
  const common = {
    code: str(stored['code']),
    nameZh: str(stored['nameZh']),
    nameEn: str(stored['nameEn']),
    aliases: list(stored['aliases']),
    subject: (str(stored['subject']) || 'resident') as ServiceSubject,
    topics: (Array.isArray(stored['topics']) ? stored['topics'] : []) as Topic[],
    guideZh: str(stored['guideZh']),
    guideEn: str(stored['guideEn']),
    formSchema: pretty(form.schema ?? { type: 'object', properties: {} }),
    formUi: pretty(form.ui ?? { order: [] }),
    popularity: num(stored['popularity']) || '50',
  };
  if (entryType === 'bundle') {
    return {
      ...common,
      entryType: 'bundle',
      memberCodes: list(stored['memberCodes']),
      mapping: pretty(stored['mapping'] ?? []),
      onMemberRefused: stored['onMemberRefused'] === 'continue_others' ? 'continue_others' : 'fail_bundle',
    };
  }
  const materials = (Array.isArray(stored['materials']) ? stored['materials'] : []) as Material[];
  const fee = typeof stored['feeFen'] === 'number' ? stored['feeFen'] : 0;
  return {
    ...common,
    entryType: 'service',
    kind: (str(stored['kind']) || 'public_service') as ServiceKind,
    departmentCode: str(stored['departmentCode']),
    legalBasisZh: str(stored['legalBasisZh']),
    conditionsZh: list(stored['conditionsZh']),
    conditionsEn: list(stored['conditionsEn']),
    materials: materials.map((m) => ({
      nameZh: m.nameZh ?? '',
      nameEn: m.nameEn ?? '',
      requirement: m.requirement ?? 'required',
      conditionZh: m.conditionZh ?? '',
      conditionEn: m.conditionEn ?? '',
      form: m.form ?? 'original',
      copies: m.copies === undefined ? '' : String(m.copies),
      isHeld: m.heldByGovernment !== undefined,
      heldKind: m.heldByGovernment?.kind ?? 'certificate',
      heldSource: m.heldByGovernment?.source ?? '',
      heldSourceNameZh: m.heldByGovernment?.sourceNameZh ?? '',
      heldSourceNameEn: m.heldByGovernment?.sourceNameEn ?? '',
    })),
    legalTimeLimitDays: num(stored['legalTimeLimitDays']),
    promisedTimeLimitDays: num(stored['promisedTimeLimitDays']),
    feeYuan: fenToYuan(fee),
    feeNoteZh: str(stored['feeNoteZh']),
    channels: (Array.isArray(stored['channels']) ? stored['channels'] : []) as Channel[],
    tripsNeeded: stored['tripsNeeded'] === 1 ? '1' : '0',
    handlingScope: (str(stored['handlingScope']) || 'city') as HandlingScope,
    provinces: list(stored['provinces']),
    workflow: stored['workflow'] === undefined ? '' : pretty(stored['workflow']),
    result: stored['result'] === undefined ? '' : pretty(stored['result']),
  };
}

/** Parsed JSON of an editor text box, or the problem with it. */
export function parseJsonText(
  text: string,
  expect: 'object' | 'array',
): { ok: true; value: unknown } | { ok: false; problem: LocalProblem; detail?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, problem: 'json', detail: error instanceof Error ? error.message : String(error) };
  }
  const isArray = Array.isArray(value);
  const isObject = typeof value === 'object' && value !== null && !isArray;
  if ((expect === 'array' && !isArray) || (expect === 'object' && !isObject)) {
    return { ok: false, problem: 'jsonObject' };
  }
  return { ok: true, value };
}

/**
 * The definition the fields describe. Where a JSON box does not parse, `fallback` (the last
 * form that did) stands in, so that the rest can still be checked.
 */
export function buildDefinition(
  fields: EditorFields,
  fallback: { schema: Record<string, unknown>; ui: Record<string, unknown>; mapping: unknown[] },
): BuiltDefinition {
  const local: BuiltDefinition['local'] = [];
  const json = <T>(path: string, text: string, expect: 'object' | 'array', otherwise: T): T => {
    const parsed = parseJsonText(text, expect);
    if (parsed.ok) return parsed.value as T;
    local.push({ path, problem: parsed.problem, ...(parsed.detail ? { detail: parsed.detail } : {}) });
    return otherwise;
  };
  const wholeNumber = (path: string, text: string): number => {
    const trimmed = text.trim();
    if (/^\d{1,6}$/.test(trimmed)) return Number(trimmed);
    local.push({ path, problem: 'wholeNumber' });
    return -1;
  };

  const form = {
    schema: json<Record<string, unknown>>('/form/schema', fields.formSchema, 'object', fallback.schema),
    ui: json<Record<string, unknown>>('/form/ui', fields.formUi, 'object', fallback.ui),
  } as unknown as ServiceDefinition['form'];
  const common = {
    code: fields.code.trim(),
    nameZh: fields.nameZh.trim(),
    nameEn: fields.nameEn.trim(),
    aliases: lines(fields.aliases),
    subject: fields.subject,
    topics: fields.topics,
    guideZh: fields.guideZh.trim(),
    guideEn: fields.guideEn.trim(),
    form,
    popularity: wholeNumber('/popularity', fields.popularity),
  };

  if (fields.entryType === 'bundle') {
    const definition: BundleDefinition = {
      ...common,
      memberCodes: lines(fields.memberCodes),
      mapping: json('/mapping', fields.mapping, 'array', fallback.mapping) as BundleDefinition['mapping'],
      onMemberRefused: fields.onMemberRefused,
    };
    return { definition, local };
  }

  const fee = yuanToFen(fields.feeYuan);
  if (fee === null) local.push({ path: '/feeFen', problem: 'amount' });
  const definition: ServiceDefinition = {
    ...common,
    kind: fields.kind,
    departmentCode: fields.departmentCode,
    legalBasisZh: fields.legalBasisZh.trim(),
    conditionsZh: lines(fields.conditionsZh),
    conditionsEn: lines(fields.conditionsEn),
    materials: fields.materials.map((m, index) => materialOf(m, index, local)),
    legalTimeLimitDays: wholeNumber('/legalTimeLimitDays', fields.legalTimeLimitDays),
    promisedTimeLimitDays: wholeNumber('/promisedTimeLimitDays', fields.promisedTimeLimitDays),
    feeFen: fee ?? -1,
    channels: fields.channels,
    tripsNeeded: fields.tripsNeeded === '1' ? 1 : 0,
    handlingScope: fields.handlingScope,
  };
  if (fields.feeNoteZh.trim()) definition.feeNoteZh = fields.feeNoteZh.trim();
  if (fields.handlingScope === 'cross_province') definition.provinces = lines(fields.provinces);
  if (fields.workflow.trim())
    definition.workflow = json(
      '/workflow',
      fields.workflow,
      'object',
      undefined,
    ) as ServiceDefinition['workflow'];
  if (fields.result.trim())
    definition.result = json('/result', fields.result, 'object', undefined) as ServiceDefinition['result'];
  return { definition, local };
}

function materialOf(m: MaterialFields, index: number, local: BuiltDefinition['local']): Material {
  const material: Material = {
    nameZh: m.nameZh.trim(),
    nameEn: m.nameEn.trim(),
    requirement: m.requirement,
    form: m.form,
  };
  if (m.requirement === 'conditional') {
    if (m.conditionZh.trim()) material.conditionZh = m.conditionZh.trim();
    if (m.conditionEn.trim()) material.conditionEn = m.conditionEn.trim();
  }
  if (m.copies.trim()) {
    if (/^\d{1,2}$/.test(m.copies.trim())) material.copies = Number(m.copies.trim());
    else local.push({ path: `/materials/${index}/copies`, problem: 'wholeNumber' });
  }
  if (m.isHeld) {
    material.heldByGovernment = {
      kind: m.heldKind,
      source: m.heldSource.trim(),
      sourceNameZh: m.heldSourceNameZh.trim(),
      sourceNameEn: m.heldSourceNameEn.trim(),
    };
  }
  return material;
}
