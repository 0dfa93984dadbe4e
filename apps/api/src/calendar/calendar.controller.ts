import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@enterpark/calendar';
import { Actor } from '@enterpark/common';
import { CalendarStatusService, PublishCalendarService } from '@enterpark/tickets';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CalendarStatusResponse, CalendarYearParams, CalendarYearResponse, PublishCalendarRequest, toCalendarYearResponse } from './calendar.dto';

/** The working-day calendar behind every deadline: the official one, corrected and extended by coordinators. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly publication: PublishCalendarService,
    private readonly status: CalendarStatusService,
  ) {}

  /** This year's and next year's source; a missing year with the clocks waiting for it. */
  @Get('status')
  @Roles('desk_staff', 'coordinator', 'viewer')
  @ApiOkResponse({ type: CalendarStatusResponse })
  readStatus(): Promise<CalendarStatusResponse> {
    return this.status.status();
  }

  @Get(':year')
  @ApiOkResponse({ type: CalendarYearResponse })
  async get(@Param() params: CalendarYearParams): Promise<CalendarYearResponse> {
    return toCalendarYearResponse(await this.calendar.yearView(params.year));
  }

  @Put(':year')
  @Roles('coordinator')
  @ApiOkResponse({ type: CalendarYearResponse })
  async publish(@CurrentActor() actor: Actor, @Param() params: CalendarYearParams, @Body() body: PublishCalendarRequest): Promise<CalendarYearResponse> {
    return toCalendarYearResponse(await this.publication.publish(params.year, body.days, actor.id));
  }
}
