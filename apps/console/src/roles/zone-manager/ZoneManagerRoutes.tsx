import { RoleRoutes } from '../../components/RoleRoutes';
import { DemandListDetailPage } from '../../features/demand-lists/DemandListDetailPage';
import { DemandListsPage } from '../../features/demand-lists/DemandListsPage';
import { NewDemandListPage } from '../../features/demand-lists/NewDemandListPage';
import { TicketDetailPage } from '../../features/tickets/TicketDetailPage';
import { TicketListPage } from '../../features/tickets/TicketListPage';
import { ZoneHomePage } from './ZoneHomePage';
import { ZoneTicketActions } from './ZoneTicketActions';

/** The zone manager's pages (lazy-loaded as one bundle by ConsoleShell). */
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
        '/tickets/:id': <TicketDetailPage actions={(ticket, reload) => <ZoneTicketActions ticket={ticket} onDone={reload} />} />,
      }}
    />
  );
}
