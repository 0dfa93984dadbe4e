import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { MAIL_CATEGORIES, MailCategory, MailPreferences } from '@enterpark/mail';

export class UnsubscribeQuery {
  @ApiProperty({ description: 'the signed token from the unsubscribe link' })
  @IsString()
  @MaxLength(200)
  token: string;
}

/** Every category, always: a PUT replaces the user's preferences as a whole. */
export class MailPreferencesRequest {
  @ApiProperty({ description: 'weekly digest emails' })
  @IsBoolean()
  digest: boolean;

  @ApiProperty({ description: 'notification emails (proposals, questions, confirmations, reminders)' })
  @IsBoolean()
  notifications: boolean;

  @ApiProperty({ description: 'desk staff: an email when a ticket is assigned to them' })
  @IsBoolean()
  assignments: boolean;
}

export class MailPreferencesResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() digest: boolean;
  @ApiProperty() notifications: boolean;
  @ApiProperty() assignments: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'null while never changed (everything on)' }) updatedAt: string | null;
}

export class UnsubscribeResponse {
  @ApiProperty() unsubscribed: boolean;
  @ApiProperty({ enum: MAIL_CATEGORIES }) category: MailCategory;
}

export function toMailPreferencesResponse(p: MailPreferences): MailPreferencesResponse {
  return { userId: p.userId, digest: p.digest, notifications: p.notifications, assignments: p.assignments, updatedAt: p.updatedAt ? p.updatedAt.toISOString() : null };
}
