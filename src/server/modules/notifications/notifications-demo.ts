// The demo city's first messages, so that the inbox and its badge have something to show before
// anything has been filed. Invented, like all demo data.
import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../platform/db/schema.ts';
import { insertNotifications } from './notifications.repository.ts';
import type { NotificationTable } from './notifications.tables.ts';

const HOUR_MS = 3_600_000;

const DEMO_MESSAGES = [
  {
    hoursAgo: 50,
    kind: 'platform.welcome',
    titleZh: '欢迎使用通办（演示）',
    titleEn: 'Welcome to Tongban (demo)',
    bodyZh: '在这里，您会收到办件受理、补正、办结和证照发放的通知。可在“消息设置”中开启邮件提醒。',
    bodyEn:
      'This is where you will hear when an application is accepted, needs a supplement, is finished or a certificate is issued. E-mail reminders can be turned on in the notification settings.',
    link: '/me/notification-settings',
  },
  {
    hoursAgo: 26,
    kind: 'identity.verified',
    titleZh: '实名认证已完成',
    titleEn: 'Your identity has been verified',
    bodyZh: '您的实名认证已通过人口库核验，可以在线办理个人事项。',
    bodyEn:
      'Your identity was checked against the population register; you can now apply for services online.',
    link: '/me',
  },
  {
    hoursAgo: 2,
    kind: 'facility.notice',
    titleZh: '嘉兴路街道市民驿站周六照常开放（演示）',
    titleEn: 'Jiaxing Road citizen service station open on Saturday (demo)',
    bodyZh: '本周六 9:00–12:00 市民驿站提供帮办代办服务，欢迎就近办理。',
    bodyEn: 'This Saturday 9:00–12:00 the citizen service station helps with applications in person.',
    link: '/facilities',
  },
] as const;

/** Puts the demo messages, unread, into one user's inbox (no e-mail). */
export async function seedDemoNotifications(trx: Transaction<Database>, userId: string): Promise<void> {
  const now = Date.now();
  const rows: NotificationTable[] = DEMO_MESSAGES.map(({ hoursAgo, ...message }) => ({
    id: uuidv7(),
    userId,
    ...message,
    objectType: null,
    objectId: null,
    createdAt: new Date(now - hoursAgo * HOUR_MS).toISOString(),
    readAt: null,
    emailStatus: 'none',
    emailUpdatedAt: null,
  }));
  await insertNotifications(trx, rows);
}
