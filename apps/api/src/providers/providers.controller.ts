import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ManageProvidersService } from '@enterpark/matching';
import { Roles } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { ApiPageResponse, pageOf, PageResponse } from '../http/page.dto';
import { CreateProviderRequest, ListProvidersQuery, ProviderResponse, toProviderResponse, UpdateProviderRequest } from './providers.dto';

@ApiTags('providers')
@ApiBearerAuth()
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ManageProvidersService) {}

  @Post()
  @Roles('coordinator')
  @ApiCreatedResponse({ type: ProviderResponse })
  async create(@Body() body: CreateProviderRequest): Promise<ProviderResponse> {
    return toProviderResponse(await this.providers.create(body));
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiOkResponse({ type: ProviderResponse })
  async update(@Param('id', IdPipe) id: string, @Body() body: UpdateProviderRequest): Promise<ProviderResponse> {
    return toProviderResponse(await this.providers.update(id, body));
  }

  /** Staff pick providers; zone managers do not browse the provider pool. */
  @Get()
  @ApiPageResponse(ProviderResponse)
  @Roles('coordinator', 'desk_staff', 'viewer')
  async list(@Query() query: ListProvidersQuery): Promise<PageResponse<ProviderResponse>> {
    const page = await this.providers.list(pageOf(query), { serviceType: query.serviceType });
    return { items: page.items.map(toProviderResponse), nextCursor: page.nextCursor };
  }
}
