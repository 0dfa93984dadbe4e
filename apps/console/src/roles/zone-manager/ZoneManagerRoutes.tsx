import { RoleRoutes } from '../../components/RoleRoutes';

/** The zone_manager role's pages (lazy-loaded as one bundle by ConsoleShell). */
export default function ZoneManagerRoutes() {
  return <RoleRoutes role="zone_manager" pages={{}} />;
}
