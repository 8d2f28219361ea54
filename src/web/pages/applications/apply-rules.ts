// Who can apply for what, online: shared by the service page's "apply online" button and the
// apply page (kept apart from the pages so the service page does not load the apply page).
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { ServiceDetail } from '../../api/catalog-types.ts';
import type { Me } from '../../api/types.ts';

/** Whether the entry can be filed online at all (what the server checks on submit). */
export function canApplyOnline(detail: Pick<ServiceDetail, 'type' | 'kind' | 'channels'>): boolean {
  if (detail.kind === 'query' || detail.kind === 'payment') return false;
  if (detail.type === 'bundle') return true;
  return detail.channels.includes('online') || detail.channels.includes('open_api');
}

export interface ApplicantOption {
  /** `self`, or the enterprise's id. */
  value: string;
  label: string;
}

/** Who the signed-in user may file for, given whom the service is for. */
export function applicantOptions(
  me: Pick<Me, 'person' | 'enterprises'>,
  subject: ServiceDefinition['subject'],
  selfLabel: string,
  enterpriseLabel: (name: string) => string,
): ApplicantOption[] {
  const options: ApplicantOption[] = [];
  if (me.person && subject !== 'enterprise') options.push({ value: 'self', label: selfLabel });
  if (subject !== 'resident')
    for (const enterprise of me.enterprises)
      options.push({ value: enterprise.id, label: enterpriseLabel(enterprise.name) });
  return options;
}
