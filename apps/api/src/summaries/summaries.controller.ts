import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, scopeOf } from '@enterpark/common';
import { ReadSummariesService } from '@enterpark/summaries';
import { CurrentActor } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { DemandListSummaryResponse, TicketSummaryResponse, toDemandListSummaryResponse, toTicketSummaryResponse } from './summaries.dto';

/** Completion summaries, scoped like the ticket or list they summarize. */
@ApiTags('summaries')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown or outside the caller\'s scope; SUMMARY_NOT_READY until completed' })
@Controller()
export class SummariesController {
  constructor(private readonly summaries: ReadSummariesService) {}

  @Get('tickets/:id/summary')
  @ApiOkResponse({ type: TicketSummaryResponse, description: 'the latest summary: the closing one, else that of the highest round' })
  async ofTicket(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TicketSummaryResponse> {
    return toTicketSummaryResponse(await this.summaries.ofTicket(scopeOf(actor), id));
  }

  @Get('demand-lists/:id/summary')
  @ApiOkResponse({ type: DemandListSummaryResponse })
  async ofDemandList(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<DemandListSummaryResponse> {
    return toDemandListSummaryResponse(await this.summaries.ofDemandList(scopeOf(actor), id));
  }
}
