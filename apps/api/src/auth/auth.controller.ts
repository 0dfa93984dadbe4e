import { Body, Controller, Get, HttpCode, NotFoundException, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor } from '@enterpark/common';
import { SignInService, UserRepository } from '@enterpark/identity';
import { UserResponse, toUserResponse } from '../users/users.dto';
import { AccessTokenService } from './access-token.service';
import { CurrentActor, Public } from './auth.decorators';
import { LoginRequest, LoginResponse } from './auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly tokens: AccessTokenService,
    private readonly users: UserRepository,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Answers an access token (HS256, with `exp`: JWT_TTL_SECONDS, 8 h by default). After SIGN_IN_MAX_FAILURES failed attempts for an account, ' +
      'or SIGN_IN_MAX_FAILURES_PER_ADDRESS from one client address, within SIGN_IN_WINDOW_SECONDS (10, 10, 15 min), every further attempt ' +
      '(even with the right password) answers 429 SIGN_IN_THROTTLED with Retry-After until the window ends. A right password clears the account\'s count.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'AUTH_INVALID_CREDENTIALS (unknown email or wrong password, alike); AUTH_ACCOUNT_DISABLED (right password, deactivated account)' })
  @ApiTooManyRequestsResponse({ description: 'SIGN_IN_THROTTLED: too many failures for the account or the address; Retry-After and `retryAfterSeconds` say when to try again' })
  async login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<LoginResponse> {
    const user = await this.signIn.execute(body.email, body.password, request.ip ?? null);
    return { accessToken: await this.tokens.sign(user), user: toUserResponse(user) };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new NotFoundException('用户不存在');
    return toUserResponse(user);
  }
}
