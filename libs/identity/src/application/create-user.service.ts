import { Injectable } from '@nestjs/common';
import { Clock, InvalidInputError, newId, Role, ServiceType } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { normalizeDesks, normalizeEmail, User } from '../domain/user';
import { UserRepository } from '../persistence/user.repository';
import { PasswordHasher } from './password-hasher';

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  zoneId?: string;
  desks?: ServiceType[];
}

/** Creates a user; zone managers belong to exactly one zone, desk staff sit on at least one desk. */
@Injectable()
export class CreateUserService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateUserInput): Promise<User> {
    checkRoleFields(input);
    const user: User = {
      id: newId(),
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      role: input.role,
      zoneId: input.role === 'zone_manager' ? input.zoneId! : null,
      desks: input.role === 'desk_staff' ? normalizeDesks(input.desks!) : [],
      active: true,
      tokenVersion: 1,
      createdAt: this.clock.now(),
    };
    const hash = await this.hasher.hash(input.password);
    await this.tx.run((manager) => this.users.insert(manager, user, hash));
    return user;
  }
}

function checkRoleFields(input: CreateUserInput): void {
  if (input.role === 'zone_manager' && !input.zoneId) {
    throw InvalidInputError.field('zoneId', 'requiredForZoneManager', '园区管理员必须指定所属园区 zoneId');
  }
  if (input.role !== 'zone_manager' && input.zoneId) {
    throw InvalidInputError.field('zoneId', 'onlyForZoneManager', '只有园区管理员可以指定 zoneId');
  }
  if (input.role === 'desk_staff' && !input.desks?.length) {
    throw InvalidInputError.field('desks', 'requiredForDeskStaff', '窗口工作人员必须至少指定一个窗口 desks');
  }
  if (input.role !== 'desk_staff' && input.desks?.length) {
    throw InvalidInputError.field('desks', 'onlyForDeskStaff', '只有窗口工作人员可以指定 desks');
  }
}
