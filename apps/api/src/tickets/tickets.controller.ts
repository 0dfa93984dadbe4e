import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, scopeOf } from '@enterpark/common';
import { ReadTicketsService } from '@enterpark/tickets';
import { CurrentActor } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { pageOf } from '../http/page.dto';
import { ActivityListResponse, ListTicketsQuery, toActivityResponse, TicketPageResponse, TicketWithHistoryResponse, toHistoryResponse, toTicketResponse } from './tickets.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: ReadTicketsService) {}

  @Get()
  @ApiOkResponse({ type: TicketPageResponse })
  async list(@CurrentActor() actor: Actor, @Query() query: ListTicketsQuery): Promise<TicketPageResponse> {
    const { limit, cursor, ...filter } = query;
    const page = await this.tickets.list(scopeOf(actor), filter, pageOf({ limit, cursor }));
    return { items: page.items.map((t) => toTicketResponse(t, actor)), nextCursor: page.nextCursor };
  }

  @Get(':id/activities')
  @ApiOkResponse({ type: ActivityListResponse })
  async activities(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ActivityListResponse> {
    const items = await this.tickets.activities(scopeOf(actor), id);
    return { items: items.map(toActivityResponse) };
  }

  @Get(':id')
  @ApiOkResponse({ type: TicketWithHistoryResponse })
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TicketWithHistoryResponse> {
    const { ticket, history } = await this.tickets.get(scopeOf(actor), id);
    return { ...toTicketResponse(ticket, actor), history: history.map(toHistoryResponse) };
  }
}
