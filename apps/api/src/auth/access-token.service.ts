import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, isServiceType, isUuid, ROLES, Role, ServiceType } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';
import { toActor, User } from '@enterpark/identity';

interface Claims {
  sub: string;
  role: Role;
  zoneId: string | null;
  desks: ServiceType[];
  /** The account's token version when signed; the guard compares it with the current one. */
  ver: number;
  exp?: number;
}

/** A valid token: who it speaks for, with which version of the account, and until when. */
export interface VerifiedToken {
  actor: Actor;
  version: number;
  expiresAt: Date;
}

export const JWT_ALGORITHM = 'HS256';

/**
 * Signs and verifies access tokens: one algorithm, one issuer, and an expiry that must be there
 * (jsonwebtoken checks `exp` only when present, so a token without one is refused here).
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  sign(user: User): Promise<string> {
    const actor = toActor(user);
    const claims: Claims = { sub: actor.id, role: actor.role, zoneId: actor.zoneId, desks: actor.desks, ver: user.tokenVersion };
    return this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: this.config.jwtIssuer,
      expiresIn: this.config.jwtTtlSeconds,
    });
  }

  /** The actor of a valid token, or null for anything else (expired, no expiry, tampered, wrong issuer or algorithm). */
  async verify(token: string): Promise<VerifiedToken | null> {
    try {
      const c = await this.jwt.verifyAsync<Claims>(token, { algorithms: [JWT_ALGORITHM], issuer: this.config.jwtIssuer });
      const shapeOk =
        isUuid(c.sub) &&
        (ROLES as readonly string[]).includes(c.role) &&
        (c.zoneId === null || isUuid(c.zoneId)) &&
        // a zone manager acts for exactly one zone; nobody else has one
        (c.role === 'zone_manager') === (c.zoneId !== null) &&
        Array.isArray(c.desks) &&
        c.desks.every(isServiceType) &&
        Number.isInteger(c.ver) &&
        typeof c.exp === 'number';
      if (!shapeOk) return null;
      return { actor: { id: c.sub, role: c.role, zoneId: c.zoneId, desks: c.desks }, version: c.ver, expiresAt: new Date(c.exp! * 1000) };
    } catch {
      return null;
    }
  }
}
