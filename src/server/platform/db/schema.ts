// The database as Kysely sees it: the union of every module's tables. Each module owns
// its tables and is the only one to query them; this file only lets the types meet.
import type { AuditHeadTable, AuditLogTable } from '../audit/audit.tables.ts';
import type { JobTable } from '../jobs/jobs.tables.ts';
import type { CalendarDayTable, CalendarYearTable } from '../calendar/calendar.tables.ts';
import type {
  DepartmentTable,
  DistrictTable,
  OfficeTable,
  StreetTable,
} from '../../modules/reference/reference.tables.ts';
import type {
  EnterpriseLinkTable,
  EnterpriseTable,
  PersonTable,
  SessionTable,
  StaffRoleTable,
  UserTable,
} from '../../modules/identity/identity.tables.ts';
import type { PopulationRecordTable } from '../../modules/registers/registers.tables.ts';
import type {
  CatalogEntryTable,
  CatalogOfficeTable,
  CatalogSynonymTable,
  CatalogTopicTable,
  CatalogVersionTable,
} from '../../modules/catalog/catalog.tables.ts';
import type {
  FacilityCapacityTable,
  FacilityEventTable,
  FacilityImportTable,
  FacilityKeyTable,
  FacilityRecommendationTable,
  FacilityTable,
  FacilityTerminalTable,
  FacilityUtilisationTable,
} from '../../modules/facilities/facilities.tables.ts';
import type {
  AttachmentContentTable,
  AttachmentTable,
} from '../../modules/attachments/attachments.tables.ts';

import type {
  ApplicationDraftTable,
  ApplicationEventTable,
  ApplicationSupplementTable,
  ApplicationTable,
  ApplicationTaskTable,
  ReceiptCounterTable,
} from '../../modules/applications/applications.tables.ts';

import type {
  CertificateCounterTable,
  CertificateSigningKeyTable,
  CertificateTable,
} from '../../modules/certificates/certificates.tables.ts';

import type {
  NotificationSettingsTable,
  NotificationTable,
} from '../../modules/notifications/notifications.tables.ts';

import type {
  DataAccessObjectionTable,
  SharingAppTable,
  SharingConsentTable,
  SharingRuleTable,
} from '../../modules/sharing/sharing.tables.ts';

import type {
  KioskChallengeTable,
  KioskQrTokenTable,
  KioskSessionTable,
} from '../../modules/kiosk/kiosk.tables.ts';
import type { DeskAssignmentTable } from '../../modules/enterprise-desk/assignments.tables.ts';
import type { DeskMessageTable } from '../../modules/enterprise-desk/messages.tables.ts';
import type {
  DeskRequestCounterTable,
  DeskRequestEventTable,
  DeskRequestPartTable,
  DeskRequestTable,
} from '../../modules/enterprise-desk/requests.tables.ts';
import type {
  DeskQuietPeriodTable,
  DeskVisitCapTable,
  DeskVisitTable,
} from '../../modules/enterprise-desk/visits.tables.ts';
import type {
  DeskMilestoneApplicationTable,
  DeskProjectMilestoneTable,
  DeskProjectTable,
} from '../../modules/enterprise-desk/projects.tables.ts';
import type {
  DeskRoomActivityTable,
  DeskRoomChecklistItemTable,
  DeskRoomDigestTable,
  DeskRoomDocumentContentTable,
  DeskRoomDocumentTable,
  DeskRoomMemberTable,
  DeskRoomMessageTable,
  DeskRoomTable,
  DeskRoomTaskTable,
} from '../../modules/enterprise-desk/rooms.tables.ts';
import type {
  DeskFixedAssetInvestmentTable,
  DeskParcelTable,
  DeskProspectStageTable,
  DeskProspectTable,
  DeskZoneTable,
} from '../../modules/enterprise-desk/investment.tables.ts';
import type {
  DeskPolicyBenefitTable,
  DeskPolicyMatchTable,
  DeskPolicyRuleVersionTable,
  DeskPolicyRunTable,
  DeskPolicyTable,
} from '../../modules/enterprise-desk/policies.tables.ts';
import type {
  OidcPayloadTable,
  OpenPlatformAppTable,
  OpenPlatformKeyTable,
} from '../../modules/open-platform/open-platform.tables.ts';

import type {
  BillerPushTable,
  LedgerEntryTable,
  LedgerTransactionTable,
  PayableTable,
  PaymentNotificationTable,
  PaymentOrderItemTable,
  PaymentOrderTable,
  PaymentRefundTable,
  UtilityAccountBindingTable,
} from '../../modules/payments/payments.tables.ts';
import type {
  ReconciliationMismatchTable,
  ReconciliationRunTable,
} from '../../modules/payments/reconciliation/reconciliation.tables.ts';
import type {
  OpenEventTable,
  OpenWebhookAttemptTable,
  OpenWebhookDeliveryTable,
  OpenWebhookSubscriptionTable,
} from '../../modules/open-platform/webhooks/webhooks.tables.ts';

