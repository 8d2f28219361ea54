import { Ajv } from 'ajv';
import type { Options } from 'ajv';
import addFormats from 'ajv-formats';
import { addCustomFormats } from './formats.ts';

/**
 * The options of every ajv that checks service forms. `multipleOfPrecision` lets money amounts
 * like 19.99 pass `multipleOf: 0.01`.
 */
export const FORM_AJV_OPTIONS: Options = { allErrors: true, strict: false, multipleOfPrecision: 8 };

/**
 * Adds the formats service forms may use: the standard ones (ajv-formats) and ours
 * (`cn-id-number`, `cn-uscc`, `cn-mobile`). The web app's form renderer hands this to rjsf's
 * `customizeValidator` as its `extenderFn`, so that its ajv knows exactly the server's formats.
 */
export function configureFormAjv(ajv: Ajv): Ajv {
  addFormats.default(ajv);
  addCustomFormats(ajv);
  return ajv;
}

/**
 * The one ajv set-up for service forms, used by the server (definition checks, and the
 * applications it receives); the web app builds the same one through rjsf (src/web/forms), so
 * both accept exactly the same input.
 */
export function createFormAjv(): Ajv {
  return configureFormAjv(new Ajv(FORM_AJV_OPTIONS));
}
