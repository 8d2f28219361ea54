import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/**
 * The enterprise desk's codes for service managers, the workspace, messages and requests
 * (documented in docs/errors/desk.md).
 */
export const deskErrors = {
  DESK_ENTERPRISE_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该企业，或您无权查看',
    en: 'No such enterprise, or it is not one you may see',
  },
  DESK_NOT_ASSIGNED: {
    status: 409,
    'zh-CN': '该企业尚未分配服务专员（店小二）',
    en: 'The enterprise has no service manager assigned yet',
  },
  DESK_MANAGER_INVALID: {
    status: 422,
    'zh-CN': '所选人员不是该企业所在区的服务专员',
    en: "That user is not a service manager in the enterprise's district",
  },
  DESK_HEAD_INVALID: {
    status: 422,
    'zh-CN': '所选督办负责人不是该区的工作人员',
    en: "The head chosen for escalation is not staff of the enterprise's district",
  },
  DESK_REQUEST_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该诉求，或您无权查看',
    en: 'No such request, or it is not one you may see',
  },
  DESK_REQUEST_STATE: {
    status: 409,
    'zh-CN': '该诉求当前为“{status}”状态，不能进行此操作',
    en: 'The request is {status}; that cannot be done now',
  },
  DESK_REQUEST_PART_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该部门办理事项，或不是您所在部门的',
    en: "No such routed part, or it is not your office's",
  },
  DESK_REQUEST_PART_ANSWERED: {
    status: 409,
    'zh-CN': '该部门已答复此诉求',
    en: 'The office has already answered its part of the request',
  },
  DESK_OFFICE_INVALID: {
    status: 422,
    'zh-CN': '只能转办给本区或市级的部门，且每个部门只能一次',
    en: 'A request can be routed only to offices of its district or city-wide bodies, each once',
  },
  DESK_ATTACHMENT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该附件',
    en: 'No such attachment on this request',
  },
  DESK_THREAD_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到与该企业的留言往来，或您无权查看',
    en: 'No message thread with that enterprise, or it is not one you may see',
  },
} satisfies ModuleErrorTable;
