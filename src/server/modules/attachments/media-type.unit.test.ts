import { describe, expect, it } from 'vitest';
import { isOfd, sniffMediaType } from './media-type.ts';
import {
  SAMPLE_EXE,
  SAMPLE_HTML,
  SAMPLE_JPEG,
  SAMPLE_OFD,
  SAMPLE_PDF,
  SAMPLE_PNG,
  zipOf,
} from './attachments.test-support.ts';

describe('sniffMediaType', () => {
  it('knows PDF, PNG, JPEG and OFD from their bytes', async () => {
    expect(await sniffMediaType(SAMPLE_PDF)).toBe('application/pdf');
    expect(await sniffMediaType(SAMPLE_PNG)).toBe('image/png');
    expect(await sniffMediaType(SAMPLE_JPEG)).toBe('image/jpeg');
    expect(await sniffMediaType(SAMPLE_OFD)).toBe('application/ofd');
  });

  it('refuses web pages, executables, text and other archives', async () => {
    expect(await sniffMediaType(SAMPLE_HTML)).toBeUndefined();
    expect(await sniffMediaType(SAMPLE_EXE)).toBeUndefined();
    expect(await sniffMediaType(Buffer.from('just some text, named scan.pdf'))).toBeUndefined();
    expect(await sniffMediaType(zipOf({ 'readme.txt': 'hello' }))).toBeUndefined();
    expect(
      await sniffMediaType(
        zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
      ),
    ).toBeUndefined();
  });
});

describe('isOfd', () => {
  it('needs a root OFD.xml whose root element is ofd:OFD in the OFD namespace', () => {
    expect(isOfd(SAMPLE_OFD)).toBe(true);
    expect(isOfd(zipOf({ 'OFD.xml': '<html>not an OFD</html>' }))).toBe(false);
    expect(
      isOfd(zipOf({ 'docs/OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"></ofd:OFD>' })),
    ).toBe(false);
  });

  it('is not fooled by truncated or garbage archives', () => {
    expect(isOfd(SAMPLE_OFD.subarray(0, SAMPLE_OFD.length - 10))).toBe(false);
    expect(isOfd(Buffer.from('PK\u0003\u0004 garbage'))).toBe(false);
    expect(isOfd(Buffer.alloc(0))).toBe(false);
  });
});
