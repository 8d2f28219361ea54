import { isValidIdNumber, isValidUscc } from './id-number.ts';

/**
 * Custom JSON Schema formats shared by the server's ajv and the web app's form validation,
 * so that both sides accept and refuse exactly the same values.
 */
export const customFormats: Record<string, (value: string) => boolean> = {
  'cn-id-number': (value) => isValidIdNumber(value),
  'cn-uscc': (value) => isValidUscc(value),
  'cn-mobile': (value) => /^1[3-9]\d{9}$/.test(value),
};

/** Registers the custom formats on an ajv instance. */
export function addCustomFormats<
  T extends { addFormat(name: string, validate: (value: string) => boolean): unknown },
>(ajv: T): T {
  for (const [name, validate] of Object.entries(customFormats)) ajv.addFormat(name, validate);
  return ajv;
}
