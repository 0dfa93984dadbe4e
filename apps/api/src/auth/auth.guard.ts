import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, Role } from '@enterpark/common';
import { AccessTokenService } from './access-token.service';
import { OPTIONAL_AUTH_KEY, PUBLIC_KEY, QUERY_TOKEN_KEY, ROLES_KEY } from './auth.decorators';

interface AuthRequest {
  headers: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  actor?: Actor;
  tokenExpiresAt?: Date;
}

/**
 * Global guard: a valid bearer token on every route not marked @Public (or, when sent,
 * @OptionalAuth), and the route's roles. A @QueryTokenAuth route also takes `?access_token=`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    if (!request.headers.authorization && this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets)) return true;
    const token = this.tokenOf(request, this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_KEY, targets) ?? false);
    const verified = token ? await this.tokens.verify(token) : null;
    if (!verified) throw new UnauthorizedException('缺少有效的访问令牌');
    request.actor = verified.actor;
    request.tokenExpiresAt = verified.expiresAt;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(verified.actor.role)) throw new ForbiddenException('当前角色无权执行此操作');
    return true;
  }

  private tokenOf(request: AuthRequest, queryAllowed: boolean): string | null {
    if (request.headers.authorization) {
      const [scheme, token] = request.headers.authorization.split(' ');
      return scheme === 'Bearer' && token ? token : null;
    }
    const fromQuery = queryAllowed ? request.query?.access_token : undefined;
    return typeof fromQuery === 'string' && fromQuery ? fromQuery : null;
  }
}
