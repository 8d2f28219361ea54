import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { absoluteLink, composeNotificationMail, escapeHtml } from './notification-mail.ts';

const notification = {
  titleZh: '办结<b>通知</b>',
  titleEn: 'Finished "<b>"',
  bodyZh: '第一段\n第二行\n\n第二段 & 更多',
  bodyEn: 'First',
  link: '/applications/1?tab=a&b=c',
};

describe('notification e-mail', () => {
  it('escapes every HTML-special character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('makes app paths absolute against the public URL, with or without a base path', () => {
    expect(absoluteLink('http://localhost:3000', '/me')).toBe('http://localhost:3000/me');
    expect(absoluteLink('https://gov.example/tongban/', '/me')).toBe('https://gov.example/tongban/me');
  });

  it('writes the recipient’s language, escaped HTML paragraphs and the absolute link', () => {
    const zh = composeNotificationMail(notification, 'zh-CN', 'https://tb.example');
    expect(zh.subject).toBe('[通办] 办结<b>通知</b>');
    expect(zh.text).toContain('第一段\n第二行\n\n第二段 & 更多');
    expect(zh.text).toContain('查看详情: https://tb.example/applications/1?tab=a&b=c');
    expect(zh.html).toContain('<p>第一段<br>第二行</p>\n<p>第二段 &amp; 更多</p>');
    expect(zh.html).toContain('href="https://tb.example/applications/1?tab=a&amp;b=c"');
    expect(zh.html).not.toContain('<b>');
    const en = composeNotificationMail({ ...notification, link: null }, 'en', 'https://tb.example');
    expect(en.subject).toBe('[Tongban] Finished "<b>"');
    expect(en.html).toContain('<h1 style="font-size: 1.25em;">Finished &quot;&lt;b&gt;&quot;</h1>');
    expect(en.html).toContain('<html lang="en">');
    expect(en.text).not.toContain('Open it');
  });

  it('keeps line breaks out of the subject', () => {
    const mail = composeNotificationMail(
      { ...notification, titleEn: 'a\r\nBcc: x@y' },
      'en',
      'https://tb.example',
    );
    expect(mail.subject).toBe('[Tongban] a Bcc: x@y');
  });
});

describe('mail configuration', () => {
  it('defaults to no SMTP and a local public URL on the configured port', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config.smtpUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('accepts smtp:// and smtps:// with a From address', () => {
    const config = loadConfig({
      TONGBAN_SMTP_URL: 'smtps://user:pass@mail.example.gov.cn:465',
      TONGBAN_MAIL_FROM: '通办 <noreply@example.gov.cn>',
      TONGBAN_PUBLIC_URL: 'https://tongban.example.gov.cn/',
    });
    expect(config.smtpUrl).toBe('smtps://user:pass@mail.example.gov.cn:465');
    expect(config.publicUrl).toBe('https://tongban.example.gov.cn');
  });

  it('reports every bad mail setting at once', () => {
    expect(() =>
      loadConfig({
        TONGBAN_SMTP_URL: 'http://mail',
        TONGBAN_PUBLIC_URL: 'ftp://x',
        TONGBAN_MAIL_FROM: 'nobody',
      }),
    ).toThrow(
      /TONGBAN_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL[\s\S]*TONGBAN_MAIL_FROM must be an address[\s\S]*TONGBAN_PUBLIC_URL must be/,
    );
    expect(() => loadConfig({ TONGBAN_SMTP_URL: 'smtp://mail.example:587' })).toThrow(
      /TONGBAN_MAIL_FROM is required when TONGBAN_SMTP_URL is set/,
    );
  });
});
