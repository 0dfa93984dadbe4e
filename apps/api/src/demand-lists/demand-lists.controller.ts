import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, scopeOf } from '@enterpark/common';
import { FileDemandListService, ReadDemandListsService } from '@enterpark/demand';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { pageOf } from '../http/page.dto';
import { idempotencyKey } from './idempotency-key';
import {
  DemandListPageResponse, DemandListWithTicketsResponse, FileDemandListRequest, ListDemandListsQuery, toDemandListResponse, toDemandListWithTickets,
} from './demand-lists.dto';

@ApiTags('demand-lists')
@ApiBearerAuth()
@Controller('demand-lists')
export class DemandListsController {
  constructor(
    private readonly fileDemandList: FileDemandListService,
    private readonly demandLists: ReadDemandListsService,
  ) {}

  @Post()
  @Roles('zone_manager', 'coordinator')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key and body answers the same list' })
  @ApiCreatedResponse({ type: DemandListWithTicketsResponse })
  async file(
    @CurrentActor() actor: Actor,
    @Body() body: FileDemandListRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DemandListWithTicketsResponse> {
    const result = await this.fileDemandList.execute(actor, body, idempotencyKey(key));
    if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
    const [list] = await this.demandLists.views(scopeOf(actor), [result.list]);
    return toDemandListWithTickets(list, result.tickets);
  }

  @Get()
  @ApiOkResponse({ type: DemandListPageResponse })
  async list(@CurrentActor() actor: Actor, @Query() query: ListDemandListsQuery): Promise<DemandListPageResponse> {
    const page = await this.demandLists.list(scopeOf(actor), { zoneId: query.zoneId }, pageOf(query));
    return { items: page.items.map(toDemandListResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: DemandListWithTicketsResponse })
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<DemandListWithTicketsResponse> {
    const { list, tickets } = await this.demandLists.get(scopeOf(actor), id);
    return toDemandListWithTickets(list, tickets);
  }
}
