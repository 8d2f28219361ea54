import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The attachments module's error codes (documented in docs/errors/attachments.md). */
export const attachmentErrors = {
  ATTACHMENT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该附件',
    en: 'No such attachment',
  },
  ATTACHMENT_NOT_YOURS: {
    status: 403,
    'zh-CN': '附件不属于您，不能用于本次申请',
    en: 'That attachment was not uploaded by you and cannot be used for this application',
  },
  ATTACHMENT_ALREADY_USED: {
    status: 409,
    'zh-CN': '该附件已用于一份申请，请在申请中查看',
    en: 'That attachment already belongs to an application; open it from the application',
  },
  ATTACHMENT_LIMIT: {
    status: 409,
    'zh-CN': '一份申请最多可上传 {limit} 个附件',
    en: 'An application can have at most {limit} attachments',
  },
  ATTACHMENT_UPLOAD_LIMIT: {
    status: 409,
    'zh-CN': '您已有 {limit} 个尚未提交的附件，请先提交申请或删除不需要的附件',
    en: 'You already have {limit} attachments not yet used in an application; submit or remove some first',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件过大，单个文件不能超过 {maxSize}',
    en: 'The file is too large; each file can be at most {maxSize}',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    'zh-CN': '不支持该文件类型，请上传 PDF、OFD、JPG 或 PNG 文件',
    en: 'This kind of file is not accepted; upload a PDF, OFD, JPG or PNG file',
  },
  ATTACHMENT_EMPTY: {
    status: 400,
    'zh-CN': '文件是空的，请重新选择',
    en: 'The file is empty; choose another one',
  },
  ATTACHMENT_FORM_INVALID: {
    status: 400,
    'zh-CN': '上传格式有误：每次请上传一个文件，并注明所属材料',
    en: 'The upload is malformed: send one file per request, with the material it is for',
  },
} satisfies ModuleErrorTable;
