// The electronic payment receipt (电子缴费凭证) as an A5 PDF, drawn with pdfkit. Chinese needs a
// CJK font embedded in the file (subset to the characters used): Debian's WenQuanYi Micro Hei by
// default (fonts-wqy-microhei). No font, no PDF: the
// caller is told which file was missing rather than handed a receipt of empty boxes.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatYuan, yuanInWords } from '../../../../contracts/money.ts';
import { shanghaiTime, type ReceiptDocument } from './receipt-document.ts';

export const DEFAULT_RECEIPT_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** The face inside the WenQuanYi collection (.ttc); ignored for a single-font file. */
const COLLECTION_FACE = 'WenQuanYiMicroHei';

/** The receipt font is not where it was looked for; the message names the file and the fix. */
export class ReceiptFontMissingError extends Error {
  constructor(readonly fontPath: string) {
    super(
      `The CJK font for PDF receipts is missing: ${fontPath}. Install Debian's fonts-wqy-microhei ` +
        '(apt-get install fonts-wqy-microhei).',
    );
    this.name = 'ReceiptFontMissingError';
  }
}

/** Checks the font is readable; throws ReceiptFontMissingError otherwise. */
export function assertReceiptFont(fontPath: string): void {
  try {
    fs.accessSync(fontPath, fs.constants.R_OK);
  } catch {
    throw new ReceiptFontMissingError(fontPath);
  }
}

const PAGE_MARGIN = 36;
const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#9aa5b1';
const ACCENT = '#b42318';

/** Draws the QR code as filled squares (vector, sharp at any zoom or printer). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2;
  const cell = size / (count + quiet * 2);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < count; row++)
    for (let column = 0; column < count; column++)
      if (qr.modules.get(row, column))
        doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  doc.fill().restore();
}

/** Renders the receipt; resolves with the PDF bytes. */
export async function renderReceiptPdf(
  receipt: ReceiptDocument,
  options: { fontPath?: string } = {},
): Promise<Buffer> {
  const fontPath = options.fontPath ?? DEFAULT_RECEIPT_FONT;
  assertReceiptFont(fontPath);
  const doc = new PDFDocument({
    size: 'A5',
    margin: PAGE_MARGIN,
    info: {
      Title: `电子缴费凭证 ${receipt.orderNo}`,
      Subject: `Payment receipt ${receipt.orderNo}`,
      Author: '通办 Tongban',
      Keywords: receipt.orderNo,
    },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('cjk', fontPath, fontPath.endsWith('.ttc') ? COLLECTION_FACE : undefined);
  doc.font('cjk');
  const width = doc.page.width - PAGE_MARGIN * 2;
  const left = PAGE_MARGIN;

  doc.fillColor(INK).fontSize(18).text('电子缴费凭证', left, PAGE_MARGIN, { width, align: 'center' });
  doc.fillColor(MUTED).fontSize(9).text('Electronic payment receipt · 通办', { width, align: 'center' });
  doc.moveDown(0.8);

  const facts: [string, string][] = [
    ['订单号 Order no.', receipt.orderNo],
    ['支付机构交易号 Provider txn no.', receipt.providerTxnNo],
    ['支付机构 Provider', `${receipt.providerNameZh} ${receipt.providerNameEn}`],
    ['支付时间 Paid at', `${shanghaiTime(receipt.paidAt)}（北京时间）`],
    ['付款人 Payer', receipt.payerMasked],
  ];
  doc.fontSize(9.5);
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.fillColor(MUTED).text(label, left, y, { width: 150 });
    doc.fillColor(INK).text(value, left + 155, y, { width: width - 155 });
    doc.moveDown(0.25);
  }

  doc.moveDown(0.5);
  const amountWidth = 80;
  const payeeWidth = 110;
  const itemWidth = width - amountWidth - payeeWidth - 12;
  const header = doc.y;
  doc
    .moveTo(left, header)
    .lineTo(left + width, header)
    .strokeColor(RULE)
    .lineWidth(0.8)
    .stroke();
  doc.fillColor(MUTED).fontSize(9);
  const headerY = header + 5;
  doc.text('缴费项目 Item', left, headerY, { width: itemWidth });
  doc.text('收款单位 Payee', left + itemWidth + 6, headerY, { width: payeeWidth });
  doc.text('金额（元）', left + width - amountWidth, headerY, { width: amountWidth, align: 'right' });
  let y = headerY + 16;
  doc
    .moveTo(left, y - 3)
    .lineTo(left + width, y - 3)
    .strokeColor(RULE)
    .lineWidth(0.5)
    .stroke();
  doc.fillColor(INK).fontSize(9.5);
  for (const line of receipt.lines) {
    doc.fillColor(INK).fontSize(9.5);
    doc.text(line.payeeZh, left + itemWidth + 6, y, { width: payeeWidth });
    const payeeBottom = doc.y;
    doc.text(formatYuan(line.amountFen), left + width - amountWidth, y, {
      width: amountWidth,
      align: 'right',
    });
    doc.text(line.descriptionZh, left, y, { width: itemWidth });
    doc.fillColor(MUTED).fontSize(8).text(line.descriptionEn, left, doc.y, { width: itemWidth });
    y = Math.max(doc.y, payeeBottom) + 6;
  }
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .strokeColor(RULE)
    .lineWidth(0.8)
    .stroke();
  y += 6;
  doc.fontSize(11).fillColor(INK).text('合计 Total', left, y, { width: itemWidth });
  doc
    .fillColor(ACCENT)
    .text(`¥${formatYuan(receipt.totalFen)}`, left + width - 160, y, { width: 160, align: 'right' });
  y += 18;
  doc
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(`大写：人民币${yuanInWords(receipt.totalFen)}`, left, y, { width });

  const qrSize = 96;
  const qrTop = doc.y + 16;
  drawQr(doc, receipt.checkUrl, left, qrTop, qrSize);
  const noteLeft = left + qrSize + 12;
  const noteWidth = width - qrSize - 12;
  doc
    .fillColor(INK)
    .fontSize(9.5)
    .text('核验码 Check code', noteLeft, qrTop + 4, { width: noteWidth });
  doc.fontSize(14).text(receipt.checkCode, noteLeft, doc.y + 2, { width: noteWidth, characterSpacing: 1 });
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text('扫描二维码，或在通办“缴费凭证核验”输入订单号和核验码，核对本凭证。', noteLeft, doc.y + 4, {
      width: noteWidth,
    })
    .text('Scan the code, or enter the order number and check code at Tongban to check this receipt.', {
      width: noteWidth,
    });

  doc
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(
      '本凭证由通办平台根据支付机构的支付结果生成。演示数据：人员、账户和金额均为虚构。',
      left,
      doc.page.height - PAGE_MARGIN - 20,
      { width, align: 'center' },
    );
  doc.end();
  return finished;
}
