import { Injectable } from '@nestjs/common';
import { AccessScope, Clock, newId, Page, PageRequest } from '@enterpark/common';
import { normalizeZoneCode, Zone, ZoneLevel } from '../domain/zone';
import { ZoneNotFoundError } from '../demand.errors';
import { ZoneRepository } from '../persistence/zone.repository';

export interface CreateZoneInput {
  code: string;
  name: string;
  level: ZoneLevel;
  city: string;
  province?: string;
}

export const DEFAULT_PROVINCE = '安徽省';

@Injectable()
export class ManageZonesService {
  constructor(
    private readonly zones: ZoneRepository,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateZoneInput): Promise<Zone> {
    const zone: Zone = {
      id: newId(),
      code: normalizeZoneCode(input.code),
      name: input.name.trim(),
      level: input.level,
      city: input.city.trim(),
      province: input.province?.trim() || DEFAULT_PROVINCE,
      createdAt: this.clock.now(),
    };
    await this.zones.insert(zone);
    return zone;
  }

  list(scope: AccessScope, page: PageRequest): Promise<Page<Zone>> {
    return this.zones.list(scope, page);
  }

  async get(scope: AccessScope, id: string): Promise<Zone> {
    const zone = await this.zones.findById(scope, id);
    if (!zone) throw new ZoneNotFoundError();
    return zone;
  }
}
