// What an uploaded file's name may look like when we show it or offer it for download. The
// name comes from the client and is only ever text for display: the stored file is addressed by
// its id, so sanitising is about not misleading people (bidi tricks, hidden extensions) and not
// breaking headers or file systems on download.
import type { AttachmentMediaType } from './attachments.tables.ts';

/** Longest display name kept, in characters (not bytes: Chinese names keep their length). */
export const MAX_FILE_NAME_LENGTH = 120;

const EXTENSIONS: Record<AttachmentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/ofd': ['ofd'],
};

/**
 * A name safe to show and to offer as a download name: the last path segment only, NFC, no
 * control or invisible formatting characters (bidi overrides that make `exe.pdf` look like
 * `fdp.exe`), none of `<>:"/\|?*`, runs of spaces collapsed, no leading dots, at most
 * MAX_FILE_NAME_LENGTH characters with the extension kept. Empty names become `fallback`.
 */
export function sanitizeFileName(raw: string, fallback = 'attachment'): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  let name = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/u, '')
    .replace(/[.\s]+$/u, '');
  if (!name) name = fallback;
  return truncateKeepingExtension(name, MAX_FILE_NAME_LENGTH);
}

/** The name with an extension that matches the sniffed type (`scan` → `scan.pdf`, `a.png` of a PDF → `a.png.pdf`). */
export function withExtensionFor(name: string, mediaType: AttachmentMediaType): string {
  const extensions = EXTENSIONS[mediaType];
  const current = /\.([^.]{1,10})$/u.exec(name)?.[1]?.toLowerCase();
  if (current && extensions.includes(current)) return name;
  const suffix = `.${extensions[0]!}`;
  return truncateKeepingExtension(
    `${[...name].slice(0, MAX_FILE_NAME_LENGTH - suffix.length).join('')}${suffix}`,
    MAX_FILE_NAME_LENGTH,
  );
}

function truncateKeepingExtension(name: string, maxLength: number): string {
  const characters = [...name];
  if (characters.length <= maxLength) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length === 0 || extension.length > 11) return characters.slice(0, maxLength).join('');
  const stem = characters.slice(0, characters.length - extension.length);
  return `${stem
    .slice(0, maxLength - extension.length)
    .join('')
    .trimEnd()}${extension.join('')}`;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the real one as an RFC 5987
 * `filename*` (UTF-8, percent-encoded), which every current browser prefers.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
