import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CreateUserService, UserRepository } from '@enterpark/identity';
import { Roles } from '../auth/auth.decorators';
import { ApiPageResponse, pageOf, PageResponse } from '../http/page.dto';
import { CreateUserRequest, ListUsersQuery, toUserResponse, UserResponse } from './users.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles('coordinator')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserService,
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
}
