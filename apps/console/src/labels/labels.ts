import type { ActivityKind, Role, ServiceType, TicketAction, TicketStatus } from '../api/types';

/** The six service types by the names zones and desks use. */
export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  media: '媒体进园区',
  finance: '金融进园区',
  training: '培训进园区',
  foreign_investment: '外商进园区',
  party_building: '非公党建进园区',
  precision_service: '精准服务进园区',
};
export const SERVICE_TYPES = Object.keys(SERVICE_TYPE_LABELS) as ServiceType[];

export const ROLE_LABELS: Record<Role, string> = {
  zone_manager: '园区管理员',
  desk_staff: '窗口人员',
  coordinator: '协调员',
  viewer: '查看者',
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '已提交',
  routed: '已分派',
  triaged: '已受理',
  needs_info: '待补充信息',
  returned: '已退单',
  matching: '匹配中',
  matched: '已匹配',
  in_service: '服务中',
  completed: '待确认办结',
  closed: '已办结',
  rejected: '已驳回',
  cancelled: '已撤回',
};

/** antd Tag colours by how a zone should read the status: waiting on us, in progress, done, stopped. */
export const STATUS_COLORS: Record<TicketStatus, string> = {
  submitted: 'default',
  routed: 'blue',
  triaged: 'blue',
  needs_info: 'orange',
  returned: 'purple',
  matching: 'cyan',
  matched: 'cyan',
  in_service: 'geekblue',
  completed: 'gold',
  closed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** Statuses after which nothing more happens to a ticket. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['closed', 'rejected', 'cancelled'];

export const ACTION_LABELS: Record<TicketAction, string> = {
  accept: '受理',
  reject: '驳回',
  'request-info': '要求补充',
  'provide-info': '补充信息',
  return: '退单',
  reroute: '改派',
  assign: '指派',
  match: '匹配',
  activities: '记录服务',
  complete: '办结',
  confirm: '确认办结',
  cancel: '撤回',
  'accept-proposal': '接受推荐',
  'decline-proposal': '拒绝推荐',
};

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  visit: '走访',
  meeting: '对接会',
  training_session: '培训',
  media_coverage: '宣传报道',
  financing_session: '融资对接',
  other: '其他',
};

export const LIST_STATUS_LABELS: Record<string, string> = { open: '进行中', completed: '已完成', cancelled: '已撤回' };
