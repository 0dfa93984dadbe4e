import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { TemplatesService, TemplateUseService } from '@enterpark/templates';
import { ErrorResponse } from '../errors/error-body';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { ApiPageResponse, pageOf, PageResponse } from '../http/page.dto';
import {
  CreateTemplateRequest,
  ListTemplatesQuery,
  SuggestedTemplateListResponse,
  SuggestTemplatesQuery,
  TemplateResponse,
  TemplateUseResponse,
  toSuggestedTemplateResponse,
  toTemplateResponse,
  UpdateTemplateRequest,
} from './templates.dto';

/** 经验模板: closed, well-rated tickets written up for the next desk clerk. Zone managers get 403. */
@ApiTags('templates')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Post()
  @Roles('desk_staff', 'coordinator')
  @ApiOperation({ summary: 'A draft template from a closed ticket rated at least 4 (desk staff of its desk, coordinators)' })
  @ApiCreatedResponse({ type: TemplateResponse })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'TEMPLATE_SOURCE_NOT_ELIGIBLE: the ticket is not closed or rated below 4' })
  async create(@CurrentActor() actor: Actor, @Body() body: CreateTemplateRequest): Promise<TemplateResponse> {
    return toTemplateResponse(await this.templates.create(actor, body.fromTicketId.toLowerCase()));
  }

  @Get()
  @Roles('desk_staff', 'coordinator', 'viewer')
  @ApiPageResponse(TemplateResponse)
  async list(@CurrentActor() actor: Actor, @Query() query: ListTemplatesQuery): Promise<PageResponse<TemplateResponse>> {
    const page = await this.templates.list(actor, { type: query.type, status: query.status, q: query.q }, pageOf(query));
    return { items: page.items.map(toTemplateResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('desk_staff', 'coordinator', 'viewer')
  @ApiOkResponse({ type: TemplateResponse })
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TemplateResponse> {
    return toTemplateResponse(await this.templates.get(actor, id));
  }

  @Patch(':id')
  @Roles('desk_staff', 'coordinator')
  @ApiOperation({ summary: 'Edit or publish a template (its owner or a coordinator)' })
  @ApiOkResponse({ type: TemplateResponse })
  async update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: UpdateTemplateRequest): Promise<TemplateResponse> {
    return toTemplateResponse(await this.templates.update(actor, id, body));
  }
}

@ApiTags('templates')
@ApiBearerAuth()
@Controller('tickets')
export class TicketTemplatesController {
  constructor(private readonly use: TemplateUseService) {}

  @Get(':id/templates')
  @Roles('desk_staff', 'coordinator', 'viewer')
  @ApiOperation({ summary: 'The published templates most like this ticket\'s demand, best first (scoped like GET /tickets/{id})' })
  @ApiOkResponse({ type: SuggestedTemplateListResponse })
  async suggest(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Query() query: SuggestTemplatesQuery): Promise<SuggestedTemplateListResponse> {
    return { items: (await this.use.suggest(actor, id, query.limit)).map(toSuggestedTemplateResponse) };
  }

  @Post(':id/templates/:templateId/use')
  @HttpCode(200)
  @Roles('desk_staff', 'coordinator')
  @ApiOperation({ summary: 'Record that this ticket uses the template: once per ticket and template, with a ticket event' })
  @ApiOkResponse({ type: TemplateUseResponse })
  async record(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('templateId', IdPipe) templateId: string): Promise<TemplateUseResponse> {
    const { template, recorded } = await this.use.use(actor, id, templateId);
    return { template: toTemplateResponse(template), recorded };
  }
}
