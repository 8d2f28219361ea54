import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The payments module's own error codes (documented in docs/errors/payments.md). */
export const paymentErrors = {
  PAYMENT_PAYABLE_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该待缴项目',
    en: 'No such bill, fee or fine',
  },
  PAYMENT_PAYABLE_ALREADY_PAID: {
    status: 409,
    'zh-CN': '该账单已缴清：{title}',
    en: 'This has already been paid: {title}',
  },
  PAYMENT_PAYABLE_IN_FLIGHT: {
    status: 409,
    'zh-CN': '该账单正在支付中，请先完成或等待上一笔支付结束：{title}',
    en: 'A payment for this is already under way; finish it or wait for it to end: {title}',
  },
  PAYMENT_MIXED_PAYERS: {
    status: 422,
    'zh-CN': '一次只能为同一缴费人支付，请分开支付个人和企业的账单',
    en: 'One payment can only cover one payer; pay personal and enterprise bills separately',
  },
  PAYMENT_IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    'zh-CN': '缺少请求编号（Idempotency-Key），请刷新页面后重试',
    en: 'The request number (Idempotency-Key header) is missing; reload the page and try again',
  },
  PAYMENT_IDEMPOTENCY_CONFLICT: {
    status: 409,
    'zh-CN': '该请求编号已用于另一笔不同的支付，请刷新页面后重新发起',
    en: 'This request number was already used for a different payment; reload the page and start again',
  },
  PAYMENT_ORDER_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该支付订单',
    en: 'No such payment',
  },
  PAYMENT_PROVIDER_UNAVAILABLE: {
    status: 503,
    'zh-CN': '支付机构暂时无法连接，您没有被扣款，请稍后再试',
    en: 'The payment provider cannot be reached just now; nothing was charged. Please try again later',
  },
  PAYMENT_PROVIDER_REFUSED: {
    status: 502,
    'zh-CN': '支付机构拒绝了这笔支付（{code}），您没有被扣款，请稍后重新发起',
    en: 'The payment provider refused this payment ({code}); nothing was charged. Please start again later',
  },
  PAYMENT_SIGNATURE_INVALID: {
    status: 401,
    'zh-CN': '通知签名无效',
    en: 'The notification signature is not valid',
  },
  PAYMENT_NOTIFICATION_REFUSED: {
    status: 422,
    'zh-CN': '通知被拒绝：{reason}',
    en: 'The notification was refused: {reason}',
  },
  PAYMENT_UTILITY_ACCOUNT_NOT_FOUND: {
    status: 404,
    'zh-CN': '缴费单位没有这个户号，请核对账单上的户号',
    en: 'The utility company has no such account number; check it against a bill',
  },
  PAYMENT_UTILITY_ADDRESS_MISMATCH: {
    status: 422,
    'zh-CN': '户号与地址不符，请填写账单上的用水（电、气）地址',
    en: 'The account number does not match the address; use the address printed on the bill',
  },
  PAYMENT_UTILITY_ACCOUNT_ALREADY_BOUND: {
    status: 409,
    'zh-CN': '您已绑定该户号',
    en: 'You have already bound this account',
  },
  PAYMENT_UTILITY_BINDING_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该绑定的户号',
    en: 'No such bound account',
  },
  PAYMENT_BILLER_UNAVAILABLE: {
    status: 503,
    'zh-CN': '缴费单位系统暂时无法连接，请稍后再试',
    en: "The utility company's system cannot be reached just now; please try again later",
  },
  PAYMENT_REFUND_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该退款申请',
    en: 'No such refund',
  },
  PAYMENT_REFUND_NOT_REFUNDABLE: {
    status: 409,
    'zh-CN': '只有已支付的款项才能退款（当前状态：{status}）',
    en: 'Only paid items can be refunded (this one is {status})',
  },
  PAYMENT_REFUND_AMOUNT_TOO_LARGE: {
    status: 422,
    'zh-CN': '退款金额超过可退金额（最多 {remainingYuan} 元）',
    en: 'The refund is more than can be refunded (at most CNY {remainingYuan})',
  },
  PAYMENT_REFUND_SAME_PERSON: {
    status: 403,
    'zh-CN': '退款须由申请人以外的另一位财务人员审批',
    en: 'A refund must be approved by a finance officer other than the person who asked for it',
  },
  PAYMENT_REFUND_DECIDED: {
    status: 409,
    'zh-CN': '该退款申请已处理（{state}）',
    en: 'The refund has already been dealt with ({state})',
  },
  PAYMENT_BILLER_PUSH_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该销账记录',
    en: 'No such biller confirmation',
  },
  PAYMENT_BILLER_PUSH_NOT_REJECTED: {
    status: 409,
    'zh-CN': '只有被缴费单位拒绝的销账才能重新发送（当前：{status}）',
    en: 'Only a push the biller rejected can be sent again (this one is {status})',
  },
} satisfies ModuleErrorTable;
