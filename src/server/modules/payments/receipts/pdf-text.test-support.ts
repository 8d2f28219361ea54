// Reads a PDF back for tests: parses it with pdf.js (as browsers do) and joins the text of
// every page, so a test can check what a reader would see rather than the file's bytes.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(
  bytes: Uint8Array,
): Promise<{ text: string; pageCount: number; title: string }> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const parts: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str);
    }
    const metadata = await document.getMetadata();
    const info = metadata.info as { Title?: string };
    return { text: parts.join(' '), pageCount: document.numPages, title: info.Title ?? '' };
  } finally {
    await document.destroy();
  }
}
