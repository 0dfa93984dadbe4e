import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { parseIsoWeek } from '@enterpark/common';
import { DigestComposer } from '@enterpark/digests';
import { Roles } from '../auth/auth.decorators';
import { DigestPreviewQuery } from './digest-preview.dto';

/** What a person's weekly digest says, without storing or sending anything. */
@ApiTags('digests')
@ApiBearerAuth()
@Controller('digests')
export class DigestPreviewController {
  constructor(private readonly composer: DigestComposer) {}

  @Get('preview')
  @Roles('coordinator')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: "the digest's HTML as the user would get it (its chart inlined as a data: URI), from current figures", schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'userId not a UUID (isUuid), week malformed (isIsoWeek)' })
  @ApiForbiddenResponse({ description: 'coordinators only' })
  @ApiNotFoundResponse({ description: 'no such user (DIGEST_RECIPIENT_NOT_FOUND, field userId)' })
  async preview(@Query() query: DigestPreviewQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const html = await this.composer.preview(query.userId.toLowerCase(), parseIsoWeek(query.week)!);
    // Set only on success: errors keep the filter's JSON body and type.
    void reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return html;
  }
}
