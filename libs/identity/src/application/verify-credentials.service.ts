import { Injectable } from '@nestjs/common';
import { normalizeEmail, User } from '../domain/user';
import { InvalidCredentialsError } from '../identity.errors';
import { UserRepository } from '../persistence/user.repository';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class VerifyCredentialsService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(email: string, password: string): Promise<User> {
    const found = await this.users.findCredentials(normalizeEmail(email));
    const ok = await this.hasher.verify(found?.passwordHash ?? null, password);
    if (!found || !ok) throw new InvalidCredentialsError();
    return found.user;
  }
}
