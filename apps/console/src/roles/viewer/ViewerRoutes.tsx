import { RoleRoutes } from '../../components/RoleRoutes';
import { BulletinsPage } from '../../features/bulletins/BulletinsPage';
import { DashboardPage } from '../../features/dashboard/DashboardPage';
import { DemandListDetailPage } from '../../features/demand-lists/DemandListDetailPage';
import { DemandListsPage } from '../../features/demand-lists/DemandListsPage';
import { ProblemDetailPage } from '../../features/problems/ProblemDetailPage';
import { ProblemsPage } from '../../features/problems/ProblemsPage';
import { TemplateDetailPage } from '../../features/templates/TemplateDetailPage';
import { TemplatesPage } from '../../features/templates/TemplatesPage';
import { RankingsPage } from '../../features/rankings/RankingsPage';
import { TicketDetailPage } from '../../features/tickets/TicketDetailPage';
import { TicketListPage } from '../../features/tickets/TicketListPage';

/** The viewer's pages, read-only: the same pages as coordinators see, without a button that changes anything. */
export default function ViewerRoutes() {
  return (
    <RoleRoutes
      role="viewer"
      pages={{
        '/': <DashboardPage />,
        '/dashboard': <DashboardPage />,
        '/tickets': <TicketListPage />,
        '/tickets/:id': <TicketDetailPage />,
        '/demand-lists': <DemandListsPage canFile={false} />,
        '/demand-lists/:id': <DemandListDetailPage />,
        '/problems': <ProblemsPage />,
        '/problems/:id': <ProblemDetailPage />,
        '/templates': <TemplatesPage />,
        '/templates/:id': <TemplateDetailPage />,
        '/rankings': <RankingsPage />,
        '/bulletins': <BulletinsPage />,
      }}
    />
  );
}
