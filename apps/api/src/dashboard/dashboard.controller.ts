import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadDashboardService } from '@enterpark/statistics';
import { Roles } from '../auth/auth.decorators';
import { DashboardQuery, DashboardResponse, toDashboardResponse } from './dashboard.dto';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: ReadDashboardService) {}

  @Get()
  @Roles('coordinator', 'viewer')
  @ApiOperation({
    summary: 'The province dashboard',
    description: 'Tickets by type and status now; for ISO weeks `from`..`to` (default: the last 12, Asia/Shanghai) the weekly trend, SLA compliance by stage and the league table of zones.',
  })
  @ApiOkResponse({ type: DashboardResponse })
  async read(@Query() query: DashboardQuery): Promise<DashboardResponse> {
    return toDashboardResponse(await this.dashboard.read(query));
  }
}
