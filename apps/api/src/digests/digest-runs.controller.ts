import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { DigestRunService } from '@enterpark/digests';
import { Roles } from '../auth/auth.decorators';
import { DigestRunResponse, RunDigestWeekRequest, toDigestRunResponse } from './digest-runs.dto';

/** Runs (or re-runs) the weekly digest of one finished week; the scheduler does the same every Monday. */
@ApiTags('digests')
@ApiBearerAuth()
@Controller('digests')
export class DigestRunsController {
  constructor(private readonly runs: DigestRunService) {}

  @Post('runs')
  @Roles('coordinator')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DigestRunResponse, description: 'the digests are planned; composing and sending follow in the worker. Idempotent: a re-run creates nothing already planned' })
  @ApiBadRequestResponse({ description: 'week malformed (isIsoWeek) or not ended yet (weekEnded)' })
  @ApiForbiddenResponse({ description: 'coordinators only' })
  async run(@Body() body: RunDigestWeekRequest): Promise<DigestRunResponse> {
    return toDigestRunResponse(await this.runs.runWeek(body.week));
  }
}
