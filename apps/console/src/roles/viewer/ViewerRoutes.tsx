import { RoleRoutes } from '../../components/RoleRoutes';

/** The viewer role's pages (lazy-loaded as one bundle by ConsoleShell). */
export default function ViewerRoutes() {
  return <RoleRoutes role="viewer" pages={{}} />;
}
