import { RoleRoutes } from '../../components/RoleRoutes';

/** The desk_staff role's pages (lazy-loaded as one bundle by ConsoleShell). */
export default function DeskStaffRoutes() {
  return <RoleRoutes role="desk_staff" pages={{}} />;
}
