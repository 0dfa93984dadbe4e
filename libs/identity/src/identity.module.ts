import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateUserService } from './application/create-user.service';
import { PasswordHasher } from './application/password-hasher';
import { VerifyCredentialsService } from './application/verify-credentials.service';
import { DeskMemberEntity } from './persistence/desk-member.entity';
import { UserEntity } from './persistence/user.entity';
import { UserRepository } from './persistence/user.repository';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, DeskMemberEntity])],
  providers: [UserRepository, PasswordHasher, CreateUserService, VerifyCredentialsService],
  exports: [UserRepository, CreateUserService, VerifyCredentialsService],
})
export class IdentityModule {}
