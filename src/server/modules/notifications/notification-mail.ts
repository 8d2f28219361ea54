// What a notification e-mail says, in the recipient's language: plain text and a simple HTML part
// in which every piece of the notification is escaped. Pure functions, unit-tested.
import type { MailLanguage } from './notifications.tables.ts';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** An app path made absolute against the public URL (`https://host/base` + `/a` → `https://host/base/a`). */
export function absoluteLink(publicUrl: string, link: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${link}`;
}

const WORDS = {
  'zh-CN': {
    platform: '通办',
    open: '查看详情',
    footer: '这是通办平台自动发送的通知邮件，请勿直接回复。您可以在“我的 → 消息设置”中关闭邮件通知。',
    confirmSubject: '请确认您的通知邮箱',
    confirmIntro: '您在通办平台设置了接收通知的邮箱。请打开下面的链接确认这是您的邮箱（48 小时内有效）：',
    confirmIgnore: '如果这不是您本人的操作，请忽略本邮件，不会向您发送任何通知。',
    confirmButton: '确认邮箱',
  },
  en: {
    platform: 'Tongban',
    open: 'Open it',
    footer:
      'This message was sent automatically by Tongban; please do not reply. You can turn e-mail off under Me → Notification settings.',
    confirmSubject: 'Please confirm your notification e-mail address',
    confirmIntro:
      'Your e-mail address was set for notifications on Tongban. Open this link to confirm that it is yours (valid for 48 hours):',
    confirmIgnore: 'If you did not do this, ignore this message: no notifications will be sent to you.',
    confirmButton: 'Confirm address',
  },
} as const;

function paragraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

function htmlDocument(language: MailLanguage, title: string, content: string, footer: string): string {
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.6; color: #1a1a1a;">',
    `<h1 style="font-size: 1.25em;">${escapeHtml(title)}</h1>`,
    content,
    `<p style="color: #555; font-size: 0.875em;">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
}

/** The e-mail for one notification, in the recipient's language. */
export function composeNotificationMail(
  notification: { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string; link: string | null },
  language: MailLanguage,
  publicUrl: string,
): ComposedMail {
  const words = WORDS[language];
  const title = language === 'en' ? notification.titleEn : notification.titleZh;
  const body = language === 'en' ? notification.bodyEn : notification.bodyZh;
  const link = notification.link ? absoluteLink(publicUrl, notification.link) : null;
  // Header lines may not carry line breaks.
  const subject = `[${words.platform}] ${title.replace(/[\r\n]+/g, ' ')}`;
  const text = [
    title,
    '',
    body,
    ...(link ? ['', `${words.open}: ${link}`] : []),
    '',
    '--',
    words.footer,
  ].join('\n');
  const linkHtml = link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(words.open)}</a></p>` : '';
  return {
    subject,
    text,
    html: htmlDocument(language, title, `${paragraphs(body)}\n${linkHtml}`, words.footer),
  };
}

/** The e-mail that asks a user to confirm the address they entered. */
export function composeConfirmationMail(language: MailLanguage, confirmUrl: string): ComposedMail {
  const words = WORDS[language];
  const subject = `[${words.platform}] ${words.confirmSubject}`;
  const text = [words.confirmIntro, '', confirmUrl, '', words.confirmIgnore, '', '--', words.footer].join(
    '\n',
  );
  const content = [
    `<p>${escapeHtml(words.confirmIntro)}</p>`,
    `<p><a href="${escapeHtml(confirmUrl)}">${escapeHtml(words.confirmButton)}</a></p>`,
    `<p>${escapeHtml(words.confirmIgnore)}</p>`,
  ].join('\n');
  return { subject, text, html: htmlDocument(language, words.confirmSubject, content, words.footer) };
}
