import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { addCustomFormats } from './formats.ts';

/**
 * The one ajv set-up for service forms, used by the server (definition checks, and later the
 * applications it receives) and by the web app's form renderer, so both accept exactly the same
 * input. `multipleOfPrecision` lets money amounts like 19.99 pass `multipleOf: 0.01`.
 */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, multipleOfPrecision: 8 });
  addFormats.default(ajv);
  addCustomFormats(ajv);
  return ajv;
}
