import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor } from '@enterpark/common';
import { PasswordsService } from '@enterpark/identity';
import { AccessTokenService } from '../auth/access-token.service';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { ChangePasswordRequest, ChangePasswordResponse, ResetPasswordResponse } from './passwords.dto';
import { toUserResponse } from './users.dto';

/**
 * Passwords: one's own (any role), and a coordinator's reset of someone else's. `me` is a
 * static segment, which the router prefers to `:id`.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class PasswordsController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly tokens: AccessTokenService,
  ) {}

  @Post('me/password')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change one\'s own password',
    description: 'Ends every session of the account (the token version is bumped) and answers a new token for this one. A wrong current password counts as a failed sign-in.',
  })
  @ApiOkResponse({ type: ChangePasswordResponse })
  @ApiBadRequestResponse({ description: 'currentPassword wrong (matchesCurrent); newPassword too weak (minLength, isStrongPassword) or the current one (differentFromCurrent)' })
  @ApiTooManyRequestsResponse({ description: 'SIGN_IN_THROTTLED: too many failed sign-ins or wrong current passwords' })
  async changeOwn(@CurrentActor() actor: Actor, @Body() body: ChangePasswordRequest, @Req() request: FastifyRequest): Promise<ChangePasswordResponse> {
    const user = await this.passwords.change(actor.id, body.currentPassword, body.newPassword, request.ip ?? null);
    return { accessToken: await this.tokens.sign(user), user: toUserResponse(user) };
  }

  @Post(':id/password')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({
    summary: 'Reset someone\'s password',
    description:
      'Generates a new password (16 characters), answers it once and stores only its hash; the account\'s sessions end and its sign-in ' +
      'failures are cleared. The coordinator passes it on in person; its owner should change it with POST /users/me/password.',
  })
  @ApiOkResponse({ type: ResetPasswordResponse })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async reset(@Param('id', IdPipe) id: string): Promise<ResetPasswordResponse> {
    const { user, password } = await this.passwords.reset(id);
    return { password, user: toUserResponse(user) };
  }
}
