import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock, SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { SlaTargets } from '../domain/sla';
import { SlaTargetEntity } from '../persistence/sla-target.entity';

export type SlaTargetsOfType = SlaTargets & { type: ServiceType; updatedAt: Date };

/** The per-type working-day targets; a change applies to stages that start afterwards. */
@Injectable()
export class ManageSlaTargetsService {
  constructor(
    @InjectRepository(SlaTargetEntity) private readonly targets: Repository<SlaTargetEntity>,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<SlaTargetsOfType[]> {
    const rows = await this.targets.find();
    return SERVICE_TYPES.map((type) => rows.find((r) => r.type === type)).filter((r): r is SlaTargetEntity => !!r);
  }

  async update(type: ServiceType, input: SlaTargets): Promise<SlaTargetsOfType> {
    const row = { type, ...input, updatedAt: this.clock.now() };
    await this.targets.upsert(row, ['type']);
    return row;
  }
}
