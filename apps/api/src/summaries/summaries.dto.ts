import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { DemandListSummary, StageDuration, TicketSummary } from '@enterpark/events';
import { StoredDemandListSummary, StoredTicketSummary } from '@enterpark/summaries';

class NamedRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class StageDurationResponse implements StageDuration {
  @ApiProperty({ nullable: true, type: Number, description: 'working days of the official calendar (fractional); null when the calendar lacks the year' })
  workingDays: number | null;
  @ApiProperty({ description: 'wall-clock hours' }) hours: number;
}

class TimelineResponse {
  @ApiProperty() filedAt: string;
  @ApiProperty({ nullable: true, type: String }) routedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) matchedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) firstActivityAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
}

class DurationsResponse {
  @ApiProperty({ type: StageDurationResponse, nullable: true, description: 'filed → routed' }) toRoute: StageDuration | null;
  @ApiProperty({ type: StageDurationResponse, nullable: true, description: 'routed → accepted' }) toAccept: StageDuration | null;
  @ApiProperty({ type: StageDurationResponse, nullable: true, description: 'accepted → matched' }) toMatch: StageDuration | null;
  @ApiProperty({ type: StageDurationResponse, nullable: true, description: 'matched → completed' }) toComplete: StageDuration | null;
  @ApiProperty({ type: StageDurationResponse, nullable: true, description: 'completed → closed' }) toClose: StageDuration | null;
  @ApiProperty({ type: StageDurationResponse, nullable: true, description: 'filed → closed (or completed)' }) total: StageDuration | null;
}

export class TicketSummaryBody implements TicketSummary {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) demandListId: string;
  @ApiProperty({ type: NamedRef }) zone: NamedRef;
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SERVICE_TYPES, nullable: true }) desk: ServiceType | null;
  @ApiProperty({ type: NamedRef, nullable: true }) assignee: NamedRef | null;
  @ApiProperty({ type: NamedRef, nullable: true }) provider: NamedRef | null;
  @ApiProperty() round: number;
  @ApiProperty({ type: TimelineResponse }) timeline: TimelineResponse;
  @ApiProperty({ type: DurationsResponse }) durations: DurationsResponse;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty() activities: number;
  @ApiProperty({ nullable: true, type: Number, minimum: 1, maximum: 5 }) rating: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) solved: boolean | null;
  @ApiProperty() slaBreached: boolean;
  @ApiProperty() slaBreaches: number;
}

export class TicketSummaryResponse {
  @ApiProperty({ enum: ['completed', 'closed'], description: 'closed once the zone confirmed it solved' }) kind: 'completed' | 'closed';
  @ApiProperty() round: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: TicketSummaryBody }) summary: TicketSummary;
}

class MedianWorst {
  @ApiProperty({ nullable: true, type: Number }) median: number | null;
  @ApiProperty({ nullable: true, type: Number }) worst: number | null;
}

class OutcomeCounts {
  @ApiProperty() closed: number;
  @ApiProperty() rejected: number;
  @ApiProperty() cancelled: number;
}

export class DemandListSummaryBody implements DemandListSummary {
  @ApiProperty({ format: 'uuid' }) demandListId: string;
  @ApiProperty({ type: NamedRef }) zone: NamedRef;
  @ApiProperty() title: string;
  @ApiProperty() filedAt: string;
  @ApiProperty() completedAt: string;
  @ApiProperty() tickets: number;
  @ApiProperty({ type: Object, example: { finance: 2, media: 1 } }) byType: Partial<Record<ServiceType, number>>;
  @ApiProperty({ type: OutcomeCounts }) byOutcome: OutcomeCounts;
  @ApiProperty({ type: MedianWorst, description: 'accepted → matched, in working days' }) workingDaysToMatch: MedianWorst;
  @ApiProperty({ type: MedianWorst, description: 'matched → completed, in working days' }) workingDaysToComplete: MedianWorst;
  @ApiProperty({ nullable: true, type: Number }) averageRating: number | null;
  @ApiProperty() ratedTickets: number;
  @ApiProperty() slaBreachedTickets: number;
}

export class DemandListSummaryResponse {
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: DemandListSummaryBody }) summary: DemandListSummary;
}

export function toTicketSummaryResponse(s: StoredTicketSummary): TicketSummaryResponse {
  return { kind: s.kind, round: s.round, createdAt: s.createdAt.toISOString(), summary: s.summary };
}

export function toDemandListSummaryResponse(s: StoredDemandListSummary): DemandListSummaryResponse {
  return { createdAt: s.createdAt.toISOString(), summary: s.summary };
}
