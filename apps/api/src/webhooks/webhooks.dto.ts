import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EVENT_NAMES, EventName } from '@enterpark/events';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_LIMITS, WEBHOOK_URL_MAX_LENGTH, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '@enterpark/webhooks';
import { PageQuery } from '../http/page.dto';
import { IsBoundedText, NoNulCharacter } from '../http/validators';

export class RegisterWebhookRequest {
  @ApiProperty({ example: 'https://hooks.example.cn/enterpark', maxLength: WEBHOOK_URL_MAX_LENGTH, description: 'https:// or http://; no credentials; must resolve to a public address' })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  @NoNulCharacter()
  url: string;

  @ApiProperty({ enum: EVENT_NAMES, isArray: true, example: ['ticket.submitted', 'ticket.closed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_LIMITS.maxEvents)
  @IsIn(EVENT_NAMES, { each: true })
  events: EventName[];

  @ApiPropertyOptional({ maxLength: 200, example: '园区数据中台' })
  @IsOptional()
  @IsBoundedText(200)
  description?: string;
}

export class WebhookDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;
}

export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: EVENT_NAMES, isArray: true }) events: EventName[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: ['active', 'disabled'], description: 'disabled: the receiver answered 410 Gone' }) status: 'active' | 'disabled';
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdAt: string;
}

export class RegisteredWebhookResponse extends WebhookEndpointResponse {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Standard Webhooks signing secret; shown only in this answer' })
  secret: string;
}

export class WebhookEndpointPageResponse {
  @ApiProperty({ type: [WebhookEndpointResponse] }) items: WebhookEndpointResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'also the webhook-id header' }) eventId: string;
  @ApiProperty({ enum: EVENT_NAMES }) eventType: EventName;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status: WebhookDeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'first 1 KB of the last response body' }) lastResponse: string | null;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}

export class WebhookDeliveryPageResponse {
  @ApiProperty({ type: [WebhookDeliveryResponse] }) items: WebhookDeliveryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toWebhookEndpointResponse(e: WebhookEndpoint): WebhookEndpointResponse {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    description: e.description,
    status: e.status,
    disabledReason: e.disabledReason,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toWebhookDeliveryResponse(d: WebhookDelivery): WebhookDeliveryResponse {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventName,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastResponse: d.lastResponse,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
  };
}
