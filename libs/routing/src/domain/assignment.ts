/** A desk member as the assignment rule sees them. */
export interface Candidate {
  userId: string;
  openTickets: number;
  lastAssignedAt: Date | null;
}

function before(a: Candidate, b: Candidate): number {
  if (a.openTickets !== b.openTickets) return a.openTickets - b.openTickets;
  // Never assigned beats assigned; then the one who waited longest.
  const at = a.lastAssignedAt?.getTime() ?? -Infinity;
  const bt = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (at !== bt) return at - bt;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/** Least open tickets first, ties by least recently assigned, then by id (deterministic). */
export function chooseAssignee(candidates: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) if (!best || before(c, best) < 0) best = c;
  return best;
}

export interface BatchAssignment {
  /** The assignee of each ticket, in order; null when the desk has nobody. */
  assignees: (string | null)[];
  /** When each chosen member was last assigned, to be stored for the next tie-break. */
  lastAssigned: Map<string, Date>;
}

/**
 * Assigns a batch of tickets one after another, counting each assignment before the
 * next choice, so a batch spreads over the desk exactly as single routings would.
 */
export function assignInTurn(candidates: readonly Candidate[], count: number, now: Date): BatchAssignment {
  const pool = candidates.map((c) => ({ ...c }));
  const assignees: (string | null)[] = [];
  const lastAssigned = new Map<string, Date>();
  for (let i = 0; i < count; i++) {
    const best = chooseAssignee(pool);
    assignees.push(best?.userId ?? null);
    if (best) {
      best.openTickets += 1;
      // Strictly increasing within the batch keeps "least recently assigned" meaningful.
      best.lastAssignedAt = new Date(now.getTime() - count + i + 1);
      lastAssigned.set(best.userId, best.lastAssignedAt);
    }
  }
  return { assignees, lastAssigned };
}
