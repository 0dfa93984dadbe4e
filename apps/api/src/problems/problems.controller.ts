import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { ManageProblemsService, ProblemSuggestionsService, ReadProblemsService } from '@enterpark/problems';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { ApiPageResponse, pageOf, PageResponse } from '../http/page.dto';
import {
  CreateProblemRequest,
  ListProblemsQuery,
  ProblemDetailResponse,
  ProblemResponse,
  ProblemSuggestionListResponse,
  ProblemSuggestionsQuery,
  ProblemTicketIdsRequest,
  ResolveProblemRequest,
  toProblemDetailResponse,
  toProblemResponse,
  toSuggestionResponse,
} from './problems.dto';

/**
 * 一类问题归集: coordinators group tickets of many zones into one problem and resolve it once.
 * Readers see a problem when they may read one of its tickets, and only those tickets.
 */
@ApiTags('problems')
@ApiBearerAuth()
@Controller('problems')
export class ProblemsController {
  constructor(
    private readonly read: ReadProblemsService,
    private readonly manage: ManageProblemsService,
    private readonly suggestions: ProblemSuggestionsService,
  ) {}

  @Post()
  @Roles('coordinator')
  @ApiCreatedResponse({ type: ProblemDetailResponse })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateProblemRequest): Promise<ProblemDetailResponse> {
    return toProblemDetailResponse(await this.manage.create(actor, body));
  }

  @Get()
  @ApiPageResponse(ProblemResponse)
  @ApiOperation({ summary: 'Problems the caller may see, newest first, with their tickets counted by zone and type' })
  async list(@CurrentActor() actor: Actor, @Query() query: ListProblemsQuery): Promise<PageResponse<ProblemResponse>> {
    const page = await this.read.list(actor, { status: query.status }, pageOf(query));
    return { items: page.items.map(toProblemResponse), nextCursor: page.nextCursor };
  }

  @Get('suggestions')
  @Roles('coordinator', 'viewer')
  @ApiOperation({ summary: 'Clusters of open similar tickets from at least two zones, none in a problem yet' })
  @ApiOkResponse({ type: ProblemSuggestionListResponse })
  async suggest(@CurrentActor() actor: Actor, @Query() query: ProblemSuggestionsQuery): Promise<ProblemSuggestionListResponse> {
    return { items: (await this.suggestions.suggest(actor, query.limit)).map(toSuggestionResponse) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ProblemDetailResponse })
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ProblemDetailResponse> {
    return toProblemDetailResponse(await this.read.get(actor, id));
  }

  @Post(':id/tickets')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: ProblemDetailResponse })
  async addTickets(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ProblemTicketIdsRequest): Promise<ProblemDetailResponse> {
    return toProblemDetailResponse(await this.manage.addTickets(actor, id, body.ticketIds));
  }

  @Delete(':id/tickets/:ticketId')
  @Roles('coordinator')
  @ApiOkResponse({ type: ProblemDetailResponse })
  async removeTicket(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('ticketId', IdPipe) ticketId: string): Promise<ProblemDetailResponse> {
    return toProblemDetailResponse(await this.manage.removeTicket(actor, id, ticketId));
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Resolve the problem: the resolution goes onto every linked ticket, and each linked zone\'s managers get one email' })
  @ApiOkResponse({ type: ProblemDetailResponse })
  async resolve(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ResolveProblemRequest): Promise<ProblemDetailResponse> {
    return toProblemDetailResponse(await this.manage.resolve(actor, id, body.resolution));
  }
}