export interface Database {
  districts: DistrictTable;
  streets: StreetTable;
  departments: DepartmentTable;
  offices: OfficeTable;
  people: PersonTable;
  enterprises: EnterpriseTable;
  enterpriseLinks: EnterpriseLinkTable;
  users: UserTable;
  staffRoles: StaffRoleTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  jobs: JobTable;
  populationRecords: PopulationRecordTable;
  catalogEntries: CatalogEntryTable;
  catalogVersions: CatalogVersionTable;
  catalogOffices: CatalogOfficeTable;
  catalogSynonyms: CatalogSynonymTable;
  catalogTopics: CatalogTopicTable;
  facilities: FacilityTable;
  facilityTerminals: FacilityTerminalTable;
  facilityKeys: FacilityKeyTable;
  facilityEvents: FacilityEventTable;
  facilityCapacities: FacilityCapacityTable;
  facilityUtilisation: FacilityUtilisationTable;
  facilityRecommendations: FacilityRecommendationTable;
  facilityImports: FacilityImportTable;
  calendarDays: CalendarDayTable;
  calendarYears: CalendarYearTable;
  notifications: NotificationTable;
  notificationSettings: NotificationSettingsTable;
  attachments: AttachmentTable;
  attachmentContents: AttachmentContentTable;
  certificates: CertificateTable;
  certificateCounters: CertificateCounterTable;
  certificateSigningKeys: CertificateSigningKeyTable;
  applications: ApplicationTable;
  applicationTasks: ApplicationTaskTable;
  applicationEvents: ApplicationEventTable;
  applicationSupplements: ApplicationSupplementTable;
  applicationDrafts: ApplicationDraftTable;
  receiptCounters: ReceiptCounterTable;
  sharingRules: SharingRuleTable;
  sharingApps: SharingAppTable;
  sharingConsents: SharingConsentTable;
  dataAccessObjections: DataAccessObjectionTable;
  kioskChallenges: KioskChallengeTable;
  kioskQrTokens: KioskQrTokenTable;
  kioskSessions: KioskSessionTable;
  payables: PayableTable;
  paymentOrders: PaymentOrderTable;
  paymentOrderItems: PaymentOrderItemTable;
  paymentNotifications: PaymentNotificationTable;
  utilityAccountBindings: UtilityAccountBindingTable;
  paymentRefunds: PaymentRefundTable;
  billerPushes: BillerPushTable;
  ledgerTransactions: LedgerTransactionTable;
  ledgerEntries: LedgerEntryTable;
  reconciliationRuns: ReconciliationRunTable;
  reconciliationMismatches: ReconciliationMismatchTable;
  deskAssignments: DeskAssignmentTable;
  deskMessages: DeskMessageTable;
  deskRequestCounters: DeskRequestCounterTable;
  deskRequests: DeskRequestTable;
  deskRequestParts: DeskRequestPartTable;
  deskRequestEvents: DeskRequestEventTable;
  deskVisitCaps: DeskVisitCapTable;
  deskQuietPeriods: DeskQuietPeriodTable;
  deskVisits: DeskVisitTable;
  deskProjects: DeskProjectTable;
  deskProjectMilestones: DeskProjectMilestoneTable;
  deskMilestoneApplications: DeskMilestoneApplicationTable;
  deskRooms: DeskRoomTable;
  deskRoomMembers: DeskRoomMemberTable;
  deskRoomMessages: DeskRoomMessageTable;
  deskRoomTasks: DeskRoomTaskTable;
  deskRoomChecklistItems: DeskRoomChecklistItemTable;
  deskRoomDocuments: DeskRoomDocumentTable;
  deskRoomDocumentContents: DeskRoomDocumentContentTable;
  deskRoomActivity: DeskRoomActivityTable;
  deskRoomDigests: DeskRoomDigestTable;
  deskZones: DeskZoneTable;
  deskParcels: DeskParcelTable;
  deskProspects: DeskProspectTable;
  deskProspectStages: DeskProspectStageTable;
  deskFixedAssetInvestment: DeskFixedAssetInvestmentTable;
  deskPolicies: DeskPolicyTable;
  deskPolicyRuleVersions: DeskPolicyRuleVersionTable;
  deskPolicyMatches: DeskPolicyMatchTable;
  deskPolicyBenefits: DeskPolicyBenefitTable;
  deskPolicyRuns: DeskPolicyRunTable;
  openPlatformApps: OpenPlatformAppTable;
  oidcPayloads: OidcPayloadTable;
  openPlatformKeys: OpenPlatformKeyTable;
  openEvents: OpenEventTable;
  openWebhookSubscriptions: OpenWebhookSubscriptionTable;
  openWebhookDeliveries: OpenWebhookDeliveryTable;
  openWebhookAttempts: OpenWebhookAttemptTable;
}
