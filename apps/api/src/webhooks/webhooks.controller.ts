import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { ManageWebhooksService, RegisterWebhookService } from '@enterpark/webhooks';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { pageOf, PageQuery } from '../http/page.dto';
import {
  RegisteredWebhookResponse,
  RegisterWebhookRequest,
  toWebhookDeliveryResponse,
  toWebhookEndpointResponse,
  WebhookDeliveriesQuery,
  WebhookDeliveryPageResponse,
  WebhookEndpointPageResponse,
} from './webhooks.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('coordinator')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly register: RegisterWebhookService,
    private readonly manage: ManageWebhooksService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to event types',
    description: 'Deliveries are signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature). The secret is shown only in this answer.',
  })
  @ApiCreatedResponse({ type: RegisteredWebhookResponse })
  async create(@CurrentActor() actor: Actor, @Body() body: RegisterWebhookRequest): Promise<RegisteredWebhookResponse> {
    const { endpoint, secret } = await this.register.execute(actor, body);
    return { ...toWebhookEndpointResponse(endpoint), secret };
  }

  @Get()
  @ApiOkResponse({ type: WebhookEndpointPageResponse })
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<WebhookEndpointPageResponse> {
    const page = await this.manage.list(actor, pageOf(query));
    return { items: page.items.map(toWebhookEndpointResponse), nextCursor: page.nextCursor };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop delivering to an endpoint', description: 'Waiting deliveries are cancelled; the deliveries log is kept.' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<void> {
    await this.manage.remove(actor, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The deliveries log of an endpoint, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  async deliveries(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Query() query: WebhookDeliveriesQuery): Promise<WebhookDeliveryPageResponse> {
    const page = await this.manage.deliveries(actor, id, pageOf(query), query.status ?? null);
    return { items: page.items.map(toWebhookDeliveryResponse), nextCursor: page.nextCursor };
  }
}
