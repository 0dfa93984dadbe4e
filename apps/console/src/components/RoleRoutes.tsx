import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Role } from '../api/types';
import { NAVIGATION } from '../app/navigation';
import { NotificationSettingsPage } from '../pages/NotificationSettingsPage';
import { NotFoundPage } from './NotFoundPage';
import { PendingPage } from './PendingPage';

/** Pages every role has. */
const SHARED_PAGES: Record<string, ReactNode> = {
  '/settings/notifications': <NotificationSettingsPage />,
};

/**
 * A role's routes: `pages` by path (menu pages and the pages they link to). A menu entry
 * without a page yet shows PendingPage, which says so; any other path is 页面不存在.
 */
export function RoleRoutes({ role, pages }: { role: Role; pages: Record<string, ReactNode> }) {
  const all = { ...SHARED_PAGES, ...pages };
  const menuPaths = new Set(NAVIGATION[role].map((i) => i.path));
  return (
    <Routes>
      {NAVIGATION[role].map((item) => (
        <Route key={item.path} path={item.path} element={all[item.path] ?? <PendingPage title={item.label} />} />
      ))}
      {Object.entries(all)
        .filter(([path]) => !menuPaths.has(path))
        .map(([path, element]) => (
          <Route key={path} path={path} element={element} />
        ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
