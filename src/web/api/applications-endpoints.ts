// Typed calls for the applicant's side of applications (办件): filing, following, fixing a
// supplement (补正), withdrawing, drafts (草稿), and the prefill of a service's form.
import type {
  ApplicationDetail as ApplicationDetailAnswer,
  ApplicationListItem,
  Delivery,
  Draft,
  Receipt,
  SubmitApplicationInput,
} from '../../contracts/api/applications.ts';
import type { ApplicationStatus } from '../../contracts/api/application-statuses.ts';
import type { ServiceForm } from '../../contracts/catalog.ts';
import { api, apiRequest } from './client.ts';

export { APPLICATION_STATUSES, type ApplicationStatus } from '../../contracts/api/application-statuses.ts';
export type {
  ApplicationListItem,
  ApplicationMetrics,
  Delivery,
  DeliveryMethod,
  Draft,
  Supplement,
  TimelineEvent,
} from '../../contracts/api/applications.ts';

/** An application as its applicant sees it, with the form it was filed under. */
export type ApplicationDetail = Omit<ApplicationDetailAnswer, 'form'> & { form: ServiceForm };

interface Names {
  nameZh: string;
  nameEn: string;
}

export interface SaveDraftInput {
  enterpriseId?: string;
  data: Record<string, unknown>;
  attachmentIds?: string[];
  delivery?: Delivery;
  /** The version loaded (0 for a new draft). */
  version: number;
}

export interface PrefillSource extends Names {
  register: string;
}

export interface PrefillAnswer {
  serviceCode: string;
  fields: Record<string, { value: unknown; source: PrefillSource; locked: boolean }>;
  unavailable: string[];
  filledCount: number;
  fieldCount: number;
  /** Every material of the service (or of a bundle's members, in order), held or not. */
  materials: (Names & {
    index: number;
    status: 'held' | 'not_held' | 'unavailable';
    sourceNameZh: string;
    sourceNameEn: string;
  })[];
}

const segment = encodeURIComponent;
const enterpriseQuery = (enterpriseId?: string) =>
  enterpriseId ? `?enterpriseId=${segment(enterpriseId)}` : '';

/** Files an application; send the same key again when retrying the same submit. */
export const submitApplication = (input: SubmitApplicationInput, idempotencyKey: string) =>
  apiRequest<Receipt>('POST', '/api/v1/applications', input, { 'Idempotency-Key': idempotencyKey });

export const listMyApplications = (query: { status?: ApplicationStatus; limit: number; offset: number }) => {
  const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.status) params.set('status', query.status);
  return api.get<{ items: ApplicationListItem[]; total: number }>(`/api/v1/applications?${params}`);
};

export const getApplication = (id: string) =>
  api.get<ApplicationDetail>(`/api/v1/applications/${segment(id)}`);

export const withdrawApplication = (id: string, reason?: string) =>
  api.post<{ status: ApplicationStatus; stateVersion: number }>(
    `/api/v1/applications/${segment(id)}/withdraw`,
    reason ? { reason } : {},
  );

export const answerSupplement = (
  id: string,
  body: { data: Record<string, unknown>; attachmentIds?: string[]; stateVersion: number },
) =>
  api.post<{ status: ApplicationStatus; stateVersion: number }>(
    `/api/v1/applications/${segment(id)}/supplement`,
    body,
  );

export const applicationAttachmentUrl = (id: string, attachmentId: string) =>
  `/api/v1/applications/${segment(id)}/attachments/${segment(attachmentId)}`;

export const listMyDrafts = () => api.get<{ items: Draft[] }>('/api/v1/drafts');

export const getDraft = (serviceId: string, enterpriseId?: string) =>
  api.get<Draft>(`/api/v1/drafts/${segment(serviceId)}${enterpriseQuery(enterpriseId)}`);

export const saveDraft = (serviceId: string, input: SaveDraftInput) =>
  api.put<Draft>(`/api/v1/drafts/${segment(serviceId)}`, input);

export const deleteDraft = (serviceId: string, enterpriseId?: string) =>
  api.delete(`/api/v1/drafts/${segment(serviceId)}${enterpriseQuery(enterpriseId)}`);

/** Values typed in earlier applications, for fields no register fills. */
export interface PreviousValues {
  fields: Record<string, { value: unknown; receiptNo: string; submittedAt: string }>;
}

export const getPreviousValues = (serviceId: string, enterpriseId?: string) =>
  api.get<PreviousValues>(
    `/api/v1/services/${segment(serviceId)}/previous-values${enterpriseQuery(enterpriseId)}`,
  );

export const getPrefill = (serviceId: string, enterpriseId?: string) =>
  api.get<PrefillAnswer>(`/api/v1/services/${segment(serviceId)}/prefill${enterpriseQuery(enterpriseId)}`);
