import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/**
 * The enterprise desk's codes for visits (无事不扰), coordination rooms (协调群) and project
 * landing (documented in docs/errors/desk-rooms.md).
 */
export const deskRoomsErrors = {
  DESK_VISIT_NEEDS_REASON: {
    status: 409,
    'zh-CN': '该走访超出走访次数上限或处于企业免打扰期，如确需走访请填写理由',
    en: 'The visit goes over the visit cap or falls in a quiet period of the enterprise; give a reason to go ahead',
  },
  DESK_VISIT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该走访记录，或您无权查看',
    en: 'No such visit, or it is not one you may see',
  },
  DESK_VISIT_CLOSED: {
    status: 409,
    'zh-CN': '该走访已完成或已取消，不能再修改',
    en: 'The visit is already done or cancelled and cannot be changed',
  },
  DESK_VISIT_OUTCOME_REQUIRED: {
    status: 422,
    'zh-CN': '登记已完成的走访时请填写走访结果',
    en: 'A visit that took place needs its outcome',
  },
  DESK_VISIT_IN_FUTURE: {
    status: 422,
    'zh-CN': '尚未发生的走访不能登记结果',
    en: 'A visit that has not happened yet cannot have an outcome',
  },
  DESK_QUIET_PERIOD_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该免打扰时段',
    en: 'No such quiet period',
  },
  DESK_QUIET_PERIOD_INVALID: {
    status: 422,
    'zh-CN': '免打扰时段无效：{reason}',
    en: 'The quiet period is not valid: {reason}',
  },
  DESK_DISTRICT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该区，或您无权设置该区的走访上限',
    en: 'No such district, or not one whose visit cap you may set',
  },
  DESK_ROOM_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该协调群，或您不是其成员',
    en: 'No such coordination room, or you are not a member of it',
  },
  DESK_ROOM_OWNER_ONLY: {
    status: 403,
    'zh-CN': '只有协调群的创建人可以管理成员',
    en: "Only the room's owner may manage its members",
  },
  DESK_ROOM_USER_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该用户名的账号',
    en: 'No account has that username',
  },
  DESK_ROOM_MEMBER_NOT_FOUND: {
    status: 404,
    'zh-CN': '该账号不是本协调群的成员',
    en: 'That account is not a member of this room',
  },
  DESK_ROOM_MEMBER_EXISTS: {
    status: 409,
    'zh-CN': '该账号已是本协调群的成员',
    en: 'That account is already a member of this room',
  },
  DESK_ROOM_OWNER_STAYS: {
    status: 409,
    'zh-CN': '协调群的创建人不能被移出',
    en: "The room's owner cannot be removed",
  },
  DESK_ROOM_TASK_NOT_FOUND: {
    status: 404,
    'zh-CN': '本协调群没有该任务',
    en: 'No such task in this room',
  },
  DESK_ROOM_CHECKLIST_ITEM_NOT_FOUND: {
    status: 404,
    'zh-CN': '本协调群没有该材料清单项',
    en: 'No such checklist item in this room',
  },
  DESK_ROOM_DOCUMENT_NOT_FOUND: {
    status: 404,
    'zh-CN': '本协调群没有该文件',
    en: 'No such document in this room',
  },
  DESK_PROJECT_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该项目，或您无权查看',
    en: 'No such project, or it is not one you may see',
  },
  DESK_PROJECT_HAS_ROOM: {
    status: 409,
    'zh-CN': '该项目已有协调群',
    en: 'The project already has a coordination room',
  },
  DESK_MILESTONE_NOT_FOUND: {
    status: 404,
    'zh-CN': '该项目没有这个节点',
    en: 'No such milestone in this project',
  },
  DESK_MILESTONE_DATE_INVALID: {
    status: 422,
    'zh-CN': '实际完成日期不能晚于今天',
    en: 'The actual date cannot be later than today',
  },
  DESK_APPLICATION_NOT_FOUND: {
    status: 404,
    'zh-CN': '该企业没有这个办件（受理编号或办件编号）',
    en: 'The enterprise has no application with that receipt number or id',
  },
  DESK_APPLICATION_ALREADY_LINKED: {
    status: 409,
    'zh-CN': '该办件已关联到这个节点',
    en: 'That application is already linked to this milestone',
  },
  DESK_APPLICATION_LINK_NOT_FOUND: {
    status: 404,
    'zh-CN': '该节点没有关联这个办件',
    en: 'That application is not linked to this milestone',
  },
} satisfies ModuleErrorTable;
