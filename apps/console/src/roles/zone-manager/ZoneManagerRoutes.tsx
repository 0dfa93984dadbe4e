import { RoleRoutes } from '../../components/RoleRoutes';
import { lazyPage } from '../../components/lazyPage';
import { ZoneHomePage } from './ZoneHomePage';

const DemandListsPage = lazyPage(() => import('../../features/demand-lists/DemandListsPage'), 'DemandListsPage');
const NewDemandListPage = lazyPage(() => import('../../features/demand-lists/NewDemandListPage'), 'NewDemandListPage');
const DemandListDetailPage = lazyPage(() => import('../../features/demand-lists/DemandListDetailPage'), 'DemandListDetailPage');
const TicketListPage = lazyPage(() => import('../../features/tickets/TicketListPage'), 'TicketListPage');
const RankingsPage = lazyPage(() => import('../../features/rankings/RankingsPage'), 'RankingsPage');
const BulletinsPage = lazyPage(() => import('../../features/bulletins/BulletinsPage'), 'BulletinsPage');
const ZoneTicketPage = lazyPage(() => import('./ZoneTicketPage'), 'ZoneTicketPage');

/** The zone manager's pages (lazy-loaded as one bundle by ConsoleShell; the pages behind 首页 on first visit). */
export default function ZoneManagerRoutes() {
  return (
    <RoleRoutes
      role="zone_manager"
      pages={{
        '/': <ZoneHomePage />,
        '/demand-lists': <DemandListsPage canFile />,
        '/demand-lists/new': <NewDemandListPage />,
        '/demand-lists/:id': <DemandListDetailPage />,
        '/tickets': <TicketListPage />,
        '/tickets/:id': <ZoneTicketPage />,
        '/rankings': <RankingsPage />,
        '/bulletins': <BulletinsPage />,
      }}
    />
  );
}
