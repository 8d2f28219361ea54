import type { Migration } from 'kysely';
import * as createReference from './20261124120000-create-reference.ts';
import * as createIdentity from './20261124120100-create-identity.ts';
import * as createAuditLog from './20261124120200-create-audit-log.ts';
import * as createJobs from './20261124120300-create-jobs.ts';
import * as createPopulationRegister from './20261124120400-create-population-register.ts';
import * as createCatalog from './20261124130000-create-catalog.ts';
import * as createFacilities from './20261124140000-create-facilities.ts';
import * as addOfficeContact from './20261124150000-add-office-contact.ts';
import * as createCalendar from './20261124160000-create-calendar.ts';
import * as createApplications from './20261125100000-create-applications.ts';
import * as createCertificates from './20261125110000-create-certificates.ts';
import * as createNotifications from './20261125120000-create-notifications.ts';
import * as createAttachments from './20261125130000-create-attachments.ts';
import * as createSharing from './20261125140000-create-sharing.ts';
import * as createFacilityOperations from './20261125150000-create-facility-operations.ts';
import * as createKiosk from './20261125160000-create-kiosk.ts';
import * as createPayments from './20261126100000-create-payments.ts';
import * as createReconciliation from './20261126101000-create-reconciliation.ts';
import * as createDeskAssignments from './20261126110000-create-desk-assignments.ts';
import * as createDeskMessages from './20261126110100-create-desk-messages.ts';
import * as createDeskRequests from './20261126110200-create-desk-requests.ts';
import * as createDeskVisits from './20261126111000-create-desk-visits.ts';
import * as createDeskProjects from './20261126111100-create-desk-projects.ts';
import * as createDeskRooms from './20261126111200-create-desk-rooms.ts';
import * as createDeskInvestment from './20261126112000-create-desk-investment.ts';
import * as createDeskPolicies from './20261126112100-create-desk-policies.ts';
import * as createOpenPlatform from './20261126120000-create-open-platform.ts';
import * as createOpenWebhooks from './20261126121000-create-open-webhooks.ts';

/** Every migration, by name; names sort in the order they must run. Add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '20261124120000-create-reference': createReference,
  '20261124120100-create-identity': createIdentity,
  '20261124120200-create-audit-log': createAuditLog,
  '20261124120300-create-jobs': createJobs,
  '20261124120400-create-population-register': createPopulationRegister,
  '20261124130000-create-catalog': createCatalog,
  '20261124140000-create-facilities': createFacilities,
  '20261124150000-add-office-contact': addOfficeContact,
  '20261124160000-create-calendar': createCalendar,
  '20261125100000-create-applications': createApplications,
  '20261125110000-create-certificates': createCertificates,
  '20261125120000-create-notifications': createNotifications,
  '20261125130000-create-attachments': createAttachments,
  '20261125140000-create-sharing': createSharing,
  '20261125150000-create-facility-operations': createFacilityOperations,
  '20261125160000-create-kiosk': createKiosk,
  '20261126100000-create-payments': createPayments,
  '20261126101000-create-reconciliation': createReconciliation,
  '20261126110000-create-desk-assignments': createDeskAssignments,
  '20261126110100-create-desk-messages': createDeskMessages,
  '20261126110200-create-desk-requests': createDeskRequests,
  '20261126111000-create-desk-visits': createDeskVisits,
  '20261126111100-create-desk-projects': createDeskProjects,
  '20261126111200-create-desk-rooms': createDeskRooms,
  '20261126112000-create-desk-investment': createDeskInvestment,
  '20261126112100-create-desk-policies': createDeskPolicies,
  '20261126120000-create-open-platform': createOpenPlatform,
  '20261126121000-create-open-webhooks': createOpenWebhooks,
};
