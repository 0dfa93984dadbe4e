import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@enterpark/calendar';
import { Actor } from '@enterpark/common';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CalendarYearParams, CalendarYearResponse, PublishCalendarRequest, toCalendarYearResponse } from './calendar.dto';

/** The working-day calendar behind every deadline: the official one, corrected and extended by coordinators. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year')
  @ApiOkResponse({ type: CalendarYearResponse })
  async get(@Param() params: CalendarYearParams): Promise<CalendarYearResponse> {
    return toCalendarYearResponse(await this.calendar.yearView(params.year));
  }

  @Put(':year')
  @Roles('coordinator')
  @ApiOkResponse({ type: CalendarYearResponse })
  async publish(@CurrentActor() actor: Actor, @Param() params: CalendarYearParams, @Body() body: PublishCalendarRequest): Promise<CalendarYearResponse> {
    return toCalendarYearResponse(await this.calendar.publishYear(params.year, body.days, actor.id));
  }
}
