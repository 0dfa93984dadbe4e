import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, isServiceType, isUuid, ROLES, Role, ServiceType } from '@enterpark/common';
import { AppConfig } from '@enterpark/config';

interface Claims {
  sub: string;
  role: Role;
  zoneId: string | null;
  desks: ServiceType[];
  exp?: number;
}

/** A valid token: who it speaks for, and until when. */
export interface VerifiedToken {
  actor: Actor;
  expiresAt: Date;
}

export const JWT_ALGORITHM = 'HS256';

/** Signs and verifies access tokens: one algorithm, one issuer, an expiry. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  sign(actor: Actor): Promise<string> {
    const claims: Claims = { sub: actor.id, role: actor.role, zoneId: actor.zoneId, desks: actor.desks };
    return this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: this.config.jwtIssuer,
      expiresIn: this.config.jwtTtlSeconds,
    });
  }

  /** The actor of a valid token, or null for anything else (expired, tampered, wrong issuer or algorithm). */
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
        typeof c.exp === 'number';
      return shapeOk ? { actor: { id: c.sub, role: c.role, zoneId: c.zoneId, desks: c.desks }, expiresAt: new Date(c.exp! * 1000) } : null;
    } catch {
      return null;
    }
  }
}
