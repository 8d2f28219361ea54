// Reads a service form (JSON Schema + ui hints, src/contracts/catalog.ts) into the list of
// fields the renderer shows (form-ui.ts turns it into rjsf's uiSchema). Forms are flat objects of strings, numbers, integers and
// booleans, with enums, formats and limits; anything else is reported as unsupported
// rather than guessed at. The input may be half-typed JSON from the authoring editor, so
// nothing here trusts its shape.

export type FieldType = 'string' | 'number' | 'integer' | 'boolean';
export type Widget = 'text' | 'textarea' | 'select' | 'radio' | 'date' | 'number' | 'checkbox' | 'address';

const WIDGETS: readonly Widget[] = [
  'text',
  'textarea',
  'select',
  'radio',
  'date',
  'number',
  'checkbox',
  'address',
];

export interface FieldOption {
  value: string | number | boolean;
  labelZh: string;
  labelEn: string;
}

export interface FormField {
  name: string;
  type: FieldType;
  widget: Widget;
  titleZh: string;
  titleEn: string;
  helpZh: string | null;
  helpEn: string | null;
  /** The register field that fills it in, e.g. "population.name". */
  prefill: string | null;
  isRequired: boolean;
  /** A box that must be ticked (a boolean whose only allowed value is true). */
  isConsent: boolean;
  options: FieldOption[] | null;
  format: string | null;
  maxLength: number | null;
}

export interface FormModel {
  fields: FormField[];
  /** Properties the renderer cannot show (objects, arrays), by name. */
  unsupported: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const stringMap = (value: unknown): Json => (isObject(value) ? value : {});

function fieldType(schema: Json): FieldType | null {
  const type = Array.isArray(schema['type']) ? (schema['type'] as unknown[])[0] : schema['type'];
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return type;
  if (type === undefined && Array.isArray(schema['enum'])) return 'string';
  return null;
}

function optionsOf(schema: Json): FieldOption[] | null {
  const values = schema['enum'];
  if (!Array.isArray(values)) return null;
  const titlesZh = Array.isArray(schema['x-enum-titles']) ? (schema['x-enum-titles'] as unknown[]) : [];
  const titlesEn = Array.isArray(schema['x-enum-titles-en']) ? (schema['x-enum-titles-en'] as unknown[]) : [];
  return values
    .filter((value): value is string | number | boolean =>
      ['string', 'number', 'boolean'].includes(typeof value),
    )
    .map((value, index) => {
      const labelZh = stringOr(titlesZh[index], String(value));
      return { value, labelZh, labelEn: stringOr(titlesEn[index], labelZh) };
    });
}

function defaultWidget(type: FieldType, schema: Json, options: FieldOption[] | null): Widget {
  if (options) return options.length <= 4 ? 'radio' : 'select';
  if (type === 'boolean') return 'checkbox';
  if (type === 'number' || type === 'integer') return 'number';
  if (schema['format'] === 'date') return 'date';
  return 'text';
}

/** Widgets that make sense for the field's type; anything else falls back to the default. */
function fitsType(widget: Widget, type: FieldType, options: FieldOption[] | null): boolean {
  if (options) return widget === 'select' || widget === 'radio';
  if (type === 'boolean') return widget === 'checkbox';
  if (type === 'number' || type === 'integer') return widget === 'number' || widget === 'text';
  return widget !== 'checkbox' && widget !== 'select' && widget !== 'radio';
}

/** The fields of a form in the order the ui asks for, then any others in schema order. */
export function describeForm(schema: unknown, ui: unknown): FormModel {
  const root = isObject(schema) ? schema : {};
  const properties = isObject(root['properties']) ? root['properties'] : {};
  const required = Array.isArray(root['required']) ? (root['required'] as unknown[]) : [];
  const hints = isObject(ui) ? ui : {};
  const order = Array.isArray(hints['order'])
    ? (hints['order'] as unknown[]).filter((name): name is string => typeof name === 'string')
    : [];
  const widgets = stringMap(hints['widgets']);
  const helpZh = stringMap(hints['helpZh']);
  const helpEn = stringMap(hints['helpEn']);
  const prefill = stringMap(hints['prefill']);

  const names = [...new Set([...order.filter((name) => name in properties), ...Object.keys(properties)])];
  const fields: FormField[] = [];
  const unsupported: string[] = [];
  for (const name of names) {
    const property = properties[name];
    const type = isObject(property) ? fieldType(property) : null;
    if (!isObject(property) || !type) {
      unsupported.push(name);
      continue;
    }
    const options = optionsOf(property);
    const asked = widgets[name];
    const widget =
      typeof asked === 'string' &&
      (WIDGETS as readonly string[]).includes(asked) &&
      fitsType(asked as Widget, type, options)
        ? (asked as Widget)
        : defaultWidget(type, property, options);
    const titleZh = stringOr(property['title'], name);
    fields.push({
      name,
      type,
      widget,
      titleZh,
      titleEn: stringOr(property['x-title-en'], titleZh),
      helpZh: stringOrNull(helpZh[name]),
      helpEn: stringOrNull(helpEn[name]),
      prefill: stringOrNull(prefill[name]),
      isRequired: required.includes(name),
      isConsent: type === 'boolean' && property['const'] === true,
      options,
      format: stringOrNull(property['format']),
      maxLength: typeof property['maxLength'] === 'number' ? property['maxLength'] : null,
    });
  }
  return { fields, unsupported };
}
