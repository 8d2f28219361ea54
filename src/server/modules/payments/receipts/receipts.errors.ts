import type { ModuleErrorTable } from '../../../platform/module-errors.ts';

/** Codes of payment receipts (documented in docs/errors/payment-receipts.md). */
export const paymentReceiptErrors = {
  PAYMENT_RECEIPT_NOT_AVAILABLE: {
    status: 409,
    'zh-CN': '这笔缴费尚未支付成功，没有缴费凭证。',
    en: 'This payment has not been made, so there is no receipt.',
  },
  PAYMENT_RECEIPT_CHECK_FAILED: {
    status: 404,
    'zh-CN': '没有与该订单号和核验码相符的缴费凭证，请核对后重新输入。',
    en: 'No receipt matches this order number and check code. Please check them and try again.',
  },
  PAYMENT_RECEIPT_PDF_UNAVAILABLE: {
    status: 503,
    'zh-CN': '暂时无法生成 PDF 凭证（服务器缺少中文字体），请先使用可打印的网页凭证。',
    en: 'The PDF receipt cannot be made just now (the server lacks its Chinese font); please use the printable page.',
  },
} satisfies ModuleErrorTable;
