// The form side of an application: validating data against the very schema version it was
// filed under (compiled once per version), counting fields, and splitting a bundle's merged
// form into each member service's data.
import type { ValidateFunction } from 'ajv';
import type { BundleDefinition, ServiceDefinition, ServiceForm } from '../../../contracts/catalog.ts';
import { createFormAjv } from '../../../contracts/form-ajv.ts';
import { AppError, translateValidation } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';

const ajv = createFormAjv();
const compiled = new Map<string, ValidateFunction>();

/** The validator of a form version; versions are immutable once published, so cache by id. */
function validatorFor(versionId: string, form: ServiceForm): ValidateFunction {
  let validate = compiled.get(versionId);
  if (!validate) {
    validate = ajv.compile(form.schema);
    compiled.set(versionId, validate);
  }
  return validate;
}

/**
 * Validates form data; throws VALIDATION_FAILED with one message per field (paths under
 * `pathPrefix`, e.g. `/data`) in the caller's language. Returns the data as validated.
 */
export function assertValidFormData(
  versionId: string,
  form: ServiceForm,
  data: Record<string, unknown>,
  locale: Locale,
  pathPrefix = '/data',
): Record<string, unknown> {
  const validate = validatorFor(versionId, form);
  if (!validate(data)) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      translateValidation(validate.errors ?? [], locale, pathPrefix),
    );
  }
  return data;
}

/** The top-level fields of a form, in display order. */
export function formFields(form: ServiceForm): string[] {
  const properties = Object.keys((form.schema.properties as Record<string, unknown> | undefined) ?? {});
  const ordered = form.ui.order.filter((name) => properties.includes(name));
  return [...ordered, ...properties.filter((name) => !ordered.includes(name))];
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

export interface FieldCounts {
  fieldsTotal: number;
  fieldsPrefilled: number;
  fieldsTyped: number;
}

/**
 * How much the applicant typed: fields with a value, less those they kept as prefilled (fields
 * the form maps to a register, and fields offered from their earlier applications).
 */
export function countFields(
  form: ServiceForm,
  data: Record<string, unknown>,
  prefilledFields: readonly string[] = [],
  offeredFields: readonly string[] = [],
): FieldCounts {
  const fields = formFields(form);
  const prefillable = new Set([...Object.keys(form.ui.prefill ?? {}), ...offeredFields]);
  const filled = fields.filter((name) => hasValue(data[name]));
  const prefilled = filled.filter((name) => prefillable.has(name) && prefilledFields.includes(name));
  return {
    fieldsTotal: fields.length,
    fieldsPrefilled: prefilled.length,
    fieldsTyped: filled.length - prefilled.length,
  };
}

/** The form an entry is filed with: a service's own, or a bundle's merged one. */
export function formOf(definition: ServiceDefinition | BundleDefinition): ServiceForm {
  return definition.form;
}

/**
 * A member service's share of a bundle's merged data: each merged field copied to every member
 * field it fills (the bundle's mapping); fields not mapped keep their name when the member's
 * form has them.
 */
export function memberData(
  bundle: BundleDefinition,
  member: ServiceDefinition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const memberFields = new Set(formFields(member.form));
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) if (memberFields.has(name)) result[name] = value;
  for (const mapping of bundle.mapping) {
    if (!(mapping.field in data)) continue;
    for (const target of mapping.targets)
      if (target.serviceCode === member.code) result[target.field] = data[mapping.field];
  }
  return result;
}
