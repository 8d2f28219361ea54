// Checks a service form's answers in the browser with the same JSON Schema the server
// uses and the same formats (src/contracts/formats.ts, ajv-formats), so that people see
// every problem before anything is sent. Problems come back as translation keys; the
// page words them in the user's language.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createFormAjv } from '../../contracts/form-ajv.ts';
import type { FormModel } from '../forms/form-model.ts';

/** Translation keys under `formErrors`, one per kind of problem. */
export type FormProblemKey =
  | 'required'
  | 'consent'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'format'
  | 'formatDate'
  | 'formatEmail'
  | 'formatIdNumber'
  | 'formatMobile'
  | 'formatUscc'
  | 'minimum'
  | 'maximum'
  | 'multipleOf'
  | 'number'
  | 'integer'
  | 'type'
  | 'enum'
  | 'unknownField'
  | 'invalid';

export interface FormProblem {
  /** The form field it is about; null for a problem of the whole form. */
  field: string | null;
  key: FormProblemKey;
  params: Record<string, string | number>;
}

export type FormCheck =
  { status: 'checked'; problems: FormProblem[] } | { status: 'invalidSchema'; reason: string };

const ajv = createFormAjv();
const compiled = new Map<string, ValidateFunction>();
const COMPILED_LIMIT = 50;

/** Compiles once per distinct schema (the editor's live preview recompiles on each edit). */
function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const known = compiled.get(key);
  if (known) return known;
  const validate = ajv.compile(schema);
  if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, validate);
  return validate;
}

const FORMAT_KEYS: Record<string, FormProblemKey> = {
  date: 'formatDate',
  email: 'formatEmail',
  'cn-id-number': 'formatIdNumber',
  'cn-mobile': 'formatMobile',
  'cn-uscc': 'formatUscc',
};

function fieldOf(error: ErrorObject): string | null {
  if (error.keyword === 'required') return String(error.params['missingProperty'] ?? '') || null;
  const first = error.instancePath.split('/')[1];
  return first ? first.replace(/~1/g, '/').replace(/~0/g, '~') : null;
}

function describe(error: ErrorObject, model: FormModel): FormProblem {
  const field = fieldOf(error);
  const isConsent = model.fields.some((f) => f.name === field && f.isConsent);
  const params = error.params as Record<string, unknown>;
  const limit = Number(params['limit'] ?? 0);
  switch (error.keyword) {
    case 'required':
      return { field, key: isConsent ? 'consent' : 'required', params: {} };
    case 'const':
      return { field, key: isConsent ? 'consent' : 'invalid', params: {} };
    case 'minLength':
    case 'maxLength':
      return { field, key: error.keyword, params: { limit } };
    case 'minimum':
    case 'exclusiveMinimum':
      return { field, key: 'minimum', params: { limit } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { field, key: 'maximum', params: { limit } };
    case 'multipleOf':
      return { field, key: 'multipleOf', params: { step: Number(params['multipleOf'] ?? 0) } };
    case 'pattern':
      return { field, key: 'pattern', params: {} };
    case 'format':
      return { field, key: FORMAT_KEYS[String(params['format'])] ?? 'format', params: {} };
    case 'type': {
      const type = String(params['type']);
      return {
        field,
        key: type === 'number' ? 'number' : type === 'integer' ? 'integer' : 'type',
        params: {},
      };
    }
    case 'enum':
      return { field, key: 'enum', params: {} };
    case 'additionalProperties':
      return {
        field: null,
        key: 'unknownField',
        params: { field: String(params['additionalProperty'] ?? '') },
      };
    default:
      return { field, key: 'invalid', params: {} };
  }
}

/** Problems with the answers, at most one per field (the first ajv reports), in form order. */
export function checkFormData(
  schema: Record<string, unknown>,
  model: FormModel,
  data: Record<string, unknown>,
): FormCheck {
  let validate: ValidateFunction;
  try {
    validate = compile(schema);
  } catch (error) {
    return { status: 'invalidSchema', reason: error instanceof Error ? error.message : String(error) };
  }
  if (validate(data)) return { status: 'checked', problems: [] };
  const byField = new Map<string, FormProblem>();
  const general: FormProblem[] = [];
  for (const error of validate.errors ?? []) {
    const problem = describe(error, model);
    if (problem.field === null) general.push(problem);
    else if (!byField.has(problem.field)) byField.set(problem.field, problem);
  }
  const ordered = model.fields.flatMap((f) => {
    const problem = byField.get(f.name);
    return problem ? [problem] : [];
  });
  return { status: 'checked', problems: [...general, ...ordered] };
}
