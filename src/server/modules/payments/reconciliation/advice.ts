// What each kind of mismatch means and what the operator does about it, in both languages. The
// API answers in the caller's language and the CSV carries the same text.
import type { Locale } from '../../../platform/i18n/locale.ts';
import type { MismatchKind, MismatchSubject } from './reconciliation.tables.ts';

type Text = Record<Locale, string>;

export const KIND_LABELS: Record<MismatchKind, Text> = {
  missing_at_us: { 'zh-CN': '支付机构已收款，本平台未入账', en: 'Paid at the provider, not recorded here' },
  missing_at_provider: { 'zh-CN': '本平台已入账，支付机构无记录', en: 'Recorded here, not at the provider' },
  extra_at_provider: { 'zh-CN': '支付机构有、本平台无此订单', en: 'At the provider, unknown here' },
  amount_differs: { 'zh-CN': '金额不一致', en: 'Amounts differ' },
  biller_not_confirmed: { 'zh-CN': '缴费单位未确认销账', en: 'Not confirmed by the biller' },
  extra_at_biller: { 'zh-CN': '缴费单位有、本平台无此笔销账', en: 'Confirmed by the biller, unknown here' },
};

export const SUBJECT_LABELS: Record<MismatchSubject, Text> = {
  payment: { 'zh-CN': '支付', en: 'Payment' },
  refund: { 'zh-CN': '退款', en: 'Refund' },
  biller_payment: { 'zh-CN': '缴费单位销账', en: 'Biller payment' },
};

const ADVICE: Record<MismatchKind, Partial<Record<MismatchSubject, Text>> & { default: Text }> = {
  missing_at_us: {
    default: {
      'zh-CN':
        '若已自动补记则无需处理。否则本平台订单已关闭而付款人已付款：在支付机构商户后台核实后，为付款人办理全额退款，或联系技术支持按支付机构记录补记，并在此注明处理结果。',
      en: 'If it was settled automatically, nothing to do. Otherwise our order was closed although the payer paid: check at the provider’s merchant portal, then refund the payer in full, or ask technical support to record the payment from the provider’s record; note what you did here.',
    },
    refund: {
      'zh-CN':
        '支付机构已退款而本平台未记为退款成功：在支付机构商户后台核实退款单，确认后联系技术支持补记，并告知付款人。',
      en: 'The provider paid a refund we have not recorded as paid: check the refund at the provider’s merchant portal, then ask technical support to record it and tell the payer.',
    },
  },
  missing_at_provider: {
    default: {
      'zh-CN':
        '本平台已记为已支付，但支付机构当日对账单无此笔：先在支付机构商户后台按订单号查询；若支付机构确无收款，账单被误记为已缴，请联系技术支持冲正并通知付款人重新缴费。',
      en: 'We recorded it as paid but the provider’s statement of the day lacks it: look the order up at the provider’s merchant portal; if the provider really has no payment, the bills were marked paid by mistake — ask technical support to reverse it and tell the payer to pay again.',
    },
    refund: {
      'zh-CN':
        '本平台已记为退款成功，但支付机构对账单无此退款：在支付机构商户后台核实退款是否到账，未到账的请重新发起退款。',
      en: 'We recorded the refund as paid but the provider’s statement lacks it: check at the provider’s merchant portal whether it was paid out; if not, send the refund again.',
    },
  },
  extra_at_provider: {
    default: {
      'zh-CN':
        '支付机构对账单有一笔本平台不认识的交易：核实是否为本商户号的交易；若是误收款，通过支付机构商户后台原路退回付款人。',
      en: 'The provider’s statement has a transaction we do not know: check that it belongs to our merchant account; if the money came in by mistake, return it to the payer through the provider’s merchant portal.',
    },
  },
  amount_differs: {
    default: {
      'zh-CN':
        '两边金额不一致：以支付机构（或缴费单位）的记录为准核对，差额通过退款或补缴处理，并联系技术支持查明原因。',
      en: 'The amounts differ: check against the provider’s (or biller’s) record, settle the difference by a refund or an extra payment, and ask technical support to find the cause.',
    },
  },
  biller_not_confirmed: {
    default: {
      'zh-CN':
        '付款人已付款，但缴费单位未确认销账：在“缴费单位推送”中重试推送；缴费单位拒绝的，联系缴费单位核对账单号和金额，确认后告知付款人。',
      en: 'The payer paid but the biller has not confirmed it: retry the push under biller pushes; if the biller refused it, check the bill number and amount with the biller, then tell the payer.',
    },
  },
  extra_at_biller: {
    default: {
      'zh-CN': '缴费单位确认了一笔本平台没有推送过的销账：联系缴费单位核对该付款编号，请其撤销误销账。',
      en: 'The biller confirmed a payment we never sent: check the payment reference with the biller and ask it to undo the wrong confirmation.',
    },
  },
};

export function adviceFor(kind: MismatchKind, subject: MismatchSubject, locale: Locale): string {
  return (ADVICE[kind][subject] ?? ADVICE[kind].default)[locale];
}
