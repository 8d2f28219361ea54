import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The kiosk module's error codes (documented in docs/errors/kiosk.md). */
export const kioskErrors = {
  KIOSK_TERMINAL_UNKNOWN: {
    status: 401,
    'zh-CN': '该终端未在本设施登记，请联系设施工作人员重新设置。',
    en: 'This terminal is not registered at this facility. Please ask the staff to set it up again.',
  },
  KIOSK_SESSION_INVALID: {
    status: 401,
    'zh-CN': '您已退出登录或登录已过期，请重新登录。',
    en: 'You have been signed out or your sign-in has expired. Please sign in again.',
  },
  KIOSK_CARD_NOT_REGISTERED: {
    status: 404,
    'zh-CN': '未找到与该身份证对应、已登记手机号的通办账户。请先在网上注册，或到窗口办理。',
    en: 'No Tongban account with a phone number was found for this ID card. Please register online first, or go to a counter.',
  },
  KIOSK_CODE_INVALID: {
    status: 401,
    'zh-CN': '验证码不正确，还可以再试 {remaining} 次。',
    en: 'The code is not correct. You can try {remaining} more times.',
  },
  KIOSK_CODE_EXPIRED: {
    status: 410,
    'zh-CN': '验证码已失效，请重新刷身份证获取新的验证码。',
    en: 'The code is no longer valid. Please read your ID card again for a new code.',
  },
  KIOSK_CODE_LIMIT: {
    status: 429,
    'zh-CN': '验证码发送次数过多，请 {minutes} 分钟后再试。',
    en: 'Too many codes were sent. Please try again in {minutes} minutes.',
  },
  KIOSK_QR_INVALID: {
    status: 401,
    'zh-CN': '二维码无效、已使用或已过期，请在手机上重新生成。',
    en: 'The QR code is invalid, already used or expired. Please make a new one on your phone.',
  },
  KIOSK_SMS_FAILED: {
    status: 502,
    'zh-CN': '短信暂时无法发送，请稍后再试或使用二维码登录。',
    en: 'The text message could not be sent. Please try again later or sign in with a QR code.',
  },
  KIOSK_SERVICE_NOT_AT_TERMINAL: {
    status: 404,
    'zh-CN': '该事项不能在自助终端申请。',
    en: 'This service cannot be applied for at a self-service terminal.',
  },
} satisfies ModuleErrorTable;
