import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadEventFeedService } from '@enterpark/events';
import { Roles } from '../auth/auth.decorators';
import { EventFeedQuery, EventFeedResponse, toEventFeedItem } from './events.dto';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly feed: ReadEventFeedService) {}

  @Get()
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Every event, once, in one order',
    description: 'Poll with the returned nextCursor as `after`. An event committed late never lands behind a cursor already handed out.',
  })
  @ApiOkResponse({ type: EventFeedResponse })
  async read(@Query() query: EventFeedQuery): Promise<EventFeedResponse> {
    const page = await this.feed.read(query);
    return { items: page.items.map(toEventFeedItem), nextCursor: page.nextCursor };
  }
}
