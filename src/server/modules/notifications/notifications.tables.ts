import type { EmailStatus, MailLanguage } from '../../../contracts/api/notifications.ts';

export type { EmailStatus, MailLanguage };

/** One notification in one user's inbox (站内消息). */
export interface NotificationTable {
  id: string;
  userId: string;
  /** What happened, e.g. `application.submitted`. */
  kind: string;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  /** An app path such as `/applications/<id>`. */
  link: string | null;
  objectType: string | null;
  objectId: string | null;
  createdAt: string;
  readAt: string | null;
  emailStatus: EmailStatus;
  emailUpdatedAt: string | null;
}

/** A user's e-mail settings; a user without a row gets no e-mail. */
export interface NotificationSettingsTable {
  userId: string;
  email: string | null;
  /** 0 or 1. */
  emailEnabled: number;
  emailConfirmedAt: string | null;
  /** SHA-256 (hex) of the confirmation token last mailed; null once confirmed. */
  confirmTokenHash: string | null;
  confirmTokenExpiresAt: string | null;
  language: MailLanguage;
  updatedAt: string;
}
