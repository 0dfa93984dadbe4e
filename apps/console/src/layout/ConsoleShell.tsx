import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button, Layout, Menu } from 'antd';
import type { Role } from '../api/types';
import { activeNavPath, NAVIGATION } from '../app/navigation';
import { ChangePasswordButton } from '../auth/ChangePasswordButton';
import { endSession } from '../auth/session';
import { useSession } from '../auth/useSession';
import { PageLoading } from '../components/PageLoading';
import { ROLE_LABELS } from '../labels/labels';

/** One bundle per role: a zone manager's browser never loads the coordinator's pages. */
const ROLE_ROUTES: Record<Role, LazyExoticComponent<ComponentType>> = {
  zone_manager: lazy(() => import('../roles/zone-manager/ZoneManagerRoutes')),
  desk_staff: lazy(() => import('../roles/desk-staff/DeskStaffRoutes')),
  coordinator: lazy(() => import('../roles/coordinator/CoordinatorRoutes')),
  viewer: lazy(() => import('../roles/viewer/ViewerRoutes')),
};

/** The signed-in layout: the role's navigation, who is signed in, 修改密码, 退出登录, and the role's pages. */
export default function ConsoleShell() {
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAVIGATION[user.role];
  const selected = activeNavPath(items, location.pathname);
  const RoleRoutes = ROLE_ROUTES[user.role];

  function signOut() {
    endSession();
    void navigate('/login', { replace: true });
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="console-header">
        <span className="console-brand">进园区服务平台</span>
        <nav className="console-nav" aria-label="主导航">
          {/* No overflow "…": every page stays one visible link (the menu wraps instead), on phones too. */}
          <Menu
            mode="horizontal"
            disabledOverflow
            selectedKeys={selected ? [selected] : []}
            items={items.map((i) => ({ key: i.path, label: <Link to={i.path}>{i.label}</Link> }))}
          />
        </nav>
        <div className="console-user">
          <span>
            {user.name} · {ROLE_LABELS[user.role]}
          </span>
          <ChangePasswordButton />
          <Button size="small" onClick={signOut}>
            退出登录
          </Button>
        </div>
      </Layout.Header>
      <Layout.Content className="console-content">
        <main>
          <Suspense fallback={<PageLoading />}>
            <RoleRoutes />
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}
