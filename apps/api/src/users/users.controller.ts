import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { CreateUserService, UpdateUserService, UserRepository } from '@enterpark/identity';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdPipe } from '../http/id.pipe';
import { ApiPageResponse, pageOf, PageResponse } from '../http/page.dto';
import { CreateUserRequest, ListUsersQuery, toUserResponse, UpdateUserRequest, UserResponse } from './users.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('coordinator')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserService,
    private readonly updateUser: UpdateUserService,
    private readonly users: UserRepository,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  async create(@Body() body: CreateUserRequest): Promise<UserResponse> {
    return toUserResponse(await this.createUser.execute(body));
  }

  @Get()
  @ApiPageResponse(UserResponse)
  async list(@Query() query: ListUsersQuery): Promise<PageResponse<UserResponse>> {
    const page = await this.users.list(pageOf(query), { role: query.role, desk: query.desk });
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an account',
    description:
      'Only the fields sent change. Deactivating, or changing desks or the zone, bumps the account\'s token version: its tokens stop working ' +
      'within TOKEN_CHECK_CACHE_MS (30 s) on every API process, and it must sign in again. Roles do not change.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'desks for anyone but desk staff (onlyForDeskStaff), zoneId for anyone but a zone manager (onlyForZoneManager) or unknown (exists), deactivating oneself (notSelf)' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  async update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() body: UpdateUserRequest): Promise<UserResponse> {
    return toUserResponse(await this.updateUser.execute(actor, id, body));
  }
}
