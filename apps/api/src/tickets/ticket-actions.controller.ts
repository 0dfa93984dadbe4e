import { applyDecorators, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { TicketActionsService } from '@enterpark/tickets';
import { CurrentActor } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { deadlineOf } from '../http/validators';
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

/** `POST /tickets/:id/<path>` answering 200 with the updated ticket (a method-level 200 would hide a class-level one). */
const TicketAction = (path: string) => applyDecorators(Post(path), HttpCode(200), ApiOkResponse({ type: TicketResponse }));

/**
 * The lifecycle actions (`POST /tickets/:id/<action>`), each answering the updated ticket.
 * 404 outside the caller's scope, 403 for a role that may not act, 409 with the current
 * status and the allowed actions when the state machine refuses.
 */
@ApiTags('tickets')
@ApiBearerAuth()
@ApiConflictResponse({ description: 'TICKET_INVALID_TRANSITION: details in `status` and `allowedActions`' })
@Controller('tickets/:id')
export class TicketActionsController {
  constructor(
    private readonly actions: TicketActionsService,
    private readonly responder: TicketResponder,
  ) {}

  @TicketAction('accept')
  async accept(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: AcceptTicketRequest): Promise<TicketResponse> {
    const dueAt = body.dueAt ? deadlineOf(body.dueAt) : undefined;
    return this.responder.respond(actor, await this.actions.accept(actor, id, { priority: body.priority, dueAt }));
  }

  @TicketAction('reject')
  async reject(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ReasonRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.reject(actor, id, body.reason));
  }

  @TicketAction('request-info')
  async requestInfo(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: RequestInfoRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.requestInfo(actor, id, body.question));
  }

  @TicketAction('provide-info')
  async provideInfo(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ProvideInfoRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.provideInfo(actor, id, body.answer));
  }

  @TicketAction('return')
  async returnTicket(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ReturnTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.returnTicket(actor, id, body));
  }

  @TicketAction('reroute')
  async reroute(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: RerouteTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.reroute(actor, id, body));
  }

  @TicketAction('assign')
  async assign(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: AssignTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.assign(actor, id, body.assigneeId));
  }

  @TicketAction('activities')
  async activities(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: RecordActivityRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.recordActivity(actor, id, { day: body.date, kind: body.kind, notes: body.notes }));
  }

  @TicketAction('complete')
  async complete(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: CompleteTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.complete(actor, id, body));
  }

  @TicketAction('confirm')
  async confirm(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ConfirmTicketRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.confirm(actor, id, body));
  }

  @TicketAction('cancel')
  async cancel(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: ReasonRequest): Promise<TicketResponse> {
    return this.responder.respond(actor, await this.actions.cancel(actor, id, body.reason));
  }
}
