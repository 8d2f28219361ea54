// Values the applicant typed in earlier applications, offered again for fields the registers do
// not fill (让群众少动手指): the newest value per field name, when it has the field's type.
import type { ServiceForm } from '../../../contracts/catalog.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ApplicantRef } from '../identity/applicants.service.ts';
import { formFields } from './application-forms.ts';

export interface PreviousValue {
  value: unknown;
  receiptNo: string;
  submittedAt: string;
}

const LOOK_BACK = 20;

function fitsType(schema: Record<string, unknown>, value: unknown): boolean {
  if ('const' in schema) return false; // pledges are ticked anew each time
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' && value.trim().length > 0;
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    default:
      return false;
  }
}

/** The newest earlier value of each of the form's fields that no register fills. */
export async function previousValues(
  db: Db,
  applicant: ApplicantRef,
  form: ServiceForm,
): Promise<Record<string, PreviousValue>> {
  const properties = (form.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const registerFilled = new Set(Object.keys(form.ui.prefill ?? {}));
  const wanted = formFields(form).filter((name) => !registerFilled.has(name) && properties[name]);
  if (wanted.length === 0) return {};
  let query = db.selectFrom('applications').select(['data', 'receiptNo', 'submittedAt']);
  query =
    'personId' in applicant
      ? query.where('applicantPersonId', '=', applicant.personId).where('applicantEnterpriseId', 'is', null)
      : query.where('applicantEnterpriseId', '=', applicant.enterpriseId);
  const rows = await query.orderBy('submittedAt', 'desc').limit(LOOK_BACK).execute();
  const found: Record<string, PreviousValue> = {};
  for (const row of rows) {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    for (const name of wanted) {
      if (found[name] || !(name in data) || !fitsType(properties[name]!, data[name])) continue;
      found[name] = { value: data[name], receiptNo: row.receiptNo, submittedAt: row.submittedAt };
    }
  }
  return found;
}
