// Error codes that belong to one module, declared next to that module's code
// (`<module>.errors.ts`) and merged here into the one code → status map and message catalogue.
// A module's codes are documented in docs/errors/<module>.md; a unit test keeps the three in step.
import type { Locale } from './i18n/locale.ts';
import { sharingErrors } from '../modules/sharing/sharing.errors.ts';
import { notificationsErrors } from '../modules/notifications/notifications.errors.ts';
import { applicationErrors } from '../modules/applications/applications.errors.ts';
import { attachmentErrors } from '../modules/attachments/attachments.errors.ts';
import { certificateErrors } from '../modules/certificates/certificates.errors.ts';
import { kioskErrors } from '../modules/kiosk/kiosk.errors.ts';
import { facilityErrors } from '../modules/facilities/facilities.errors.ts';
import { openPlatformErrors } from '../modules/open-platform/open-platform.errors.ts';
import { paymentErrors } from '../modules/payments/payments.errors.ts';
import { paymentReceiptErrors } from '../modules/payments/receipts/receipts.errors.ts';
import { reconciliationErrors } from '../modules/payments/reconciliation/reconciliation.errors.ts';
import { deskErrors } from '../modules/enterprise-desk/desk.errors.ts';
import { investErrors } from '../modules/enterprise-desk/invest.errors.ts';
import { deskRoomsErrors } from '../modules/enterprise-desk/desk-rooms.errors.ts';
import { webhookErrors } from '../modules/open-platform/webhooks/webhooks.errors.ts';

/** One module's error codes: HTTP status and the message in both languages. */
export type ModuleErrorTable = Record<string, { status: number } & Record<Locale, string>>;

/** Every module's table. Add a module's table here (one import, one entry). */
export const moduleErrorTables = {
  sharing: sharingErrors,
  notifications: notificationsErrors,
  applications: applicationErrors,
  attachments: attachmentErrors,
  certificates: certificateErrors,
  facilities: facilityErrors,
  payments: paymentErrors,
  paymentReceipts: paymentReceiptErrors,
  reconciliation: reconciliationErrors,
  kiosk: kioskErrors,
  openPlatform: openPlatformErrors,
  desk: deskErrors,
  invest: investErrors,
  deskRooms: deskRoomsErrors,
  webhooks: webhookErrors,
} satisfies Record<string, ModuleErrorTable>;

type Merged = (typeof moduleErrorTables)[keyof typeof moduleErrorTables];
type CodesOf<T> = T extends unknown ? keyof T : never;
export type ModuleErrorCode = CodesOf<Merged> & string;

/** The merged code → status map of every module's codes. */
export function moduleErrorStatus(): Record<ModuleErrorCode, number> {
  const status: Record<string, number> = {};
  for (const table of Object.values(moduleErrorTables) as ModuleErrorTable[]) {
    for (const [code, entry] of Object.entries(table)) status[code] = entry.status;
  }
  return status as Record<ModuleErrorCode, number>;
}

/** The merged messages of every module's codes. */
export function moduleErrorMessages(): Record<string, Record<Locale, string>> {
  const messages: Record<string, Record<Locale, string>> = {};
  for (const table of Object.values(moduleErrorTables) as ModuleErrorTable[]) {
    for (const [code, entry] of Object.entries(table))
      messages[code] = { 'zh-CN': entry['zh-CN'], en: entry.en };
  }
  return messages;
}
