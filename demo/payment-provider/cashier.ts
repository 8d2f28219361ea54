// The cashier page (收银台) the payer's browser is sent to: plain server-rendered HTML in Chinese
// with English, no script, one form with 确认支付 and 取消. Marked everywhere as a demo.
import { yuan } from './protocol.ts';
import type { Order } from './store.ts';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f3f5f8;color:#1b1f24}
main{max-width:28rem;margin:2rem auto;background:#fff;border:1px solid #c9d1da;border-radius:8px;padding:1.5rem}
h1{font-size:1.3rem;margin:0 0 .25rem}.demo{background:#fff4ce;border:1px solid #8a6d00;padding:.5rem;border-radius:4px}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#44505c}dd{margin:0}
.amount{font-size:1.8rem;font-weight:700}button{font-size:1rem;padding:.6rem 1.2rem;border-radius:4px;border:2px solid #0b5cad;cursor:pointer}
.pay{background:#0b5cad;color:#fff}.cancel{background:#fff;color:#0b5cad}button:focus{outline:3px solid #ffbf47;outline-offset:2px}
.actions{display:flex;gap:1rem;margin-top:1.5rem}[role=status]{font-weight:600}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>
<p class="demo">演示支付，不会扣款 · <span lang="en">Demo Pay: no real money moves</span></p>
${body}
</main></body></html>`;
}

const STATE_TEXT: Record<Order['state'], string> = {
  pending: '待支付 <span lang="en">awaiting payment</span>',
  paid: '已支付 <span lang="en">paid</span>',
  closed: '已关闭 <span lang="en">closed</span>',
  failed: '支付失败 <span lang="en">payment failed</span>',
};

export function cashierPage(order: Order, merchantName: string): string {
  const details = `<dl>
<dt>收款方 <span lang="en">Payee</span></dt><dd>${escape(merchantName)}</dd>
<dt>商品 <span lang="en">For</span></dt><dd>${escape(order.description)}</dd>
<dt>订单号 <span lang="en">Order</span></dt><dd>${escape(order.providerOrderNo)}</dd>
<dt>金额 <span lang="en">Amount</span></dt><dd class="amount">¥${yuan(order.amountFen)}</dd>
<dt>状态 <span lang="en">Status</span></dt><dd>${STATE_TEXT[order.state]}</dd>
</dl>`;
  if (order.state !== 'pending') {
    return page(
      '收银台 Cashier',
      `<h1>收银台 <span lang="en">Cashier</span></h1>${details}
<p role="status">此订单不能再支付。<span lang="en">This order can no longer be paid.</span></p>
<p><a href="${escape(order.returnUrl)}">返回商户 <span lang="en">Back to the merchant</span></a></p>`,
    );
  }
  return page(
    '收银台 Cashier',
    `<h1>收银台 <span lang="en">Cashier</span></h1>${details}
<form method="post" action="/cashier/${escape(order.providerOrderNo)}">
<fieldset><legend>付款方式 <span lang="en">Pay with</span></legend>
<input type="radio" id="method-balance" name="method" value="balance" checked>
<label for="method-balance">演示余额 <span lang="en">Demo balance</span></label>
<input type="radio" id="method-card" name="method" value="card">
<label for="method-card">演示银行卡 <span lang="en">Demo bank card</span></label>
</fieldset>
<div class="actions">
<button class="pay" type="submit" name="action" value="confirm">确认支付 <span lang="en">Pay</span> ¥${yuan(order.amountFen)}</button>
<button class="cancel" type="submit" name="action" value="cancel">取消 <span lang="en">Cancel</span></button>
</div></form>`,
  );
}

export function notFoundPage(): string {
  return page(
    '找不到订单 Order not found',
    `<h1>找不到订单 <span lang="en">Order not found</span></h1>
<p>请回到商户重新发起支付。<span lang="en">Go back to the merchant and start the payment again.</span></p>`,
  );
}

/** Where the payer's browser goes after the cashier: returnUrl with the order number and result. */
export function returnLocation(order: Order, result: 'paid' | 'failed' | 'cancelled'): string {
  const url = new URL(order.returnUrl);
  url.searchParams.set('merchantOrderNo', order.merchantOrderNo);
  url.searchParams.set('result', result);
  return url.toString();
}
