import { Body, Controller, Get, Param, ParseEnumPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { ManageSlaTargetsService, SlaTargetsOfType } from '@enterpark/tickets';
import { Roles } from '../auth/auth.decorators';
import { allowedValues, RequestValidationException } from '../errors/validation-errors';

export class UpdateSlaTargetsRequest {
  @ApiProperty({ minimum: 1, maximum: 60, description: 'working days from routed to accepted/returned' }) @IsInt() @Min(1) @Max(60) triageDays: number;
  @ApiProperty({ minimum: 1, maximum: 60, description: 'working days from accepted to matched' }) @IsInt() @Min(1) @Max(60) matchingDays: number;
  @ApiProperty({ minimum: 1, maximum: 250, description: 'working days from matched to completed, unless the ticket has a due date' })
  @IsInt()
  @Min(1)
  @Max(250)
  serviceDays: number;
}

export class SlaTargetsResponse extends UpdateSlaTargetsRequest {
  @ApiProperty({ enum: SERVICE_TYPES }) type: ServiceType;
  @ApiProperty() updatedAt: string;
}

export class SlaTargetsListResponse {
  @ApiProperty({ type: [SlaTargetsResponse] }) items: SlaTargetsResponse[];
}

const toResponse = (t: SlaTargetsOfType): SlaTargetsResponse => ({ ...t, updatedAt: t.updatedAt.toISOString() });

/** Working-day targets of each type's stages (routed → accepted, accepted → matched, matched → completed). */
@ApiTags('sla')
@ApiBearerAuth()
@Controller('sla-targets')
export class SlaTargetsController {
  constructor(private readonly targets: ManageSlaTargetsService) {}

  @Get()
  @Roles('coordinator', 'desk_staff', 'viewer')
  @ApiOkResponse({ type: SlaTargetsListResponse })
  async list(): Promise<SlaTargetsListResponse> {
    return { items: (await this.targets.list()).map(toResponse) };
  }

  @Put(':type')
  @Roles('coordinator')
  @ApiParam({ name: 'type', enum: SERVICE_TYPES })
  @ApiOkResponse({ type: SlaTargetsResponse })
  async update(
    @Param('type', new ParseEnumPipe(Object.fromEntries(SERVICE_TYPES.map((t) => [t, t])), { exceptionFactory: () => new RequestValidationException([{ field: 'type', rule: 'isIn', message: `type 必须是以下取值之一：${allowedValues(SERVICE_TYPES)}` }]) }))
    type: ServiceType,
    @Body() body: UpdateSlaTargetsRequest,
  ): Promise<SlaTargetsResponse> {
    return toResponse(await this.targets.update(type, body));
  }
}
