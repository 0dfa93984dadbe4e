import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, Role } from '@enterpark/common';

export const PUBLIC_KEY = 'enterpark:public';
export const ROLES_KEY = 'enterpark:roles';

/** No token needed (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * A bearer token is read when one is sent (and must then be valid), but none is required:
 * the handler authorizes a caller without one in another way (a provider's signed link).
 */
export const OPTIONAL_AUTH_KEY = 'enterpark:optional-auth';
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH_KEY, true);

/**
 * The token may also come as `?access_token=` (when no Authorization header is sent): for
 * EventSource, which cannot set headers. Request logs redact it (http/request-logging.ts).
 */
export const QUERY_TOKEN_KEY = 'enterpark:query-token';
export const QueryTokenAuth = () => SetMetadata(QUERY_TOKEN_KEY, true);

/** Only these roles may call the handler; without it, every authenticated role may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

/** When the caller's access token expires (a stream is closed then). */
export const TokenExpiresAt = createParamDecorator((_: unknown, ctx: ExecutionContext): Date => {
  return ctx.switchToHttp().getRequest<{ tokenExpiresAt: Date }>().tokenExpiresAt;
});

/** The account version the caller's token carries (a stream ends when it is no longer current). */
export const TokenVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number => {
  return ctx.switchToHttp().getRequest<{ tokenVersion: number }>().tokenVersion;
});
