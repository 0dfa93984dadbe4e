import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Actor, SERVICE_TYPE_LABELS, SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { SlaStage, TicketPriority } from '@enterpark/events';
import {
  Activity, ACTIVITY_KINDS, ActivityKind, allowedActionsFor, NamedTicket, TicketHistoryEntry, TICKET_PRIORITIES, TICKET_STATUSES, TicketStatus, USER_ACTIONS, UserAction,
} from '@enterpark/tickets';
import { PageQuery } from '../http/page.dto';
import { NoNulCharacter } from '../http/validators';

export class ListTicketsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) @IsOptional() @IsIn(SERVICE_TYPES) type?: ServiceType;
  @ApiPropertyOptional({ enum: TICKET_STATUSES }) @IsOptional() @IsIn(TICKET_STATUSES) status?: TicketStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() zoneId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() demandListId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'past the desired date and not finished' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'words in the title, description or tags (every word, as the Chinese segmenter cuts them); a text with no indexable word (one character, a stop word such as 园区) is matched as a substring of title or description',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NoNulCharacter()
  q?: string;
}

/** The filters of GET /tickets, without its paging: an export holds every ticket they match. */
export class ExportTicketsQuery extends OmitType(ListTicketsQuery, ['limit', 'cursor'] as const) {}

export class TicketStreamQuery {
  @ApiPropertyOptional({ description: 'the access token, for EventSource (which cannot send an Authorization header); redacted from logs' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  access_token?: string;
}

export class TicketHistoryResponse {
  @ApiProperty({ example: 'ticket.routed' }) type: string;
  @ApiProperty() at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'who acted; null for the system (or a provider through its link)' }) actorName: string | null;
  @ApiProperty({ type: Object }) data: unknown;
}

export class TicketSlaResponse {
  @ApiProperty({ enum: ['triage', 'matching', 'service'], nullable: true }) stage: SlaStage | null;
  @ApiProperty({ nullable: true, type: String, description: 'null while a stage runs: the calendar lacks the year' }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'reminder to the assignee (催办)' }) breachedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'escalated to coordinators (督办)' }) escalatedAt: string | null;
  @ApiProperty() breaches: number;
}

export class TicketResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) demandListId: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ example: '合肥经开区' }) zoneName: string;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-31' }) desiredBy: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ nullable: true, type: String, description: 'who at the zone the desk calls (联系人); null for viewers, who never call' }) contactName: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the contact's phone (联系电话); null for viewers" }) contactPhone: string | null;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty({ enum: SERVICE_TYPES, nullable: true }) desk: ServiceType | null;
  @ApiProperty({ nullable: true, type: String, example: '金融进园区', description: "the desk's Chinese name" }) deskName: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) routedAt: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ enum: TICKET_PRIORITIES, nullable: true }) priority: TicketPriority | null;
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) matchedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) firstActivityAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the provider that accepted (set from matched on)' }) providerId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the provider of the open match (proposed: awaiting its answer; accepted), else the one that served the ticket' })
  providerName: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: Number }) rating: number | null;
  @ApiProperty({ description: '1, +1 for each reopening' }) round: number;
  @ApiProperty() activityCount: number;
  @ApiProperty({ nullable: true, type: String, description: 'no provider left: waiting for a coordinator to match by hand' }) matchingEscalatedAt: string | null;
  @ApiProperty({ type: () => TicketSlaResponse }) sla: TicketSlaResponse;
  @ApiProperty({
    enum: USER_ACTIONS,
    isArray: true,
    description: 'what the caller may do next: the status, their role and their reach (zone or desks); empty for viewers',
  })
  allowedActions: UserAction[];
}

export class TicketWithHistoryResponse extends TicketResponse {
  @ApiProperty({ type: [TicketHistoryResponse] }) history: TicketHistoryResponse[];
}

export class TicketPageResponse {
  @ApiProperty({ type: [TicketResponse] }) items: TicketResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** A ticket as `actor` sees it: the actions are theirs. */
export function toTicketResponse(t: NamedTicket, actor: Actor): TicketResponse {
  return {
    id: t.id,
    demandListId: t.demandListId,
    zoneId: t.zoneId,
    zoneName: t.zoneName,
    seq: t.seq,
    type: t.type,
    title: t.title,
    description: t.description,
    desiredBy: t.desiredBy,
    tags: t.tags,
    ...contactFor(actor, t),
    status: t.status,
    desk: t.desk,
    deskName: t.desk ? SERVICE_TYPE_LABELS[t.desk] : null,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    routedAt: iso(t.routedAt),
    updatedAt: t.updatedAt.toISOString(),
    priority: t.priority,
    dueAt: iso(t.dueAt),
    acceptedAt: iso(t.acceptedAt),
    matchedAt: iso(t.matchedAt),
    firstActivityAt: iso(t.firstActivityAt),
    completedAt: iso(t.completedAt),
    closedAt: iso(t.closedAt),
    providerId: t.providerId,
    providerName: t.providerName,
    outcome: t.outcome,
    rating: t.rating,
    round: t.round,
    activityCount: t.activityCount,
    matchingEscalatedAt: iso(t.matchingEscalatedAt),
    sla: { stage: t.slaStage, dueAt: iso(t.slaDueAt), breachedAt: iso(t.slaBreachedAt), escalatedAt: iso(t.slaEscalatedAt), breaches: t.slaBreaches },
    allowedActions: allowedActionsFor(actor, t),
  };
}

/**
 * The zone's contact is for the people who deal with the ticket: its zone, its desk and the
 * coordinators (anyone else never reaches the ticket at all). Leadership reads figures and never
 * calls, so a viewer does not get a person's phone number.
 */
export function seesContact(actor: Actor): boolean {
  return actor.role !== 'viewer';
}

function contactFor(actor: Actor, t: NamedTicket): { contactName: string | null; contactPhone: string | null } {
  return seesContact(actor) ? { contactName: t.contactName, contactPhone: t.contactPhone } : { contactName: null, contactPhone: null };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

export function toHistoryResponse(h: TicketHistoryEntry): TicketHistoryResponse {
  return { type: h.type, at: h.at.toISOString(), actorId: h.actorId, actorName: h.actorName, data: h.data };
}

export class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-11-20' }) date: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
  @ApiProperty() notes: string;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty() recordedAt: string;
}

export class ActivityListResponse {
  @ApiProperty({ type: [ActivityResponse] }) items: ActivityResponse[];
}

export function toActivityResponse(a: Activity): ActivityResponse {
  return { id: a.id, date: a.day, kind: a.kind, notes: a.notes, recordedBy: a.recordedBy, recordedAt: a.recordedAt.toISOString() };
}
