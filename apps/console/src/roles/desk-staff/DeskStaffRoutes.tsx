import { RoleRoutes } from '../../components/RoleRoutes';
import { BulletinsPage } from '../../features/bulletins/BulletinsPage';
import { RankingsPage } from '../../features/rankings/RankingsPage';
import { ProblemDetailPage } from '../../features/problems/ProblemDetailPage';
import { TemplateDetailPage } from '../../features/templates/TemplateDetailPage';
import { TemplatesPage } from '../../features/templates/TemplatesPage';
import { TicketDetailPage } from '../../features/tickets/TicketDetailPage';
import { TicketListPage } from '../../features/tickets/TicketListPage';
import { DeskQueuePage } from './DeskQueuePage';
import { DeskTicketActions, DeskTicketSections } from './DeskTicketActions';

/** The desk_staff role's pages (lazy-loaded as one bundle by ConsoleShell). */
export default function DeskStaffRoutes() {
  return (
    <RoleRoutes
      role="desk_staff"
      pages={{
        '/': <DeskQueuePage />,
        '/tickets': <TicketListPage />,
        '/templates': <TemplatesPage />,
        '/templates/:id': <TemplateDetailPage />,
        '/problems/:id': <ProblemDetailPage />,
        '/tickets/:id': (
          <TicketDetailPage
            live
            actions={(_ticket, reload, view) => <DeskTicketActions view={view} onDone={reload} />}
            sections={(view, reload) => <DeskTicketSections view={view} onDone={reload} />}
          />
        ),
        '/rankings': <RankingsPage />,
        '/bulletins': <BulletinsPage />,
      }}
    />
  );
}
