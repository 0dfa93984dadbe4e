import type { Role } from '../api/types';

export interface NavItem {
  path: string;
  label: string;
}

const SETTINGS: NavItem = { path: '/settings/notifications', label: '通知设置' };

/**
 * Each role's pages, in menu order (routes per CONSOLE-CONTRACT). A page appears only for
 * the roles whose calls it makes are allowed: the console never offers what the API refuses.
 */
export const NAVIGATION: Record<Role, NavItem[]> = {
  zone_manager: [
    { path: '/', label: '首页' },
    { path: '/demand-lists', label: '需求清单' },
    { path: '/tickets', label: '工单' },
    { path: '/rankings', label: '排行榜' },
    { path: '/bulletins', label: '通报' },
    SETTINGS,
  ],
  desk_staff: [
    { path: '/', label: '工作队列' },
    { path: '/tickets', label: '工单' },
    { path: '/rankings', label: '排行榜' },
    { path: '/bulletins', label: '通报' },
    { path: '/templates', label: '经验模板' },
    SETTINGS,
  ],
  coordinator: [
    { path: '/', label: '全省概览' },
    { path: '/tickets', label: '工单' },
    { path: '/demand-lists', label: '需求清单' },
    { path: '/problems', label: '问题归集' },
    { path: '/templates', label: '经验模板' },
    { path: '/zones', label: '园区' },
    { path: '/users', label: '用户' },
    { path: '/providers', label: '服务机构' },
    { path: '/calendar', label: '日历' },
    { path: '/sla-targets', label: 'SLA 目标' },
    { path: '/returns', label: '退单待裁定' },
    { path: '/escalations', label: '督办' },
    { path: '/webhooks', label: 'Webhooks' },
    { path: '/rankings', label: '排行榜' },
    { path: '/bulletins', label: '通报' },
    { path: '/digests', label: '周报' },
    { path: '/queues', label: '队列监控' },
    SETTINGS,
  ],
  viewer: [
    { path: '/', label: '全省概览' },
    { path: '/tickets', label: '工单' },
    { path: '/demand-lists', label: '需求清单' },
    { path: '/rankings', label: '排行榜' },
    { path: '/bulletins', label: '通报' },
    { path: '/problems', label: '问题归集' },
    { path: '/templates', label: '经验模板' },
    SETTINGS,
  ],
};

/** The menu entry a location belongs to: the longest path that prefixes it. */
export function activeNavPath(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
