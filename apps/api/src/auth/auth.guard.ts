import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, Role } from '@enterpark/common';
import { AccessTokenService } from './access-token.service';
import { OPTIONAL_AUTH_KEY, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';

/** Global guard: a valid bearer token on every route not marked @Public (or, when sent, @OptionalAuth), and the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    if (!request.headers.authorization && this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets)) return true;
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const actor = scheme === 'Bearer' && token ? await this.tokens.verify(token) : null;
    if (!actor) throw new UnauthorizedException('缺少有效的访问令牌');
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) throw new ForbiddenException('当前角色无权执行此操作');
    return true;
  }
}
