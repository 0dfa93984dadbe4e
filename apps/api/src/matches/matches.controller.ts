import { Body, Controller, Get, HttpCode, Param, Post, Query, UnauthorizedException } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, scopeOf } from '@enterpark/common';
import { Answerer, AnswerMatchService, ManualMatchService, ReadMatchesService } from '@enterpark/matching';
import { CurrentActor, OptionalAuth } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { TicketResponder } from '../tickets/ticket-responder';
import { TicketResponse } from '../tickets/tickets.dto';
import {
  DeclineMatchRequest,
  ManualMatchRequest,
  MatchLinkQuery,
  MatchResponse,
  TicketMatchListResponse,
  toMatchResponse,
  toTicketMatchResponse,
} from './matches.dto';

/**
 * One-to-one matching over HTTP: a ticket's proposals and matches, matching by hand, and
 * the provider's answer (desk staff on its behalf with a bearer token, or the provider
 * itself with the signed link it was sent, `?token=`).
 */
@ApiTags('matches')
@ApiBearerAuth()
@Controller()
export class MatchesController {
  constructor(
    private readonly answers: AnswerMatchService,
    private readonly manual: ManualMatchService,
    private readonly reads: ReadMatchesService,
    private readonly responder: TicketResponder,
  ) {}

  @Get('tickets/:id/matches')
  @ApiOkResponse({ type: TicketMatchListResponse })
  async list(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TicketMatchListResponse> {
    return { items: (await this.reads.ofTicket(scopeOf(actor), id)).map(toTicketMatchResponse) };
  }

  @Post('tickets/:id/match')
  @HttpCode(200)
  @ApiOkResponse({ type: TicketResponse })
  @ApiBadRequestResponse({ description: 'PROVIDER_NOT_ELIGIBLE: providerId unknown, inactive or not serving the type' })
  @ApiConflictResponse({ description: 'PROVIDER_AT_CAPACITY, or TICKET_INVALID_TRANSITION (only from triaged or matching)' })
  async match(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ManualMatchRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.manual.match(actor, id, body.providerId));
  }

  @Post('matches/:id/accept')
  @OptionalAuth()
  @HttpCode(200)
  @ApiOkResponse({ type: MatchResponse })
  @ApiForbiddenResponse({ description: 'MATCH_LINK_INVALID (forged, tampered or another match\'s token), or a role that cannot answer' })
  @ApiConflictResponse({ description: 'MATCH_ALREADY_ANSWERED (a link works once), MATCH_PROPOSAL_EXPIRED, TICKET_INVALID_TRANSITION' })
  async accept(@CurrentActor() actor: Actor | undefined, @Param('id', IdPipe) id: string, @Query() query: MatchLinkQuery): Promise<MatchResponse> {
    return toMatchResponse(await this.answers.accept(answererOf(actor, query), id));
  }

  @Post('matches/:id/decline')
  @OptionalAuth()
  @HttpCode(200)
  @ApiOkResponse({ type: MatchResponse })
  @ApiForbiddenResponse({ description: 'MATCH_LINK_INVALID, or a role that cannot answer' })
  @ApiConflictResponse({ description: 'MATCH_ALREADY_ANSWERED, MATCH_PROPOSAL_EXPIRED, TICKET_INVALID_TRANSITION' })
  async decline(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', IdPipe) id: string,
    @Query() query: MatchLinkQuery,
    @Body() body: DeclineMatchRequest,
  ): Promise<MatchResponse> {
    return toMatchResponse(await this.answers.decline(answererOf(actor, query), id, body.reason));
  }
}

/** The link speaks for the provider whoever sends it; without one, only a signed-in staff member may answer. */
function answererOf(actor: Actor | undefined, query: MatchLinkQuery): Answerer {
  if (query.token !== undefined) return { kind: 'link', token: query.token };
  if (actor) return { kind: 'staff', actor };
  throw new UnauthorizedException('缺少有效的访问令牌或答复链接');
}
