import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock, decodeCursor, newId, Page, PageRequest, ServiceType, toPage } from '@enterpark/common';
import { pgConstraint, pgErrorCode } from '@enterpark/database';
import { DEFAULT_PROVINCE, ServiceProvider } from '../domain/service-provider';
import { ProviderCapacityBelowLoadError, ServiceProviderNotFoundError } from '../matching.errors';
import { ServiceProviderEntity } from '../persistence/service-provider.entity';

export type CreateProviderInput = Pick<ServiceProvider, 'name' | 'kind' | 'serviceTypes' | 'capacity' | 'email'> &
  Partial<Pick<ServiceProvider, 'cities' | 'tags' | 'province'>>;
export type UpdateProviderInput = Partial<CreateProviderInput & { active: boolean }>;

const CHECK_VIOLATION = '23514';

@Injectable()
export class ManageProvidersService {
  constructor(
    @InjectRepository(ServiceProviderEntity) private readonly providers: Repository<ServiceProviderEntity>,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateProviderInput): Promise<ServiceProvider> {
    const now = this.clock.now();
    const provider: ServiceProvider = {
      id: newId(),
      ...(normalize({ cities: [], tags: [], province: DEFAULT_PROVINCE, ...input }) as Required<CreateProviderInput>),
      active: true,
      activeMatches: 0,
      ratingSum: 0,
      ratingCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    await this.providers.insert(provider);
    return provider;
  }

  /**
   * Writes only the fields sent. Capacity below the open matches is refused by the
   * database's CHECK under the row lock, so a proposal racing the update cannot overfill.
   */
  async update(id: string, input: UpdateProviderInput): Promise<ServiceProvider> {
    const changes = Object.fromEntries(Object.entries(normalize(input)).filter(([, v]) => v !== undefined));
    try {
      const result = await this.providers.update({ id }, { ...changes, updatedAt: this.clock.now() });
      if (result.affected !== 1) throw new ServiceProviderNotFoundError();
    } catch (error) {
      if (pgErrorCode(error) !== CHECK_VIOLATION || pgConstraint(error) !== 'service_provider_within_capacity') throw error;
      const current = await this.providers.findOne({ where: { id } });
      throw new ProviderCapacityBelowLoadError(current?.activeMatches ?? 0);
    }
    return (await this.providers.findOne({ where: { id } }))!;
  }

  async list(page: PageRequest, filter: { serviceType?: ServiceType }): Promise<Page<ServiceProvider>> {
    const qb = this.providers.createQueryBuilder('p');
    if (filter.serviceType) qb.andWhere(':type = ANY (p.serviceTypes)', { type: filter.serviceType });
    if (page.cursor) qb.andWhere('(p.createdAt, p.id) < (:createdAt, :id)', decodeCursor(page.cursor));
    const rows = await qb.orderBy('p.createdAt', 'DESC').addOrderBy('p.id', 'DESC').limit(page.limit + 1).getMany();
    return toPage(rows, page.limit, (p) => ({ createdAt: p.createdAt.toISOString(), id: p.id }));
  }
}

/** The same cleaning on create and on update: trimmed names, lower-case email, no duplicates. */
function normalize(input: UpdateProviderInput): UpdateProviderInput {
  const unique = <T>(values: T[] | undefined) => (values ? [...new Set(values)] : undefined);
  return {
    ...input,
    name: input.name?.trim(),
    kind: input.kind?.trim(),
    province: input.province?.trim(),
    email: input.email?.trim().toLowerCase(),
    serviceTypes: unique(input.serviceTypes),
    cities: unique(input.cities),
    tags: unique(input.tags),
  };
}
