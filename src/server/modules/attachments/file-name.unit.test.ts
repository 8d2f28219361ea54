import { describe, expect, it } from 'vitest';
import { contentDisposition, MAX_FILE_NAME_LENGTH, sanitizeFileName, withExtensionFor } from './file-name.ts';

describe('sanitizeFileName', () => {
  it('keeps Chinese names as they are', () => {
    expect(sanitizeFileName('营业执照（副本）.pdf')).toBe('营业执照（副本）.pdf');
    expect(sanitizeFileName('张三 身份证 正面.jpg')).toBe('张三 身份证 正面.jpg');
  });

  it('keeps only the last path segment, whichever separator', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\张三\\Desktop\\户口本.png')).toBe('户口本.png');
    expect(sanitizeFileName('..')).toBe('attachment');
    expect(sanitizeFileName('/')).toBe('attachment');
  });

  it('drops control and invisible formatting characters (bidi tricks)', () => {
    expect(sanitizeFileName('a\u0000b\u0007c\r\n.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('zero\u200Bwidth.png')).toBe('zerowidth.png');
  });

  it('replaces characters file systems and headers refuse, collapses spaces, no leading dots', () => {
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf')).toBe('a_b_c_d_e_f_g_h.pdf');
    expect(sanitizeFileName('  my   scan \u3000 copy.pdf  ')).toBe('my scan copy.pdf');
    expect(sanitizeFileName('.hidden.pdf')).toBe('hidden.pdf');
    expect(sanitizeFileName('name.pdf...')).toBe('name.pdf');
    expect(sanitizeFileName('')).toBe('attachment');
  });

  it('shortens very long names and keeps the extension', () => {
    const long = sanitizeFileName(`${'很'.repeat(500)}.pdf`);
    expect([...long]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('很.pdf')).toBe(true);
    expect([...sanitizeFileName('x'.repeat(1000))]).toHaveLength(MAX_FILE_NAME_LENGTH);
  });

  it('normalises to NFC', () => {
    expect(sanitizeFileName('Cafe\u0301.pdf')).toBe('Caf\u00e9.pdf');
  });
});

describe('withExtensionFor', () => {
  it('adds the extension of the sniffed type when the name has another', () => {
    expect(withExtensionFor('scan', 'application/pdf')).toBe('scan.pdf');
    expect(withExtensionFor('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(withExtensionFor('photo.png', 'application/pdf')).toBe('photo.png.pdf');
    expect([...withExtensionFor('x'.repeat(MAX_FILE_NAME_LENGTH), 'image/png')]).toHaveLength(
      MAX_FILE_NAME_LENGTH,
    );
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name per RFC 5987', () => {
    expect(contentDisposition('营业执照.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf`,
    );
    expect(contentDisposition(`it's "a" (copy).pdf`)).toBe(
      `attachment; filename="it's _a_ (copy).pdf"; filename*=UTF-8''it%27s%20%22a%22%20%28copy%29.pdf`,
    );
  });
});
