import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ServiceType } from '@enterpark/common';
import { RankableProvider } from '../domain/ranking';

interface ProviderRow {
  id: string;
  active: boolean;
  service_types: ServiceType[];
  capacity: number;
  active_matches: number;
  cities: string[];
  province: string;
  tags: string[];
  rating_sum: number;
  rating_count: number;
}

interface PoolRow extends ProviderRow {
  proposed: boolean;
}

const PROVIDER_COLUMNS = 'p.id, p.active, p.service_types, p.capacity, p.active_matches, p.cities, p.province, p.tags, p.rating_sum, p.rating_count';

export interface CapacityRow {
  id: string;
  active: boolean;
  serviceTypes: ServiceType[];
  capacity: number;
  activeMatches: number;
}

/**
 * The providers as matching sees them: the pool for a ticket, and the capacity rows it
 * locks. Capacity is checked under the provider's row lock; the CHECK on the table and
 * the trigger that counts open matches are the backstop.
 */
@Injectable()
export class ProviderPoolRepository {
  /** Where the ticket's zone is (region fit). */
  async zoneOf(manager: EntityManager, zoneId: string): Promise<{ city: string; province: string }> {
    return (await this.zonesOf(manager, [zoneId])).get(zoneId)!;
  }

  async zonesOf(manager: EntityManager, zoneIds: string[]): Promise<Map<string, { city: string; province: string }>> {
    const rows: { id: string; city: string; province: string }[] = await manager.query(
      `SELECT id, city, province FROM zone WHERE id = ANY ($1::uuid[])`,
      [[...new Set(zoneIds)]],
    );
    return new Map(rows.map((r) => [r.id, { city: r.city, province: r.province }]));
  }

  /**
   * Active providers of the type with a free place, prefiltered in SQL; whether each was
   * already proposed for this ticket is answered alongside (the ranking leaves those out).
   */
  async poolFor(manager: EntityManager, ticketId: string, type: ServiceType): Promise<{ providers: RankableProvider[]; proposed: Set<string> }> {
    const rows: PoolRow[] = await manager.query(
      `SELECT ${PROVIDER_COLUMNS}, EXISTS (SELECT 1 FROM ticket_match m WHERE m.ticket_id = $1 AND m.provider_id = p.id) AS proposed
         FROM service_provider p
        WHERE p.active AND $2 = ANY (p.service_types) AND p.active_matches < p.capacity`,
      [ticketId, type],
    );
    return { providers: rows.map(toRankable), proposed: new Set(rows.filter((r) => r.proposed).map((r) => r.id)) };
  }

  /** Active providers with a free place that serve one of the types (a batch's tickets rank against the same pool). */
  async poolForTypes(manager: EntityManager, types: ServiceType[]): Promise<RankableProvider[]> {
    const rows: ProviderRow[] = await manager.query(
      `SELECT ${PROVIDER_COLUMNS} FROM service_provider p
        WHERE p.active AND p.service_types && $1::text[] AND p.active_matches < p.capacity`,
      [[...new Set(types)]],
    );
    return rows.map(toRankable);
  }

  /**
   * Locks these providers in id order, passing over rows another transaction holds (SKIP
   * LOCKED: never waits while holding tickets and providers), and answers them as they are
   * now. Full or inactive rows are locked too: the caller decides on the current values.
   */
  async lockAvailableInOrder(manager: EntityManager, ids: string[]): Promise<RankableProvider[]> {
    if (ids.length === 0) return [];
    const rows: ProviderRow[] = await manager.query(
      `SELECT ${PROVIDER_COLUMNS} FROM service_provider p WHERE p.id = ANY ($1::uuid[]) ORDER BY p.id FOR UPDATE SKIP LOCKED`,
      [[...new Set(ids)]],
    );
    return rows.map(toRankable);
  }

  /**
   * Locks the first provider, in the given (ranked) order, that still has a free place.
   * SKIP LOCKED: a provider another transaction is placing a ticket with right now is
   * passed over rather than waited for, so a proposing transaction never waits while
   * holding a provider row (rows it rechecked and found full stay locked until commit;
   * waiting there could deadlock two proposals ranking the same providers differently).
   */
  async lockFirstWithCapacity(manager: EntityManager, rankedIds: string[], type: ServiceType): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM service_provider
        WHERE id = ANY ($1::uuid[]) AND active AND $2 = ANY (service_types) AND active_matches < capacity
        ORDER BY array_position($1::uuid[], id)
        LIMIT 1
          FOR UPDATE SKIP LOCKED`,
      [rankedIds, type],
    );
    return row?.id ?? null;
  }

  /** Whether one of them still has a free place (then the lock attempt only met busy rows). */
  async anyWithCapacity(manager: EntityManager, ids: string[], type: ServiceType): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM service_provider
                       WHERE id = ANY ($1::uuid[]) AND active AND $2 = ANY (service_types) AND active_matches < capacity) AS any`,
      [ids, type],
    );
    return row.any;
  }

  /** Locks these providers in id order (a fixed order: two hand matches cannot deadlock) and answers their capacity rows. */
  async lockInOrder(manager: EntityManager, ids: string[]): Promise<Map<string, CapacityRow>> {
    const rows: { id: string; active: boolean; service_types: ServiceType[]; capacity: number; active_matches: number }[] = await manager.query(
      `SELECT id, active, service_types, capacity, active_matches FROM service_provider WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, active: r.active, serviceTypes: r.service_types, capacity: r.capacity, activeMatches: r.active_matches }]));
  }

  /** Open matches of a provider as the current transaction sees them (after its own trigger updates). */
  async activeMatches(manager: EntityManager, id: string): Promise<number> {
    const [row] = await manager.query(`SELECT active_matches FROM service_provider WHERE id = $1`, [id]);
    return row.active_matches;
  }

  async addRating(manager: EntityManager, id: string, rating: number): Promise<void> {
    await manager.query(`UPDATE service_provider SET rating_sum = rating_sum + $2, rating_count = rating_count + 1 WHERE id = $1`, [id, rating]);
  }
}

function toRankable(r: ProviderRow): RankableProvider {
  return {
    id: r.id,
    active: r.active,
    serviceTypes: r.service_types,
    capacity: r.capacity,
    activeMatches: r.active_matches,
    cities: r.cities,
    province: r.province,
    tags: r.tags,
    ratingSum: r.rating_sum,
    ratingCount: r.rating_count,
  };
}
