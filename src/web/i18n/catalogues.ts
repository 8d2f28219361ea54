// The UI text, one pair of JSON files per area (zh-CN and en), merged into one catalogue per
// language. Each area owns its own top-level keys, so areas can grow without touching each other.
import enCore from './en.json' with { type: 'json' };
import zhCore from './zh-CN.json' with { type: 'json' };
import enNotifications from './notifications.en.json' with { type: 'json' };
import zhNotifications from './notifications.zh-CN.json' with { type: 'json' };
import enForms from './forms.en.json' with { type: 'json' };
import zhForms from './forms.zh-CN.json' with { type: 'json' };
import enAttachments from './attachments.en.json' with { type: 'json' };
import zhAttachments from './attachments.zh-CN.json' with { type: 'json' };
import enCertificates from './certificates.en.json' with { type: 'json' };
import zhCertificates from './certificates.zh-CN.json' with { type: 'json' };
import enApplications from './applications.en.json' with { type: 'json' };
import zhApplications from './applications.zh-CN.json' with { type: 'json' };
import enWorkbench from './workbench.en.json' with { type: 'json' };
import zhWorkbench from './workbench.zh-CN.json' with { type: 'json' };
import enData from './data.en.json' with { type: 'json' };
import zhData from './data.zh-CN.json' with { type: 'json' };
import enKiosk from './kiosk.en.json' with { type: 'json' };
import zhKiosk from './kiosk.zh-CN.json' with { type: 'json' };
import enEditorExtra from './editor-extra.en.json' with { type: 'json' };
import zhEditorExtra from './editor-extra.zh-CN.json' with { type: 'json' };
import enFacilityConsole from './facilities-console.en.json' with { type: 'json' };
import zhFacilityConsole from './facilities-console.zh-CN.json' with { type: 'json' };
import enPayments from './payments.en.json' with { type: 'json' };
import zhPayments from './payments.zh-CN.json' with { type: 'json' };
import enReconciliation from './reconciliation.en.json' with { type: 'json' };
import zhReconciliation from './reconciliation.zh-CN.json' with { type: 'json' };
import enDesk from './desk.en.json' with { type: 'json' };
import zhDesk from './desk.zh-CN.json' with { type: 'json' };
import enWebhooks from './webhooks.en.json' with { type: 'json' };
import zhWebhooks from './webhooks.zh-CN.json' with { type: 'json' };
import enOpenPlatform from './open-platform.en.json' with { type: 'json' };
import zhOpenPlatform from './open-platform.zh-CN.json' with { type: 'json' };
import enDeskInvest from './desk-invest.en.json' with { type: 'json' };
import zhDeskInvest from './desk-invest.zh-CN.json' with { type: 'json' };
import enDeskRooms from './desk-rooms.en.json' with { type: 'json' };
import zhDeskRooms from './desk-rooms.zh-CN.json' with { type: 'json' };

export const zhCN = {
  ...zhDeskInvest,
  ...zhDeskRooms,
  ...zhCore,
  ...zhNotifications,
  ...zhForms,
  ...zhAttachments,
  ...zhCertificates,
  ...zhWorkbench,
  ...zhData,
  ...zhApplications,
  ...zhKiosk,
  ...zhFacilityConsole,
  ...zhEditorExtra,
  ...zhPayments,
  ...zhReconciliation,
  ...zhDesk,
  ...zhWebhooks,
  ...zhOpenPlatform,
};
export const en = {
  ...enDeskInvest,
  ...enDeskRooms,
  ...enCore,
  ...enNotifications,
  ...enForms,
  ...enAttachments,
  ...enCertificates,
  ...enWorkbench,
  ...enData,
  ...enApplications,
  ...enKiosk,
  ...enFacilityConsole,
  ...enEditorExtra,
  ...enPayments,
  ...enReconciliation,
  ...enDesk,
  ...enWebhooks,
  ...enOpenPlatform,
};
