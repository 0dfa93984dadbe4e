import { RoleRoutes } from '../../components/RoleRoutes';
import { CalendarPage } from '../../features/calendar/CalendarPage';
import { BulletinsPage } from '../../features/bulletins/BulletinsPage';
import { DashboardPage } from '../../features/dashboard/DashboardPage';
import { DemandListDetailPage } from '../../features/demand-lists/DemandListDetailPage';
import { DemandListsPage } from '../../features/demand-lists/DemandListsPage';
import { DigestsPage } from '../../features/digests/DigestsPage';
import { EscalationsPage } from '../../features/escalations/EscalationsPage';
import { ProblemDetailPage } from '../../features/problems/ProblemDetailPage';
import { ProblemsPage } from '../../features/problems/ProblemsPage';
import { ProvidersPage } from '../../features/providers/ProvidersPage';
import { QueuesPage } from '../../features/queues/QueuesPage';
import { RerouteButton } from '../../features/returns/RerouteButton';
import { RankingsPage } from '../../features/rankings/RankingsPage';
import { ReturnsPage } from '../../features/returns/ReturnsPage';
import { SlaTargetsPage } from '../../features/sla-targets/SlaTargetsPage';
import { TemplateDetailPage } from '../../features/templates/TemplateDetailPage';
import { TemplatesPage } from '../../features/templates/TemplatesPage';
import { TicketDetailPage } from '../../features/tickets/TicketDetailPage';
import { TicketListPage } from '../../features/tickets/TicketListPage';
import { UsersPage } from '../../features/users/UsersPage';
import { WebhooksPage } from '../../features/webhooks/WebhooksPage';
import { ZonesPage } from '../../features/zones/ZonesPage';

/** The coordinator role's pages (lazy-loaded as one bundle by ConsoleShell). */
export default function CoordinatorRoutes() {
  return (
    <RoleRoutes
      role="coordinator"
      pages={{
        '/': <DashboardPage />,
        '/dashboard': <DashboardPage />,
        '/tickets': <TicketListPage />,
        '/tickets/:id': <TicketDetailPage actions={(t, reload) => t.allowedActions.includes('reroute') && <RerouteButton ticketId={t.id} onDone={reload} />} />,
        '/demand-lists': <DemandListsPage canFile={false} />,
        '/demand-lists/:id': <DemandListDetailPage />,
        '/problems': <ProblemsPage />,
        '/problems/:id': <ProblemDetailPage />,
        '/templates': <TemplatesPage />,
        '/templates/:id': <TemplateDetailPage />,
        '/zones': <ZonesPage />,
        '/users': <UsersPage />,
        '/providers': <ProvidersPage />,
        '/calendar': <CalendarPage />,
        '/sla-targets': <SlaTargetsPage />,
        '/returns': <ReturnsPage />,
        '/escalations': <EscalationsPage />,
        '/webhooks': <WebhooksPage />,
        '/rankings': <RankingsPage />,
        '/bulletins': <BulletinsPage />,
        '/digests': <DigestsPage />,
        '/queues': <QueuesPage />,
      }}
    />
  );
}
