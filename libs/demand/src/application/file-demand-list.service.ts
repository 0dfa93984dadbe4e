import { Injectable } from '@nestjs/common';
import { Actor, Clock, InvalidInputError } from '@enterpark/common';
import { pgConstraint, pgErrorCode, TransactionRunner, UNIQUE_VIOLATION } from '@enterpark/database';
import { appendEvents } from '@enterpark/events';
import { IndexTicketTermsService } from '@enterpark/similarity';
import { Ticket, TicketRepository } from '@enterpark/tickets';
import { DemandList, DemandListDraft, fileDemandList, requestHash } from '../domain/demand-list';
import { DemandListForbiddenError, IdempotencyKeyReusedError } from '../demand.errors';
import { DemandListRepository } from '../persistence/demand-list.repository';
import { ZoneRepository } from '../persistence/zone.repository';

export interface FileDemandListInput extends DemandListDraft {
  /** Required from coordinators, refused from zone managers (they file for their own zone). */
  zoneId?: string;
}

export interface FileDemandListResult {
  list: DemandList;
  tickets: Ticket[];
  /** True when an earlier request with the same Idempotency-Key already filed this list. */
  replayed: boolean;
}

/**
 * Intake: the list, one ticket per item, their events and their similarity index entries in
 * ONE transaction, so nothing is accepted that is not stored and nothing stored lacks its
 * event (and every ticket is findable by similar-ticket search as soon as it exists).
 */
@Injectable()
export class FileDemandListService {
  constructor(
    private readonly lists: DemandListRepository,
    private readonly zones: ZoneRepository,
    private readonly tickets: TicketRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly similarity: IndexTicketTermsService,
  ) {}

  async execute(actor: Actor, input: FileDemandListInput, idempotencyKey: string | null): Promise<FileDemandListResult> {
    const zoneId = await this.zoneFor(actor, input.zoneId);
    if (idempotencyKey) {
      const earlier = await this.replay(actor.id, idempotencyKey, zoneId, input);
      if (earlier) return earlier;
    }
    const filed = fileDemandList(zoneId, actor.id, input, idempotencyKey, this.clock.now());
    const indexed = this.similarity.segment(filed.tickets);
    try {
      await this.tx.run(async (manager) => {
        await this.lists.insert(manager, filed.list);
        await this.tickets.insertMany(manager, filed.tickets);
        await appendEvents(manager, filed.events, filed.list.createdAt);
        // Last: its shared term counters stay locked only until the commit that follows.
        await this.similarity.store(manager, indexed);
      });
    } catch (error) {
      // Two concurrent requests with one key: the loser answers with the winner's list.
      if (idempotencyKey && pgErrorCode(error) === UNIQUE_VIOLATION && pgConstraint(error) === 'demand_list_idempotency_key') {
        const earlier = await this.replay(actor.id, idempotencyKey, zoneId, input);
        if (earlier) return earlier;
      }
      throw error;
    }
    return { list: filed.list, tickets: filed.tickets, replayed: false };
  }

  /**
   * The zone a list would be filed for, refused as filing itself refuses it: a zone manager files
   * for their own zone and names none, a coordinator must name an existing zone. A dry run of an
   * import asks this without filing.
   */
  async zoneFor(actor: Actor, zoneId: string | undefined): Promise<string> {
    if (actor.role === 'zone_manager') {
      if (zoneId !== undefined) {
        throw InvalidInputError.field('zoneId', 'forbiddenForZoneManager', '园区管理员只能为本园区提交需求清单，请勿传入 zoneId');
      }
      return actor.zoneId!;
    }
    if (actor.role !== 'coordinator') throw new DemandListForbiddenError();
    if (!zoneId) throw InvalidInputError.field('zoneId', 'required', '协调人提交需求清单时必须指定 zoneId');
    const zone = await this.zones.findById({ kind: 'province' }, zoneId);
    if (!zone) throw InvalidInputError.field('zoneId', 'exists', 'zoneId 对应的园区不存在');
    return zone.id;
  }

  private async replay(filedBy: string, key: string, zoneId: string, draft: DemandListDraft): Promise<FileDemandListResult | null> {
    const list = await this.lists.findByIdempotencyKey(filedBy, key);
    if (!list) return null;
    if (list.requestHash !== requestHash(zoneId, draft)) throw new IdempotencyKeyReusedError();
    return { list, tickets: await this.tickets.listOfDemandList(list.id), replayed: true };
  }
}
