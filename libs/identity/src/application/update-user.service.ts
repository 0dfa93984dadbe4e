import { Injectable } from '@nestjs/common';
import { Actor } from '@enterpark/common';
import { TransactionRunner } from '@enterpark/database';
import { User } from '../domain/user';
import { changeUser, UserChanges } from '../domain/user-changes';
import { UserNotFoundError } from '../identity.errors';
import { UserRepository } from '../persistence/user.repository';
import { AccountStatusCache } from './account-status-cache';

/** A coordinator changes an account's name, active flag, desks or zone (PATCH /users/:id). */
@Injectable()
export class UpdateUserService {
  constructor(
    private readonly users: UserRepository,
    private readonly tx: TransactionRunner,
    private readonly statuses: AccountStatusCache,
  ) {}

  async execute(actor: Actor, id: string, changes: UserChanges): Promise<User> {
    const updated = await this.tx.run(async (manager) => {
      const locked = await this.users.lock(manager, id);
      if (!locked) throw new UserNotFoundError();
      const { user } = changeUser(locked.user, changes, actor.id);
      await this.users.update(manager, locked.user, user);
      return user;
    });
    this.statuses.forget(id);
    return updated;
  }
}
