import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CalendarService } from '@enterpark/calendar';
import { Actor } from '@enterpark/common';
import { CalendarStatusService, PublishCalendarService } from '@enterpark/tickets';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CalendarNoticeResponse, ReadCalendarNoticeRequest, toCalendarNoticeResponse } from './calendar-notice.dto';
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

  /** The yearly routine: paste next year's notice, check the preview, send it again with apply. */
  @Post(':year/notice')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: CalendarNoticeResponse })
  @ApiUnprocessableEntityResponse({ description: 'CALENDAR_NOTICE_UNREADABLE (the message names the line and section), CALENDAR_NOTICE_YEAR_MISMATCH' })
  async readNotice(@CurrentActor() actor: Actor, @Param() params: CalendarYearParams, @Body() body: ReadCalendarNoticeRequest): Promise<CalendarNoticeResponse> {
    return toCalendarNoticeResponse(await this.publication.publishNotice(params.year, body.text, body.apply ?? false, actor.id));
  }
}
