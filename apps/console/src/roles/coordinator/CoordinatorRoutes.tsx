import { RoleRoutes } from '../../components/RoleRoutes';

/** The coordinator role's pages (lazy-loaded as one bundle by ConsoleShell). */
export default function CoordinatorRoutes() {
  return <RoleRoutes role="coordinator" pages={{}} />;
}
