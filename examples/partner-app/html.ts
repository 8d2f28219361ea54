// Server-rendered HTML with escaping by default: every value put into `html` is escaped unless it
// is itself the output of `html` (a SafeHtml). Text is bilingual, zh-CN first with the English.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]!,
  );
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join('');
  return escapeHtml(part);
}

/** A tagged template: interpolations are escaped, nested `html` and arrays of it are kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** 中文 · English, the English in a span marked lang="en". */
export function both(zh: string, en: string): SafeHtml {
  return html`${zh} <span class="en" lang="en">· ${en}</span>`;
}

export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

const STYLE = `
body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:0;background:#f4f6f8;color:#1b1f24;line-height:1.5}
header{background:#0b6e4f;color:#fff;padding:.75rem 1rem}header a{color:#fff}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:1.5rem}
.en{color:#4a5261;font-size:.9em}header .en,header .demo{color:#fff}.button .en{color:inherit}
section{background:#fff;border:1px solid #d5dbe1;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e7ed;vertical-align:top}
.button{display:inline-block;background:#0b6e4f;color:#fff;border:0;border-radius:6px;padding:.5rem 1rem;font-size:1rem;text-decoration:none;cursor:pointer}
.button--secondary{background:#fff;color:#0b6e4f;border:1px solid #0b6e4f}
.notice{border-left:4px solid #0b6e4f;background:#e6f2ed;padding:.5rem .75rem}
.notice--error{border-color:#a4262c;background:#fbeaea}
.demo{font-size:.85rem;color:#4a5261}
form.inline{display:inline}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** The page frame: language, title, the demo banner, skip-free simple landmarks. */
export function page(
  title: string,
  body: SafeHtml,
  options: { signedInAs?: string | null; csrf?: string } = {},
) {
  return html`<!doctype html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <p class="demo">
            ${both('演示应用，扮演第三方入口（小程序内嵌页）', 'A demo app playing a third-party entrance')}
          </p>
          <h1>${both('生活助手', 'Life Helper')}</h1>
          ${
            options.signedInAs
              ? html`<form class="inline" method="post" action="/logout">
                  <input type="hidden" name="csrf" value="${options.csrf ?? ''}" />
                  ${both('已登录：', 'Signed in:')} ${options.signedInAs}
                  <button class="button button--secondary" type="submit">${both('退出', 'Sign out')}</button>
                </form>`
              : ''
          }
        </header>
        <main>${body}</main>
      </body>
    </html>`.value;
}
