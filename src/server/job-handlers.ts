// Every module's background job handlers, registered on the app's job runner when the app is
// built (so tests that drain the queue run the same handlers as `serve`). A module exports one
// `register<Module>Jobs(deps)` function; add it here.
import type { AppDeps } from './platform/deps.ts';
import { registerApplicationJobs } from './modules/applications/task-timers.ts';
import { registerAttachmentsJobs } from './modules/attachments/attachments.jobs.ts';
import { registerFacilitiesJobs } from './modules/facilities/facility-utilisation.jobs.ts';
import { registerNotificationsJobs } from './modules/notifications/notifications.jobs.ts';
import { registerPaymentsJobs } from './modules/payments/payments.jobs.ts';
import { registerReconciliationJobs } from './modules/payments/reconciliation/reconciliation.jobs.ts';
import { registerDeskRequestJobs } from './modules/enterprise-desk/requests-timers.ts';
import { registerDeskRoomsJobs } from './modules/enterprise-desk/rooms.jobs.ts';
import { registerPolicyJobs } from './modules/enterprise-desk/policies.jobs.ts';
import { registerOpenWebhookJobs } from './modules/open-platform/webhooks/webhooks.jobs.ts';
import { registerOpenPlatformJobs } from './modules/open-platform/open-platform.jobs.ts';

/** Registers each module's job handlers on `deps.jobs`. */
export function registerJobHandlers(deps: AppDeps): void {
  registerApplicationJobs(deps);
  registerAttachmentsJobs(deps);
  registerFacilitiesJobs(deps);
  registerNotificationsJobs(deps);
  registerPaymentsJobs(deps);
  registerReconciliationJobs(deps);
  registerDeskRequestJobs(deps);
  registerDeskRoomsJobs(deps);
  registerPolicyJobs(deps);
  registerOpenWebhookJobs(deps);
  registerOpenPlatformJobs(deps);
}
