import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { ReadProblemsService } from '@enterpark/problems';
import { CurrentActor } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { TicketProblemResponse, toProblemDetailResponse } from './problems.dto';

@ApiTags('problems')
@ApiBearerAuth()
@Controller('tickets')
export class TicketProblemController {
  constructor(private readonly read: ReadProblemsService) {}

  @Get(':id/problem')
  @ApiOperation({
    summary: 'The problem this ticket belongs to',
    description: 'Scoped like GET /tickets/{id}; the problem shows only the tickets the caller may read. Once resolved, its resolution is what the desk may complete the ticket with.',
  })
  @ApiOkResponse({ type: TicketProblemResponse })
  async problemOf(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TicketProblemResponse> {
    const problem = await this.read.ofTicket(actor, id);
    return { problem: problem ? toProblemDetailResponse(problem) : null };
  }
}
