import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The applications module's error codes (documented in docs/errors/applications.md). */
export const applicationErrors = {
  APPLICATION_NOT_FOUND: { status: 404, 'zh-CN': '找不到该办件。', en: 'Application not found.' },
  APPLICATION_NOT_ACCEPTED_ONLINE: {
    status: 409,
    'zh-CN': '该事项目前不能通过此渠道申请。',
    en: 'This service cannot be applied for through this channel.',
  },
  APPLICATION_WRONG_SUBJECT: {
    status: 422,
    'zh-CN': '该事项的申请人须为{subject}。',
    en: 'This service must be applied for by {subject}.',
  },
  APPLICATION_NOT_ROUTABLE: {
    status: 422,
    'zh-CN': '找不到受理该事项的部门窗口，请联系客服。',
    en: 'No office handles this service for your district. Please contact the help desk.',
  },
  APPLICATION_IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    'zh-CN': '提交申请须带 Idempotency-Key 请求头。',
    en: 'Submitting an application needs an Idempotency-Key header.',
  },
  APPLICATION_IDEMPOTENCY_CONFLICT: {
    status: 422,
    'zh-CN': '该 Idempotency-Key 已用于另一份不同的申请。',
    en: 'This Idempotency-Key was already used for a different application.',
  },
  APPLICATION_ALREADY_DECIDED: {
    status: 409,
    'zh-CN': '该办件已作出决定，不能再撤回。',
    en: 'A decision has already been made on this application; it can no longer be withdrawn.',
  },
  APPLICATION_FINISHED: {
    status: 409,
    'zh-CN': '该办件已办结或已撤回。',
    en: 'This application is already finished or withdrawn.',
  },
  APPLICATION_CHANGED: {
    status: 409,
    'zh-CN': '该办件刚刚被他人处理过，请刷新后再试。',
    en: 'Someone else has just worked on this application. Refresh and try again.',
  },
  APPLICATION_DELIVERY_OFFICE_INVALID: {
    status: 422,
    'zh-CN': '所选领取窗口不存在。',
    en: 'The chosen pick-up office does not exist.',
  },
  APPLICATION_COUNTER_CONFIRMATION_REQUIRED: {
    status: 422,
    'zh-CN': '窗口代办须记录申请人本人的确认。',
    en: "Filing at the counter needs the applicant's own confirmation.",
  },
  TASK_NOT_FOUND: { status: 404, 'zh-CN': '找不到该环节任务。', en: 'Task not found.' },
  TASK_NOT_OPEN: {
    status: 409,
    'zh-CN': '该环节任务已处理完毕。',
    en: 'This task has already been completed.',
  },
  TASK_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '当前环节不能执行此操作。',
    en: 'This action is not possible at the current step.',
  },
  TASK_CLAIMED_BY_OTHER: {
    status: 409,
    'zh-CN': '该任务已由{name}认领。',
    en: 'This task has been claimed by {name}.',
  },
  TASK_ASSIGNEE_INVALID: {
    status: 422,
    'zh-CN': '只能指派给本窗口具有相应岗位的工作人员。',
    en: 'A task can only be assigned to staff of this office with the right post.',
  },
  TASK_AWAITING_SUPPLEMENT: {
    status: 409,
    'zh-CN': '正在等待申请人补正材料。',
    en: 'Waiting for the applicant to supply the missing information.',
  },
  SUPPLEMENT_OVERRIDE_REQUIRED: {
    status: 409,
    'zh-CN': '该办件已一次性告知过补正内容，再次要求补正须由审批人批准。',
    en: 'The applicant was already told everything to fix once; a second request needs an approver’s override.',
  },
  SUPPLEMENT_NOT_OPEN: {
    status: 409,
    'zh-CN': '当前没有待补正的内容。',
    en: 'There is nothing waiting to be supplemented.',
  },
  SUPPLEMENT_FIELD_NOT_REQUESTED: {
    status: 422,
    'zh-CN': '只能修改补正通知中列出的内容：{fields}。',
    en: 'Only the items listed in the supplement request may be changed: {fields}.',
  },
  DRAFT_NOT_FOUND: { status: 404, 'zh-CN': '找不到该草稿。', en: 'Draft not found.' },
  DRAFT_CHANGED: {
    status: 409,
    'zh-CN': '草稿已在另一台设备上更新，请刷新后继续。',
    en: 'The draft was updated on another device. Refresh to continue.',
  },
} satisfies ModuleErrorTable;
