// Client-side checks for resident registration. They mirror the server's schema
// (RegisterBody) and use the same ID number and mobile number rules
// (src/contracts), so most mistakes are caught before a round trip; the server
// stays the judge.
import { customFormats } from '../../contracts/formats.ts';
import { isValidIdNumber } from '../../contracts/id-number.ts';
import type { RegistrationInput } from '../api/types.ts';

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;
export const USERNAME_MAX_LENGTH = 32;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 40;
const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

export type RegistrationField = keyof RegistrationInput;

/** Translation keys under `register.errors`, one per problem. */
export type RegistrationProblem =
  | 'usernameRequired'
  | 'usernameFormat'
  | 'passwordRequired'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'nameRequired'
  | 'nameTooShort'
  | 'nameTooLong'
  | 'idNumberRequired'
  | 'idNumberFormat'
  | 'idNumberChecksum'
  | 'phoneRequired'
  | 'phoneFormat';

const isMobileNumber = (value: string) => customFormats['cn-mobile']?.(value) ?? false;

/** Trims and upper-cases what people type, the way the server will store it. */
export function normaliseRegistration(input: RegistrationInput): RegistrationInput {
  return {
    username: input.username.trim(),
    password: input.password,
    name: input.name.trim(),
    idNumber: input.idNumber.trim().toUpperCase(),
    phone: input.phone.replace(/[\s-]/g, ''),
  };
}

export function validateRegistration(
  input: RegistrationInput,
): Partial<Record<RegistrationField, RegistrationProblem>> {
  const problems: Partial<Record<RegistrationField, RegistrationProblem>> = {};
  const { username, password, name, idNumber, phone } = normaliseRegistration(input);

  if (!username) problems.username = 'usernameRequired';
  else if (!USERNAME_PATTERN.test(username)) problems.username = 'usernameFormat';

  if (!password) problems.password = 'passwordRequired';
  else if (password.length < PASSWORD_MIN_LENGTH) problems.password = 'passwordTooShort';
  else if (password.length > PASSWORD_MAX_LENGTH) problems.password = 'passwordTooLong';

  if (!name) problems.name = 'nameRequired';
  else if (name.length < NAME_MIN_LENGTH) problems.name = 'nameTooShort';
  else if (name.length > NAME_MAX_LENGTH) problems.name = 'nameTooLong';

  if (!idNumber) problems.idNumber = 'idNumberRequired';
  else if (!ID_NUMBER_SHAPE.test(idNumber)) problems.idNumber = 'idNumberFormat';
  else if (!isValidIdNumber(idNumber)) problems.idNumber = 'idNumberChecksum';

  if (!phone) problems.phone = 'phoneRequired';
  else if (!isMobileNumber(phone)) problems.phone = 'phoneFormat';

  return problems;
}
