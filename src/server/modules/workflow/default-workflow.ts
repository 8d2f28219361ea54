import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import type { WorkflowDefinition } from '../../../contracts/workflow.ts';

/**
 * The workflow of a service that declares none: acceptance by the window clerk (受理), review
 * (审查), decision by the approver (决定), and completion/delivery (办结) by the window clerk.
 * The shares leave most of the time to review and decision, where the work is. It is the same
 * for every service today; the service is passed so that a default may depend on it later.
 */
export function defaultWorkflow(_service: ServiceDefinition): WorkflowDefinition {
  return {
    start: 'acceptance',
    steps: [
      {
        key: 'acceptance',
        kind: 'acceptance',
        role: 'window_clerk',
        nameZh: '受理',
        nameEn: 'Acceptance',
        timeShare: 20,
        next: [{ goto: 'review' }],
      },
      {
        key: 'review',
        kind: 'review',
        role: 'reviewer',
        nameZh: '审查',
        nameEn: 'Review',
        timeShare: 40,
        next: [{ goto: 'decision' }],
      },
      {
        key: 'decision',
        kind: 'decision',
        role: 'approver',
        nameZh: '决定',
        nameEn: 'Decision',
        timeShare: 30,
        next: [{ goto: 'completion' }],
      },
      {
        key: 'completion',
        kind: 'completion',
        role: 'window_clerk',
        nameZh: '办结',
        nameEn: 'Completion',
        timeShare: 10,
      },
    ],
    supplementPausesClock: true,
  };
}

/** The service's own workflow, or the default one. */
export function workflowOf(service: ServiceDefinition): WorkflowDefinition {
  return service.workflow ?? defaultWorkflow(service);
}
