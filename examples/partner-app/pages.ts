// The partner app's pages. Everything shown from Tongban or the webhook goes through `html`, which
// escapes it.
import type { SocialInsuranceRecord } from '../../src/contracts/registers.ts';
import type { ReceivedEvent } from './webhook-inbox.ts';
import { both, html, page, yuan, type SafeHtml } from './html.ts';

const STATUS: Record<string, [string, string]> = {
  in_progress: ['办理中', 'in progress'],
  awaiting_supplement: ['待补正', 'waiting for your supplement'],
  approved: ['已办结（准予）', 'approved'],
  refused: ['不予办理', 'refused'],
  partially_approved: ['部分准予', 'partially approved'],
  withdrawn: ['已撤回', 'withdrawn'],
};
const statusText = (status: string) => both(...(STATUS[status] ?? [status, status]));

export function signedOutPage(notice?: string): string {
  return page(
    '生活助手 · Life Helper',
    html`${notice ? html`<p class="notice notice--error" role="alert">${notice}</p>` : ''}
      <section>
        <h2>${both('查社保、缴账单、看办件进度', 'Social insurance, bills and your applications')}</h2>
        <p>
          ${both(
            '登录在通办的页面上完成：通办会告诉您本应用要读取哪些数据、用于什么目的，由您决定是否同意。',
            'You sign in on Tongban’s own page, which tells you what this app asks to read and why; you decide.',
          )}
        </p>
        <p><a class="button" href="/login">${both('通过通办登录', 'Sign in with Tongban')}</a></p>
      </section>`,
  );
}

export interface HomeData {
  name: string;
  csrf: string;
  flash: string | undefined;
  events: ReceivedEvent[];
  socialInsurance: { record?: SocialInsuranceRecord; error?: string };
  bills: {
    items?: {
      id: string;
      titleZh: string;
      titleEn: string;
      amountFen: number;
      status: string;
      inFlight: boolean;
    }[];
    error?: string;
  };
  applications: {
    items?: { receiptNo: string; status: string; entry: { nameZh: string; nameEn: string } }[];
    error?: string;
  };
  canPay: boolean;
}

function errorNotice(error: string | undefined): SafeHtml | '' {
  return error ? html`<p class="notice notice--error">${error}</p>` : '';
}

function eventLine({ event, receivedAt }: ReceivedEvent): SafeHtml {
  const data = event.data as {
    receiptNo?: string;
    serviceName?: { zh: string; en: string };
    status?: string;
    amountFen?: number;
  };
  if (event.type === 'application.status_changed')
    return html`<li data-event-id="${event.id}">
      ${both('您的办件状态已变化', 'Your application changed state')}：${data.serviceName?.zh ?? ''}
      ${data.receiptNo ? html`（${data.receiptNo}）` : ''} → <strong>${statusText(data.status ?? '')}</strong>
      <span class="demo">${receivedAt}</span>
    </li>`;
  if (event.type === 'payment.settled')
    return html`<li data-event-id="${event.id}">
      ${both('缴费已到账', 'Payment settled')} ${data.amountFen !== undefined ? yuan(data.amountFen) : ''}
      <span class="demo">${receivedAt}</span>
    </li>`;
  return html`<li data-event-id="${event.id}">
    ${both('新账单', 'New bill')} <span class="demo">${receivedAt}</span>
  </li>`;
}

