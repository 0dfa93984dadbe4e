import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@enterpark/identity';
import { IsStrongPassword, PASSWORD_DESCRIPTION, UserResponse } from './users.dto';

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: PASSWORD_DESCRIPTION })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsStrongPassword()
  newPassword: string;
}

export class ResetPasswordResponse {
  @ApiProperty({ description: 'the generated password, shown this once (stored only as a hash); give it to its owner in person or by phone' })
  password: string;

  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

/** A new token for the caller: changing one's password ends every session, this one's included. */
export class ChangePasswordResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}
