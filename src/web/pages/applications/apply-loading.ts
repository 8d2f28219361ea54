// Everything the apply page needs before it shows the form: the prefill (when the sharing gateway
// answers), the saved draft (if any), the files that draft names, and a bundle's member services
// (their materials and offices).
import type { Material } from '../../../contracts/catalog.ts';
import {
  getDraft,
  getPrefill,
  getPreviousValues,
  type Draft,
  type PrefillAnswer,
  type PreviousValues,
} from '../../api/applications-endpoints.ts';
import type { UploadedAttachment } from '../../api/attachments-endpoints.ts';
import { getService } from '../../api/catalog-endpoints.ts';
import type { CompetentOffice, ServiceDetail } from '../../api/catalog-types.ts';
import { api, ApiError } from '../../api/client.ts';
import { materialKeyOf } from './application-view.ts';

export interface ApplyMaterial {
  key: string;
  serviceCode: string;
  material: Material;
  /** What the registers say for this applicant (when the prefill answered). */
  heldStatus: 'held' | 'not_held' | 'unavailable' | null;
  sourceZh: string | null;
  sourceEn: string | null;
}

export interface ApplyContext {
  prefill: PrefillAnswer | null;
  /** The prefill could not be read (shown as a note; the form works without it). */
  prefillFailed: boolean;
  /** Values typed in earlier applications, offered for fields no register fills. */
  previous: PreviousValues | null;
  draft: Draft | null;
  files: UploadedAttachment[];
  materials: ApplyMaterial[];
  offices: CompetentOffice[];
}

async function orNull<T>(promise: Promise<T>, missingCode: string): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.code === missingCode) return null;
    throw error;
  }
}

/** Loads what the apply page starts from. */
export async function loadApplyContext(service: ServiceDetail, enterpriseId?: string): Promise<ApplyContext> {
  const members =
    service.type === 'bundle'
      ? await Promise.all(service.members.map((member) => getService(member.id)))
      : [];
  const [prefillResult, draft, previous] = await Promise.all([
    getPrefill(service.id, enterpriseId).then(
      (answer) => ({ answer, failed: false }),
      () => ({ answer: null, failed: true }),
    ),
    orNull(getDraft(service.id, enterpriseId), 'DRAFT_NOT_FOUND'),
    getPreviousValues(service.id, enterpriseId).catch(() => null),
  ]);
  // Uploads of a draft expire when left unsubmitted for a day: keep those still there.
  const files = (
    await Promise.all(
      (draft?.attachmentIds ?? []).map((id) =>
        api.get<UploadedAttachment>(`/api/v1/attachments/${encodeURIComponent(id)}`).catch(() => null),
      ),
    )
  ).filter((file): file is UploadedAttachment => file !== null);

  const services =
    service.type === 'service'
      ? [{ code: service.code, materials: service.definition.materials }]
      : members.flatMap((member) =>
          member.type === 'service' ? [{ code: member.code, materials: member.definition.materials }] : [],
        );
  const heldByIndex = new Map((prefillResult.answer?.materials ?? []).map((m) => [m.index, m]));
  let flatIndex = 0;
  const materials = services.flatMap(({ code, materials: list }) =>
    list.map((material, index) => {
      const held = heldByIndex.get(flatIndex);
      flatIndex += 1;
      return {
        key: materialKeyOf(code, index),
        serviceCode: code,
        material,
        heldStatus: held?.status ?? null,
        sourceZh: held?.sourceNameZh || material.heldByGovernment?.sourceNameZh || null,
        sourceEn: held?.sourceNameEn || material.heldByGovernment?.sourceNameEn || null,
      };
    }),
  );

  const offices = new Map<string, CompetentOffice>();
  for (const office of [service, ...members].flatMap((entry) => entry.competentOffices))
    if (!offices.has(office.officeId)) offices.set(office.officeId, office);

  return {
    prefill: prefillResult.answer,
    prefillFailed: prefillResult.failed,
    previous,
    draft,
    files,
    materials,
    offices: [...offices.values()],
  };
}

/** Whether the applicant needs to upload this material (the government does not hold it). */
export function needsUpload(item: ApplyMaterial): boolean {
  if (item.heldStatus) return item.heldStatus !== 'held';
  return !item.material.heldByGovernment;
}
