// The browser's checks of a service form: rjsf's ajv8 validator built with the server's ajv
// options and formats (src/contracts/form-ajv.ts), and ajv's errors worded by the server's own
// table (src/contracts/validation-messages.ts), so that a field error reads exactly as the
// server would word it.
import { customizeValidator } from '@rjsf/validator-ajv8';
import { FORM_AJV_OPTIONS, configureFormAjv } from '../../contracts/form-ajv.ts';
import { translateAjvErrors } from '../../contracts/validation-messages.ts';
import type { FieldMessage } from '../../contracts/validation-messages.ts';
import type { FormData, FormLanguage } from './form-ui.ts';

/**
 * The validator rjsf renders with, and the one that checks. `ajvFormatOptions: false` keeps
 * rjsf's own copy of ajv-formats out: the formats come from `configureFormAjv`, as on the server.
 */
export const formValidator = customizeValidator<FormData>({
  ajvOptionsOverrides: FORM_AJV_OPTIONS,
  ajvFormatOptions: false,
  extenderFn: configureFormAjv,
});

export type FormCheck =
  { status: 'checked'; errors: FieldMessage[] } | { status: 'invalidSchema'; reason: string };

// ajv caches compiled schemas by object; the editor hands a new object on every keystroke, so
// keep one object per distinct schema text (and only a few of them).
const canonical = new Map<string, Record<string, unknown>>();
const CANONICAL_LIMIT = 50;

function canonicalSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const key = JSON.stringify(schema);
  const known = canonical.get(key);
  if (known) return known;
  if (canonical.size >= CANONICAL_LIMIT) {
    const oldest = canonical.keys().next().value as string;
    const dropped = canonical.get(oldest);
    canonical.delete(oldest);
    if (dropped) formValidator.ajv.removeSchema(dropped);
  }
  canonical.set(key, schema);
  return schema;
}

/** Checks the answers against the service's schema; errors in the user's language. */
export function checkForm(
  schema: Record<string, unknown>,
  data: FormData,
  language: FormLanguage,
): FormCheck {
  const { errors, validationError } = formValidator.rawValidation(canonicalSchema(schema), data);
  if (validationError) return { status: 'invalidSchema', reason: validationError.message };
  return { status: 'checked', errors: translateAjvErrors(errors ?? [], language) };
}
