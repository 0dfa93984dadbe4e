import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { MailPreferencesService } from '@enterpark/mail';
import { CurrentActor } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { MailPreferencesRequest, MailPreferencesResponse, toMailPreferencesResponse } from './mail.dto';

/**
 * Which emails a user receives. Everyone manages their own (`me`); coordinators anyone's;
 * for anyone else another user's preferences do not exist (404). `me` is a static segment,
 * which the router prefers to `:id` (and IdPipe would refuse it as an id anyway).
 */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('users')
export class MailPreferencesController {
  constructor(private readonly preferences: MailPreferencesService) {}

  @Get('me/mail-preferences')
  @ApiOkResponse({ type: MailPreferencesResponse })
  async mine(@CurrentActor() actor: Actor): Promise<MailPreferencesResponse> {
    return toMailPreferencesResponse(await this.preferences.read(actor, actor.id));
  }

  @Put('me/mail-preferences')
  @ApiOkResponse({ type: MailPreferencesResponse })
  async updateMine(@CurrentActor() actor: Actor, @Body() body: MailPreferencesRequest): Promise<MailPreferencesResponse> {
    return toMailPreferencesResponse(await this.preferences.update(actor, actor.id, body));
  }

  @Get(':id/mail-preferences')
  @ApiOkResponse({ type: MailPreferencesResponse })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND: no such user, or another user and the caller is not a coordinator' })
  async of(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<MailPreferencesResponse> {
    return toMailPreferencesResponse(await this.preferences.read(actor, id));
  }

  @Put(':id/mail-preferences')
  @ApiOkResponse({ type: MailPreferencesResponse })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND: no such user, or another user and the caller is not a coordinator' })
  async update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: MailPreferencesRequest): Promise<MailPreferencesResponse> {
    return toMailPreferencesResponse(await this.preferences.update(actor, id, body));
  }
}
