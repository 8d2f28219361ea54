import { describe, expect, it } from 'vitest';
import type { ReceiptDocument } from './receipt-document.ts';
import { maskPersonName, shanghaiTime } from './receipt-document.ts';
import { ReceiptFontMissingError, renderReceiptPdf } from './receipt-pdf.ts';
import { pdfText } from './pdf-text.test-support.ts';

const receipt: ReceiptDocument = {
  orderId: '0193a000-0000-7000-8000-000000000001',
  refundedFen: 0,
  orderNo: 'PO20261125000123',
  providerTxnNo: 'DEMO-TXN-8842001',
  providerNameZh: '演示支付',
  providerNameEn: 'Demo Pay',
  paidAt: '2026-11-25T01:30:12.000Z',
  payerMasked: maskPersonName('张三丰'),
  lines: [
    {
      descriptionZh: '水费 2026-10 户号 3100****0001',
      descriptionEn: 'Water 2026-10, account 3100****0001',
      payeeZh: '上海城投水务',
      payeeEn: 'Shanghai Chengtou Water',
      refundedFen: 0,
      amountFen: 4_567,
    },
    {
      descriptionZh: '电费 2026-10 户号 4400****0002',
      descriptionEn: 'Electricity 2026-10, account 4400****0002',
      payeeZh: '国网上海市电力公司',
      payeeEn: 'State Grid Shanghai',
      refundedFen: 0,
      amountFen: 12_389,
    },
  ],
  totalFen: 16_956,
  checkCode: 'K7Q2-9XMD',
  checkUrl: 'http://localhost:3000/payments/receipts/check?orderNo=PO20261125000123&code=K7Q2-9XMD',
};

describe('the receipt PDF', () => {
  it('is a PDF whose text has the order number, the amounts and the Chinese words', async () => {
    const pdf = await renderReceiptPdf(receipt);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pageCount, title } = await pdfText(pdf);
    expect(pageCount).toBe(1);
    expect(title).toBe('电子缴费凭证 PO20261125000123');
    expect(text).toContain('PO20261125000123');
    expect(text).toContain('DEMO-TXN-8842001');
    expect(text).toContain('电子缴费凭证');
    expect(text).toContain('上海城投水务');
    expect(text).toContain('45.67');
    expect(text).toContain('123.89');
    expect(text).toContain('¥169.56');
    expect(text).toContain('壹佰陆拾玖元伍角陆分');
    expect(text).toContain('张*丰');
    expect(text).toContain('2026-11-25 09:30:12');
    expect(text).toContain('K7Q2-9XMD');
  });

  it('says which font is missing instead of printing empty boxes', async () => {
    await expect(renderReceiptPdf(receipt, { fontPath: '/nonexistent/font.ttc' })).rejects.toThrow(
      ReceiptFontMissingError,
    );
    await expect(renderReceiptPdf(receipt, { fontPath: '/nonexistent/font.ttc' })).rejects.toThrow(
      /fonts-wqy-microhei/,
    );
  });
});

describe('receipt words', () => {
  it('masks a person’s name and prints Shanghai time', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳娜娜')).toBe('欧**娜');
    expect(maskPersonName('李')).toBe('*');
    expect(shanghaiTime('2026-11-24T16:00:00.000Z')).toBe('2026-11-25 00:00:00');
  });
});
