import { ServiceType } from '@enterpark/common';

/**
 * How a desk's new tickets get an assignee:
 * - least_loaded: the desk member with the fewest open tickets (the default);
 * - fixed: always the same staff member;
 * - desk_only: nobody; the desk picks tickets up from its queue.
 */
export type AssignmentMode = 'least_loaded' | 'fixed' | 'desk_only';

export interface RoutingRule {
  type: ServiceType;
  assignment: AssignmentMode;
  fixedAssigneeId: string | null;
}
