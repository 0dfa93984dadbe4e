import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateBy, ValidationOptions } from 'class-validator';
import { ROLES, Role, SERVICE_TYPES, ServiceType } from '@enterpark/common';
import { isStrongPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE, User } from '@enterpark/identity';
import { PageQuery } from '../http/page.dto';
import { IsBoundedText, IsOmittable } from '../http/validators';

/** The password policy of libs/identity; length is checked (and reported) first by the decorators before it. */
export function IsStrongPassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStrongPassword',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isStrongPassword(value),
        defaultMessage: () => `$property ${PASSWORD_RULE}`,
      },
    },
    options,
  );
}

export const PASSWORD_DESCRIPTION = `${PASSWORD_RULE} (at least two of letters, digits, other characters, and at least 6 distinct characters)`;

export class CreateUserRequest {
  @ApiProperty({ example: 'hefei.manager@example.cn' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: '张明' })
  @IsBoundedText(100)
  name: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: PASSWORD_DESCRIPTION })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsStrongPassword()
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'required for zone_manager' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;

  @ApiPropertyOptional({ enum: SERVICE_TYPES, isArray: true, description: 'required for desk_staff' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_TYPES.length)
  @IsIn(SERVICE_TYPES, { each: true })
  desks?: ServiceType[];
}

/** Only what is sent changes; null is refused (every field is NOT NULL). */
export class UpdateUserRequest {
  @ApiPropertyOptional({ example: '张明' })
  @IsOmittable()
  @IsBoundedText(100)
  name?: string;

  @ApiPropertyOptional({ description: 'false deactivates: no sign-in, tokens stop working within TOKEN_CHECK_CACHE_MS, no new tickets or emails; not for oneself' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: SERVICE_TYPES, isArray: true, description: 'desk staff only: the desks they sit on (replaces the current set)' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_TYPES.length)
  @IsIn(SERVICE_TYPES, { each: true })
  desks?: ServiceType[];

  @ApiPropertyOptional({ format: 'uuid', description: 'zone managers only: an existing zone' })
  @IsOmittable()
  @IsUUID()
  zoneId?: string;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  desk?: ServiceType;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) zoneId: string | null;
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) desks: ServiceType[];
  @ApiProperty({ description: 'false: deactivated (cannot sign in)' }) active: boolean;
  @ApiProperty() createdAt: string;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    zoneId: user.zoneId,
    desks: user.desks,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}
