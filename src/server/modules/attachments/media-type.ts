// What a file really is, from its bytes. The name and the declared type are the client's word
// and are never trusted: a `.pdf` that is an executable or a web page is refused.
import { inflateRawSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import type { AttachmentMediaType } from './attachments.tables.ts';

const DIRECT: ReadonlySet<string> = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** The accepted media type of the content, or undefined when it is anything else. */
export async function sniffMediaType(content: Uint8Array): Promise<AttachmentMediaType | undefined> {
  const found = await fileTypeFromBuffer(content);
  if (!found) return undefined;
  if (DIRECT.has(found.mime)) return found.mime as AttachmentMediaType;
  if (
    found.mime === 'application/zip' &&
    isOfd(Buffer.from(content.buffer, content.byteOffset, content.length))
  ) {
    return 'application/ofd';
  }
  return undefined;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_ENTRY_XML_BYTES = 1024 * 1024;

/**
 * OFD (GB/T 33190, China's fixed-layout document format) is a ZIP container whose root holds
 * `OFD.xml`, the document's entry file, an XML element `ofd:OFD` in the OFD namespace. We read
 * the ZIP's central directory, find that root entry, inflate it (bounded, so a ZIP bomb cannot
 * exhaust memory) and look for the root element: a plain ZIP, an OOXML file or a ZIP that merely
 * contains a file of that name is not taken for OFD.
 */
export function isOfd(zip: Buffer): boolean {
  try {
    const entry = findCentralEntry(zip, 'OFD.xml');
    if (!entry) return false;
    const local = entry.localHeaderOffset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_SIGNATURE) return false;
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + entry.compressedSize);
    if (data.length !== entry.compressedSize) return false;
    let xml: Buffer;
    if (entry.method === 0) xml = data.subarray(0, MAX_ENTRY_XML_BYTES);
    else if (entry.method === 8) xml = inflateRawSync(data, { maxOutputLength: MAX_ENTRY_XML_BYTES });
    else return false;
    const text = xml.toString('utf8');
    return /<(?:[\w-]+:)?OFD[\s>]/.test(text) && text.includes('http://www.ofdspec.org/2016');
  } catch {
    return false;
  }
}

interface CentralEntry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function findCentralEntry(zip: Buffer, wanted: string): CentralEntry | undefined {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= lowest; i -= 1) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = zip.readUInt16LE(eocd + 10);
  let position = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n += 1) {
    if (position + 46 > zip.length || zip.readUInt32LE(position) !== CENTRAL_SIGNATURE) return undefined;
    const nameLength = zip.readUInt16LE(position + 28);
    const name = zip.toString('utf8', position + 46, position + 46 + nameLength);
    if (name === wanted) {
      return {
        method: zip.readUInt16LE(position + 10),
        compressedSize: zip.readUInt32LE(position + 20),
        localHeaderOffset: zip.readUInt32LE(position + 42),
      };
    }
    position += 46 + nameLength + zip.readUInt16LE(position + 30) + zip.readUInt16LE(position + 32);
  }
  return undefined;
}
