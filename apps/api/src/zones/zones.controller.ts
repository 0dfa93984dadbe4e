import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, scopeOf } from '@enterpark/common';
import { ManageZonesService } from '@enterpark/demand';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { ApiPageResponse, PageQuery, pageOf, PageResponse } from '../http/page.dto';
import { CreateZoneRequest, toZoneResponse, ZoneResponse } from './zones.dto';

@ApiTags('zones')
@ApiBearerAuth()
@Controller('zones')
export class ZonesController {
  constructor(private readonly zones: ManageZonesService) {}

  @Post()
  @Roles('coordinator')
  @ApiCreatedResponse({ type: ZoneResponse })
  async create(@Body() body: CreateZoneRequest): Promise<ZoneResponse> {
    return toZoneResponse(await this.zones.create(body));
  }

  @Get()
  @ApiPageResponse(ZoneResponse)
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<PageResponse<ZoneResponse>> {
    const page = await this.zones.list(scopeOf(actor), pageOf(query));
    return { items: page.items.map(toZoneResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: ZoneResponse })
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ZoneResponse> {
    return toZoneResponse(await this.zones.get(scopeOf(actor), id));
  }
}
