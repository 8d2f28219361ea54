import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The open platform's own error codes (documented in docs/errors/open-platform.md). */
export const openPlatformErrors = {
  OPEN_APP_NOT_FOUND: { status: 404, 'zh-CN': '找不到该应用', en: 'No such app' },
  OPEN_APP_REDIRECT_URI_INVALID: {
    status: 400,
    'zh-CN': '回调地址必须是 https 地址（本机调试可用 http://localhost），且不能带 # 片段',
    en: 'Redirect URIs must be https (http://localhost for local testing) and carry no # fragment',
  },
  OPEN_APP_PRIVACY_URL_INVALID: {
    status: 400,
    'zh-CN': '隐私政策链接必须是 https 地址',
    en: 'The privacy policy link must be an https address',
  },
  OPEN_APP_SCOPE_UNKNOWN: { status: 400, 'zh-CN': '申请的权限范围不存在', en: 'Unknown scope requested' },
  OPEN_APP_NOT_APPROVED: {
    status: 409,
    'zh-CN': '应用尚未通过审核或已被暂停（{status}），不能领取密钥',
    en: 'The app is not approved ({status}), so it cannot have a client secret',
  },
  OPEN_APP_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '驳回或暂停应用时必须填写原因',
    en: 'Give a reason when rejecting or suspending an app',
  },
  OPEN_APP_STATUS_CONFLICT: {
    status: 409,
    'zh-CN': '应用当前状态（{status}）下不能这样处理',
    en: 'That cannot be done to an app that is {status}',
  },
  OPEN_INTERACTION_NOT_FOUND: {
    status: 404,
    'zh-CN': '授权请求不存在或已过期，请回到应用重新发起',
    en: 'The authorization request is unknown or has expired; start again from the app',
  },
  OPEN_TOKEN_INVALID: {
    status: 401,
    'zh-CN': '访问令牌缺失、无效或已过期',
    en: 'The access token is missing, invalid or expired',
  },
  OPEN_APP_SUSPENDED: {
    status: 403,
    'zh-CN': '该应用已被平台暂停，令牌不再有效',
    en: 'The app has been suspended by the platform; its tokens no longer work',
  },
  OPEN_SCOPE_INSUFFICIENT: {
    status: 403,
    'zh-CN': '令牌未获得此项授权（需要 {scope}）',
    en: 'The token was not granted this (it needs {scope})',
  },
  OPEN_RESIDENT_REQUIRED: {
    status: 403,
    'zh-CN': '此接口须由居民本人授权的令牌调用',
    en: 'This call needs a token a resident has authorised',
  },
  OPEN_CONSENT_WITHDRAWN: {
    status: 403,
    'zh-CN': '居民已撤回对该应用的授权',
    en: 'The resident has withdrawn their consent to this app',
  },
  OPEN_RATE_LIMITED_APP: {
    status: 429,
    'zh-CN': '该应用调用过于频繁（每分钟最多 {max} 次），请 {seconds} 秒后再试',
    en: 'Too many calls from this app (at most {max} a minute); try again in {seconds} s',
  },
  OPEN_RATE_LIMITED_RESIDENT: {
    status: 429,
    'zh-CN': '针对该居民的调用过于频繁（每分钟最多 {max} 次），请 {seconds} 秒后再试',
    en: 'Too many calls for this resident (at most {max} a minute); try again in {seconds} s',
  },
} satisfies ModuleErrorTable;
