import { api, unwrap } from '../../api/client';
import { useApi } from '../../components/useApi';
import { scanTickets } from '../tickets/ticket-scan';
import { loadAllZones, zoneNames } from '../zones/zone-api';
import { dashboardOf, type Dashboard } from './dashboard-data';

/** Beyond this many tickets the browser does not add them up; the figures wait for GET /dashboard. */
export const MAX_TICKETS = 5000;

export type DashboardState = { kind: 'ready'; dashboard: Dashboard; today: string } | { kind: 'too-many'; limit: number };

/**
 * The dashboard's data, computed in the browser from GET /tickets (scoped by the API) until
 * the API's own GET /api/v1/dashboard exists; then this hook reads that instead and the
 * pages stay as they are.
 */
async function loadDashboard(signal: AbortSignal): Promise<DashboardState> {
  const [status, scan, zones] = await Promise.all([
    unwrap(api.GET('/api/v1/calendar/status', { signal })),
    scanTickets({}, MAX_TICKETS, signal),
    loadAllZones(signal),
  ]);
  if (!scan.complete) return { kind: 'too-many', limit: MAX_TICKETS };
  return { kind: 'ready', dashboard: dashboardOf(scan.items, zoneNames(zones), status.today), today: status.today };
}

export function useDashboard() {
  return useApi(loadDashboard, []);
}
