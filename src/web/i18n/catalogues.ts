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

export const zhCN = {
  ...zhCore,
  ...zhNotifications,
  ...zhForms,
  ...zhAttachments,
  ...zhCertificates,
  ...zhApplications,
};
export const en = {
  ...enCore,
  ...enNotifications,
  ...enForms,
  ...enAttachments,
  ...enCertificates,
  ...enApplications,
};
