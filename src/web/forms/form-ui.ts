// Pure pieces of the service form renderer: a service's form (JSON Schema + FormUi) turned into
// what rjsf renders (a schema of the supported fields and a uiSchema naming our widgets), the
// data it shows (prefilled, booleans answered), and field errors (the browser's and the
// server's, both `{ path, message }` with a JSON pointer) sorted onto the fields.
import type { FieldMessage } from '../../contracts/validation-messages.ts';
import type { FormModel, FormField } from './form-model.ts';

export type FormLanguage = 'zh-CN' | 'en';

/** A value the government already holds, filled in for the applicant. */
export interface PrefillValue {
  value: unknown;
  /** Where it comes from, e.g. "公安户籍" / "Public Security household register". */
  sourceZh: string;
  sourceEn: string;
  /** Locked values cannot be changed in the form (the register is authoritative). */
  locked: boolean;
}

export type Prefill = Record<string, PrefillValue>;

export type FormData = Record<string, unknown>;

/** The widget keys our renderer registers with rjsf (see widgets.tsx). */
export type WidgetKey = FormField['widget'];

export interface UiSchemaOptions {
  language: FormLanguage;
  /** Fields that cannot be changed: locked prefills, everything outside a supplement's list. */
  readOnlyFields: ReadonlySet<string>;
  /** The whole form is read-only. */
  isReadOnly: boolean;
}

/** The element id rjsf gives a field (`idPrefix` + "-" + name); ours are the same. */
export function fieldElementId(idPrefix: string, name: string): string {
  return `${idPrefix}-${name}`;
}

/** The element an error summary link moves focus to: the first radio of a group, else the input. */
export function anchorElementId(field: FormField, idPrefix: string): string {
  const id = fieldElementId(idPrefix, field.name);
  return field.widget === 'radio' && field.options ? `${id}-0` : id;
}

export const fieldTitle = (field: FormField, language: FormLanguage): string =>
  language === 'en' ? field.titleEn : field.titleZh;

export const fieldHelp = (field: FormField, language: FormLanguage): string | null =>
  language === 'en' ? (field.helpEn ?? field.helpZh) : field.helpZh;

/**
 * The schema rjsf renders: the supported fields only, in a plain object, so that a half-typed
 * schema in the editor never reaches rjsf's own field resolution. Validation always uses the
 * service's real schema.
 */
export function renderSchema(schema: unknown, model: FormModel): Record<string, unknown> {
  const properties = (
    typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>)['properties'] : {}
  ) as Record<string, Record<string, unknown>>;
  return {
    type: 'object',
    properties: Object.fromEntries(
      model.fields.map((field) => {
        const property = properties[field.name] ?? {};
        // rjsf reads only what it needs to pick and fill a widget; the checks are ajv's.
        const shown: Record<string, unknown> = { type: field.type };
        if (Array.isArray(property['enum'])) shown['enum'] = property['enum'];
        if (typeof property['format'] === 'string') shown['format'] = property['format'];
        for (const key of ['maxLength', 'x-enum-titles', 'x-enum-titles-en'] as const) {
          if (property[key] !== undefined) shown[key] = property[key];
        }
        return [field.name, shown];
      }),
    ),
    required: model.fields.filter((field) => field.isRequired).map((field) => field.name),
  };
}

/** FormUi → rjsf uiSchema: field order, our widget per field, titles in the user's language. */
export function toUiSchema(model: FormModel, options: UiSchemaOptions): Record<string, unknown> {
  const ui: Record<string, unknown> = {
    'ui:order': model.fields.map((field) => field.name),
    'ui:submitButtonOptions': { norender: true },
  };
  for (const field of model.fields) {
    const entry: Record<string, unknown> = {
      'ui:widget': field.widget,
      'ui:title': fieldTitle(field, options.language),
    };
    if (options.isReadOnly || options.readOnlyFields.has(field.name)) entry['ui:readonly'] = true;
    ui[field.name] = entry;
  }
  return ui;
}

/**
 * The data the form shows and checks: locked prefills always win, other prefills fill only
 * what the applicant has not answered, and an unticked box is `false` (what the server would
 * receive from it).
 */
export function effectiveFormData(model: FormModel, data: FormData, prefill: Prefill = {}): FormData {
  const result: FormData = { ...data };
  for (const [name, fill] of Object.entries(prefill)) {
    if (fill.locked || result[name] === undefined) result[name] = fill.value;
  }
  for (const field of model.fields) {
    if (field.type === 'boolean' && !field.options && result[field.name] === undefined) {
      result[field.name] = false;
    }
  }
  return result;
}

/** "/applicantName" → "applicantName"; "/a/b" → "a"; "" → null (a problem of the whole form). */
export function fieldOfPath(path: string): string | null {
  const first = path.split('/')[1];
  if (!first) return null;
  return first.replace(/~1/g, '/').replace(/~0/g, '~');
}

export interface SortedErrors {
  /** Messages per field name, without repeats, in the order found. */
  byField: Map<string, string[]>;
  /** Problems of no field of the form (unknown fields, the whole body). */
  general: string[];
}

/** Puts each error on its field; errors of unknown fields or of the whole form go to `general`. */
export function sortErrors(errors: readonly FieldMessage[], model: FormModel): SortedErrors {
  const names = new Set(model.fields.map((field) => field.name));
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const name = fieldOfPath(error.path);
    if (name === null || !names.has(name)) {
      if (!general.includes(error.message)) general.push(error.message);
      continue;
    }
    const messages = byField.get(name) ?? [];
    if (!messages.includes(error.message)) messages.push(error.message);
    byField.set(name, messages);
  }
  return { byField, general };
}

/** Merges several sorted error sets (the browser's first, then the server's), without repeats. */
export function mergeErrors(...sets: SortedErrors[]): SortedErrors {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const set of sets) {
    for (const message of set.general) if (!general.includes(message)) general.push(message);
    for (const [name, messages] of set.byField) {
      const merged = byField.get(name) ?? [];
      for (const message of messages) if (!merged.includes(message)) merged.push(message);
      byField.set(name, merged);
    }
  }
  return { byField, general };
}

/** rjsf's ErrorSchema for the errors to show: `{ field: { __errors: [...] } }`. */
export function toErrorSchema(
  byField: ReadonlyMap<string, string[]>,
): Record<string, { __errors: string[] }> {
  return Object.fromEntries([...byField].map(([name, messages]) => [name, { __errors: messages }]));
}
