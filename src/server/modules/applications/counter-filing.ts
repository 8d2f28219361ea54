// 帮办代办: a window clerk files at the counter for a resident who is present, with the
// resident's confirmation (signature pad, ID card reader or an SMS code) recorded.
import type { Static } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { normaliseIdNumber } from '../../../contracts/id-number.ts';
import { ensurePersonFromRegister } from '../identity/applicants.service.ts';
import type { CounterApplicationSchema } from '../../../contracts/api/applications.ts';
import { fileApplication, type FilingContext } from './submit-application.ts';

export async function fileAtCounter(
  context: FilingContext,
  input: Static<typeof CounterApplicationSchema> & { officeId?: string },
  idempotencyKey: string,
) {
  const { deps, principal } = context;
  const posts = principal.staff.filter((post) => post.role === 'window_clerk');
  const post = input.officeId ? posts.find((p) => p.officeId === input.officeId) : posts[0];
  if (!post) throw new AppError('AUTH_FORBIDDEN');
  if (!input.confirmation.reference.trim()) throw new AppError('APPLICATION_COUNTER_CONFIRMATION_REQUIRED');
  const idNumber = normaliseIdNumber(input.applicantIdNumber);
  const person = await deps.database.db
    .transaction()
    .execute((trx) => ensurePersonFromRegister(trx, idNumber));
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  return fileApplication(context, {
    input: {
      serviceId: input.serviceId,
      data: input.data,
      ...(input.delivery ? { delivery: input.delivery } : {}),
      ...(input.attachmentIds ? { attachmentIds: input.attachmentIds } : {}),
    },
    applicant: { personId: person.id },
    channel: 'counter',
    idempotencyKey,
    counter: { officeId: post.officeId, confirmation: input.confirmation },
  });
}
