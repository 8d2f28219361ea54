// Client-side checks for resident registration. They mirror the server's rules so
// that most mistakes are caught before a round trip; the server stays the judge.
import type { RegistrationInput } from '../api/types.ts';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX_LENGTH = 50;
export const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
export const PHONE_PATTERN = /^1\d{10}$/;

export type RegistrationField = keyof RegistrationInput;

/** Translation keys under `register.errors`, one per problem. */
export type RegistrationProblem =
  | 'usernameRequired'
  | 'usernameFormat'
  | 'passwordRequired'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'nameRequired'
  | 'nameTooLong'
  | 'idNumberRequired'
  | 'idNumberFormat'
  | 'idNumberChecksum'
  | 'phoneRequired'
  | 'phoneFormat';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** GB 11643 check character of an 18-character resident ID number. */
export function hasValidIdChecksum(idNumber: string): boolean {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += Number(idNumber[index]) * (ID_WEIGHTS[index] ?? 0);
  }
  return ID_CHECK_CHARS[sum % 11] === idNumber[17];
}

/** Trims and upper-cases what people type, the way the server will read it. */
export function normaliseRegistration(input: RegistrationInput): RegistrationInput {
  return {
    username: input.username.trim(),
    password: input.password,
    name: input.name.trim(),
    idNumber: input.idNumber.trim().toUpperCase(),
    phone: input.phone.trim(),
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
  else if (name.length > NAME_MAX_LENGTH) problems.name = 'nameTooLong';

  if (!idNumber) problems.idNumber = 'idNumberRequired';
  else if (!ID_NUMBER_PATTERN.test(idNumber)) problems.idNumber = 'idNumberFormat';
  else if (!hasValidIdChecksum(idNumber)) problems.idNumber = 'idNumberChecksum';

  if (!phone) problems.phone = 'phoneRequired';
  else if (!PHONE_PATTERN.test(phone)) problems.phone = 'phoneFormat';

  return problems;
}
