import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { TicketActionsService } from '@enterpark/tickets';
import { CurrentActor } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import {
  AcceptTicketRequest,
  AssignTicketRequest,
  CompleteTicketRequest,
  ConfirmTicketRequest,
  ProvideInfoRequest,
  ReasonRequest,
  RecordActivityRequest,
  RequestInfoRequest,
  RerouteTicketRequest,
  ReturnTicketRequest,
} from './ticket-actions.dto';
import { TicketResponder } from './ticket-responder';
import { TicketResponse } from './tickets.dto';

/**
 * The lifecycle actions (`POST /tickets/:id/<action>`), each answering the updated ticket.
 * 404 outside the caller's scope, 403 for a role that may not act, 409 with the current
 * status and the allowed actions when the state machine refuses.
 */
@ApiTags('tickets')
@ApiBearerAuth()
@ApiOkResponse({ type: TicketResponse })
@ApiConflictResponse({ description: 'TICKET_INVALID_TRANSITION: details in `status` and `allowedActions`' })
@Controller('tickets/:id')
export class TicketActionsController {
  constructor(
    private readonly actions: TicketActionsService,
    private readonly responder: TicketResponder,
  ) {}

  @Post('accept')
  @HttpCode(200)
  async accept(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: AcceptTicketRequest): Promise<TicketResponse> {
    const dueAt = body.dueAt ? new Date(body.dueAt) : undefined;
    return this.responder.respond(actor, await this.actions.accept(actor, id, { priority: body.priority, dueAt }));
  }

  @Post('reject')
  @HttpCode(200)
  async reject(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ReasonRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.reject(actor, id, body.reason));
  }

  @Post('request-info')
  @HttpCode(200)
  async requestInfo(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: RequestInfoRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.requestInfo(actor, id, body.question));
  }

  @Post('provide-info')
  @HttpCode(200)
  async provideInfo(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ProvideInfoRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.provideInfo(actor, id, body.answer));
  }

  @Post('return')
  @HttpCode(200)
  async returnTicket(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ReturnTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.returnTicket(actor, id, body));
  }

  @Post('reroute')
  @HttpCode(200)
  async reroute(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: RerouteTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.reroute(actor, id, body));
  }

  @Post('assign')
  @HttpCode(200)
  async assign(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: AssignTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.assign(actor, id, body.assigneeId));
  }

  @Post('activities')
  @HttpCode(200)
  async activities(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: RecordActivityRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.recordActivity(actor, id, { day: body.date, kind: body.kind, notes: body.notes }));
  }

  @Post('complete')
  @HttpCode(200)
  async complete(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: CompleteTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.complete(actor, id, body));
  }

  @Post('confirm')
  @HttpCode(200)
  async confirm(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ConfirmTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.confirm(actor, id, body));
  }

  @Post('cancel')
  @HttpCode(200)
  async cancel(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ReasonRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.cancel(actor, id, body.reason));
  }
}
