// Services at the terminal. The kiosk lists what the catalogue offers on the `terminal` channel and
// files applications for those that can be done there in full: a resident's service whose
// required materials the government already holds (免于提交), since a kiosk has no document scanner.
// Everything else is listed with the reason, so the resident knows to use the web or a counter.
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { PublishedEntry } from '../catalog/catalogue.ts';
import { fileApplication } from '../applications/submit-application.ts';
import type { SubmitApplicationInput } from '../../../contracts/api/applications.ts';
import { prefillForm } from '../sharing/prefill.ts';

export type TerminalAvailability = 'apply' | 'query' | 'payment' | 'materials' | 'enterprise';

/** Whether a published entry can be applied for at a kiosk, and if not, why. */
export function terminalAvailability(entry: PublishedEntry): TerminalAvailability {
  if (entry.entryType !== 'service') return 'materials';
  const service = entry.definition as ServiceDefinition;
  if (service.kind === 'query') return 'query';
  if (service.kind === 'payment') return 'payment';
  if (service.subject === 'enterprise') return 'enterprise';
  const needsUpload = service.materials.some(
    (material) => material.requirement === 'required' && !material.heldByGovernment,
  );
  return needsUpload ? 'materials' : 'apply';
}

/** Every published service offered at terminals, best known first, with what the kiosk can do. */
export async function listTerminalServices(deps: AppDeps, locale: Locale) {
  const result = await deps.catalogue.search({ channel: 'terminal', limit: 100, offset: 0 }, locale);
  const items = [];
  for (const item of result.items) {
    const entry = await deps.catalogue.publishedEntry(item.id);
    if (!entry) continue;
    items.push({
      id: item.id,
      code: item.code,
      name: item.name,
      departmentName: item.departmentName,
      kind: item.kind,
      promisedTimeLimitDays: item.promisedTimeLimitDays,
      availability: terminalAvailability(entry),
    });
  }
  return { items, total: items.length };
}

async function applicableEntry(deps: AppDeps, serviceId: string): Promise<PublishedEntry> {
  const entry = await deps.catalogue.publishedEntry(serviceId);
  const service = entry?.entryType === 'service' ? (entry.definition as ServiceDefinition) : undefined;
  if (!entry || !service?.channels.includes('terminal') || terminalAvailability(entry) !== 'apply')
    throw new AppError('KIOSK_SERVICE_NOT_AT_TERMINAL');
  return entry;
}

/** The form of a service the kiosk can file, with what the registers already know of the resident. */
export async function kioskApplyForm(
  deps: AppDeps,
  principal: Principal,
  serviceId: string,
  requestId: string,
) {
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  const entry = await applicableEntry(deps, serviceId);
  const prefill = await prefillForm(
    { database: deps.database, registers: deps.registers },
    {
      serviceCode: entry.code,
      form: entry.definition.form,
      subject: { personId: principal.personId },
      actor: { userId: principal.userId, name: principal.displayName },
      requestId,
    },
  );
  return {
    id: entry.id,
    code: entry.code,
    nameZh: entry.definition.nameZh,
    nameEn: entry.definition.nameEn,
    form: entry.definition.form,
    prefill: prefill.fields,
  };
}

/** Files the resident's application on the `terminal` channel (idempotent by the kiosk's key). */
export async function fileKioskApplication(
  deps: AppDeps,
  principal: Principal,
  input: Pick<SubmitApplicationInput, 'serviceId' | 'data' | 'prefilledFields'>,
  context: { idempotencyKey: string; locale: Locale; requestId: string },
) {
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  await applicableEntry(deps, input.serviceId);
  return fileApplication(
    { deps, principal, locale: context.locale, requestId: context.requestId },
    {
      input: { serviceId: input.serviceId, data: input.data, prefilledFields: input.prefilledFields },
      applicant: { personId: principal.personId },
      channel: 'terminal',
      idempotencyKey: context.idempotencyKey,
    },
  );
}
