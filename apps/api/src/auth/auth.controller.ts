import { Body, Controller, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { toActor, UserRepository, VerifyCredentialsService } from '@enterpark/identity';
import { UserResponse, toUserResponse } from '../users/users.dto';
import { AccessTokenService } from './access-token.service';
import { CurrentActor, Public } from './auth.decorators';
import { LoginRequest, LoginResponse } from './auth.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly credentials: VerifyCredentialsService,
    private readonly tokens: AccessTokenService,
    private readonly users: UserRepository,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() body: LoginRequest): Promise<LoginResponse> {
    const user = await this.credentials.execute(body.email, body.password);
    return { accessToken: await this.tokens.sign(toActor(user)), user: toUserResponse(user) };
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
