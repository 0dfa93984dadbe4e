import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountStatusCache } from './application/account-status-cache';
import { CreateUserService } from './application/create-user.service';
import { PasswordHasher } from './application/password-hasher';
import { PasswordsService } from './application/passwords.service';
import { SignInThrottle } from './application/sign-in-throttle';
import { SignInService } from './application/sign-in.service';
import { UpdateUserService } from './application/update-user.service';
import { DeskMemberEntity } from './persistence/desk-member.entity';
import { SignInThrottleRepository } from './persistence/sign-in-throttle.repository';
import { UserEntity } from './persistence/user.entity';
import { UserRepository } from './persistence/user.repository';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, DeskMemberEntity])],
  providers: [UserRepository, SignInThrottleRepository, PasswordHasher, SignInThrottle, AccountStatusCache, CreateUserService, SignInService, UpdateUserService, PasswordsService],
  exports: [UserRepository, AccountStatusCache, CreateUserService, SignInService, UpdateUserService, PasswordsService],
})
export class IdentityModule {}
