import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, Role } from '@enterpark/common';
import { AccountStatusCache } from '@enterpark/identity';
import { AccessTokenService } from './access-token.service';
import { OPTIONAL_AUTH_KEY, PUBLIC_KEY, QUERY_TOKEN_KEY, ROLES_KEY } from './auth.decorators';

interface AuthRequest {
  headers: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  actor?: Actor;
  tokenExpiresAt?: Date;
  tokenVersion?: number;
}

/**
 * Global guard: a valid bearer token on every route not marked @Public (or, when sent,
 * @OptionalAuth), and the route's roles. A @QueryTokenAuth route also takes `?access_token=`.
 * The token's version must still be the account's (and the account active), as this process
 * last read it: a deactivated or changed account loses its old tokens within TOKEN_CHECK_CACHE_MS.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly statuses: AccountStatusCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    if (!request.headers.authorization && this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets)) return true;
    const token = this.tokenOf(request, this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_KEY, targets) ?? false);
    const verified = token ? await this.tokens.verify(token) : null;
    if (!verified) throw new UnauthorizedException('缺少有效的访问令牌');
    if (!(await this.statuses.accepts(verified.actor.id, verified.version))) throw new UnauthorizedException('登录已失效（账号已停用或权限、密码已变更），请重新登录');
    request.actor = verified.actor;
    request.tokenExpiresAt = verified.expiresAt;
    request.tokenVersion = verified.version;
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
