import { Controller, Get, MessageEvent, Param, Query, Sse, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Actor, Clock, scopeOf, shanghaiDay } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { SimilarTicketsService } from '@enterpark/similarity';
import { ReadTicketsService } from '@enterpark/tickets';
import { ErrorResponse } from '../errors/error-body';
import { XLSX_TYPE, xlsxDownload } from '../xlsx/xlsx-stream';
import { CurrentActor, QueryTokenAuth, TokenExpiresAt, TokenVersion } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { pageOf } from '../http/page.dto';
import { SimilarTicketListResponse, SimilarTicketsQuery, toSimilarTicketResponse } from './similar-tickets.dto';
import { TicketFilters } from './ticket-filter';
import { exportedTickets, ExportTooLargeError, ticketColumns } from './ticket-export';
import { TicketStreamHub } from './ticket-stream.hub';
import { ActivityListResponse, ExportTicketsQuery, ListTicketsQuery, TicketStreamQuery, toActivityResponse, TicketPageResponse, TicketWithHistoryResponse, toHistoryResponse, toTicketResponse } from './tickets.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: ReadTicketsService,
    private readonly live: TicketStreamHub,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly similar: SimilarTicketsService,
    private readonly filters: TicketFilters,
  ) {}

  @Get()
  @ApiOkResponse({ type: TicketPageResponse })
  async list(@CurrentActor() actor: Actor, @Query() query: ListTicketsQuery): Promise<TicketPageResponse> {
    const { limit, cursor, ...filters } = query;
    const page = await this.tickets.list(scopeOf(actor), await this.filters.of(filters), pageOf({ limit, cursor }));
    return { items: page.items.map((t) => toTicketResponse(t, actor)), nextCursor: page.nextCursor };
  }

  @Get('export.xlsx')
  @ApiOperation({
    summary: 'The tickets GET /tickets lists, as an Excel workbook',
    description:
      'Same filters and scope as GET /tickets, every matching ticket (no paging), streamed; Chinese headers and names, times in Asia/Shanghai. ' +
      'At most EXPORT_MAX_ROWS (100,000) tickets: a filter matching more answers 422 EXPORT_TOO_LARGE.',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'an .xlsx workbook', schema: { type: 'string', format: 'binary' } })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'more tickets match than one export holds: narrow the filters' })
  async export(@CurrentActor() actor: Actor, @Query() query: ExportTicketsQuery): Promise<StreamableFile> {
    const scope = scopeOf(actor);
    const filter = await this.filters.of(query);
    const max = this.config.exportMaxRows;
    const count = await this.tickets.count(scope, filter);
    if (count > max) throw new ExportTooLargeError(count, max);
    const day = shanghaiDay(this.clock.now());
    const notes: string[] = [];
    const rows = exportedTickets(this.tickets, scope, filter, max, notes);
    return xlsxDownload(`工单-${day}.xlsx`, `tickets-${day}.xlsx`, [{ name: '工单', columns: ticketColumns(actor), rows, notes }]);
  }

  @Sse('stream')
  @QueryTokenAuth()
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Live ticket events (server-sent events)',
    description:
      'Each event of a ticket the caller may see (scoped exactly like GET /tickets) as `data: {"type","ticketId","at"}`, within about a second; ' +
      'a `: heartbeat` comment keeps an idle stream open. EventSource cannot send headers: pass the token as `?access_token=`. ' +
      'The stream ends when the token expires, or within TOKEN_CHECK_CACHE_MS + TICKET_STREAM_HEARTBEAT_MS once the account is deactivated or changed; a user may hold TICKET_STREAM_MAX_PER_USER streams per API process.',
  })
  @ApiOkResponse({ description: 'text/event-stream' })
  @ApiTooManyRequestsResponse({ description: 'the user already holds the most streams allowed' })
  stream(@CurrentActor() actor: Actor, @TokenVersion() version: number, @TokenExpiresAt() until: Date, @Query() _query: TicketStreamQuery): Promise<Observable<MessageEvent>> {
    return this.live.open(actor, version, until);
  }

  @Get(':id/activities')
  @ApiOkResponse({ type: ActivityListResponse })
  async activities(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ActivityListResponse> {
    const items = await this.tickets.activities(scopeOf(actor), id);
    return { items: items.map(toActivityResponse) };
  }

  @Get(':id/similar')
  @ApiOperation({
    summary: 'Tickets like this one, across zones',
    description:
      'The other tickets whose demand (title, description, tags) is most like this one, of any zone and type, best first, ' +
      'among those the caller may read (desk staff: their desks), at or above a similarity floor. ' +
      'Desk staff of the ticket\'s desk, coordinators and viewers; a zone manager gets 403.',
  })
  @ApiOkResponse({ type: SimilarTicketListResponse })
  @ApiForbiddenResponse({ description: 'zone managers: the answers would name other zones\' tickets' })
  async similarTo(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Query() query: SimilarTicketsQuery): Promise<SimilarTicketListResponse> {
    const items = await this.similar.forTicket(actor, id, query.limit);
    return { items: items.map(toSimilarTicketResponse) };
  }

  @Get(':id')
  @ApiOkResponse({ type: TicketWithHistoryResponse })
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TicketWithHistoryResponse> {
    const { ticket, history } = await this.tickets.get(scopeOf(actor), id);
    return { ...toTicketResponse(ticket, actor), history: history.map(toHistoryResponse) };
  }
}