export function homePage(data: HomeData): string {
  const record = data.socialInsurance.record;
  return page(
    '生活助手 · Life Helper',
    html`${data.flash ? html`<p class="notice" role="status">${data.flash}</p>` : ''}
      <section aria-labelledby="events-title">
        <h2 id="events-title">${both('消息', 'Messages')}</h2>
        <div role="status" aria-live="polite">
          ${
            data.events.length === 0
              ? html`<p>${both('暂无新消息。', 'No messages yet.')}</p>`
              : html`<ul id="events">
                  ${data.events.map(eventLine)}
                </ul>`
          }
        </div>
        <p><a href="/">${both('刷新', 'Refresh')}</a></p>
      </section>

      <section aria-labelledby="si-title">
        <h2 id="si-title">${both('我的社保', 'My social insurance')}</h2>
        ${errorNotice(data.socialInsurance.error)}
        ${
          record
            ? html`<dl>
                  <dt>${both('参保状态', 'Status')}</dt>
                  <dd>
                    ${
                      record.status === 'insured'
                        ? both('参保缴费中', 'insured')
                        : record.status === 'retired'
                          ? both('已退休', 'retired')
                          : both('未参保', 'not insured')
                    }
                  </dd>
                  <dt>${both('参保单位', 'Employer')}</dt>
                  <dd>${record.employerName ?? '—'}</dd>
                  <dt>${both('累计缴费', 'Contributed')}</dt>
                  <dd>${record.contributionMonths} 个月 <span class="en" lang="en">· months</span></dd>
                  <dt>${both('缴费基数', 'Contribution base')}</dt>
                  <dd>${yuan(record.contributionBaseFen)}</dd>
                </dl>
                ${
                  record.contributions.length > 0
                    ? html`<table>
                        <caption>
                          ${both('最近缴费记录', 'Recent contributions')}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">${both('月份', 'Month')}</th>
                            <th scope="col">${both('单位', 'Employer')}</th>
                            <th scope="col">${both('个人养老', 'Pension (own)')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          ${record.contributions.slice(0, 6).map(
                            (c) =>
                              html`<tr>
                                <td>${c.month}</td>
                                <td>${c.employerName}</td>
                                <td>${yuan(c.pensionPersonalFen)}</td>
                              </tr>`,
                          )}
                        </tbody>
                      </table>`
                    : ''
                }`
            : ''
        }
      </section>

      <section aria-labelledby="bills-title">
        <h2 id="bills-title">${both('账单与缴费', 'Bills and payments')}</h2>
        ${errorNotice(data.bills.error)}
        ${
          data.bills.items
            ? data.bills.items.length === 0
              ? html`<p>${both('没有待缴或已缴的费用。', 'Nothing to pay and nothing paid.')}</p>`
              : html`<table>
                  <thead>
                    <tr>
                      <th scope="col">${both('费用', 'Bill')}</th>
                      <th scope="col">${both('金额', 'Amount')}</th>
                      <th scope="col">${both('状态', 'Status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${data.bills.items.map(
                      (bill) =>
                        html`<tr>
                          <td>${bill.titleZh}<br /><span class="en" lang="en">${bill.titleEn}</span></td>
                          <td>${yuan(bill.amountFen)}</td>
                          <td>
                            ${
                              bill.status === 'unpaid'
                                ? data.canPay && !bill.inFlight
                                  ? html`<form method="post" action="/bills/pay">
                                      <input type="hidden" name="csrf" value="${data.csrf}" />
                                      <input type="hidden" name="payableId" value="${bill.id}" />
                                      <button class="button" type="submit">
                                        ${both('缴费', 'Pay')} ${yuan(bill.amountFen)}
                                        <span class="visually-hidden">${bill.titleZh}</span>
                                      </button>
                                    </form>`
                                  : both('支付中', 'being paid')
                                : bill.status === 'paid'
                                  ? both('已缴', 'paid')
                                  : both('已退款', 'refunded')
                            }
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
            : ''
        }
      </section>

      <section aria-labelledby="apps-title">
        <h2 id="apps-title">${both('我的办件', 'My applications')}</h2>
        ${errorNotice(data.applications.error)}
        ${
          data.applications.items
            ? data.applications.items.length === 0
              ? html`<p>${both('暂无办件。', 'No applications.')}</p>`
              : html`<ul>
                  ${data.applications.items.map(
                    (a) => html`<li>${a.entry.nameZh}（${a.receiptNo}）：${statusText(a.status)}</li>`,
                  )}
                </ul>`
            : ''
        }
      </section>`,
    { signedInAs: data.name, csrf: data.csrf },
  );
}

export function messagePage(title: [string, string], text: [string, string], isError = false): string {
  return page(
    `${title[0]} · ${title[1]}`,
    html`<section>
      <h2>${both(...title)}</h2>
      <p class="${isError ? 'notice notice--error' : 'notice'}" role="${isError ? 'alert' : 'status'}">
        ${both(...text)}
      </p>
      <p><a class="button" href="/">${both('返回首页', 'Back home')}</a></p>
    </section>`,
  );
}
