import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { DigestRunResult } from '@enterpark/digests';
import { IsIsoWeek } from '../http/validators';

export class RunDigestWeekRequest {
  @ApiProperty({ example: '2026-W47', description: 'an ISO 8601 week (Monday to Sunday, Asia/Shanghai) that has ended' })
  @IsDefined()
  @IsIsoWeek()
  week: string;
}

export class DigestRunResponse {
  @ApiProperty({ example: '2026-W47' }) week: string;
  @ApiProperty({ description: 'digests this run created, skipped ones included; the others are composed and sent once each' }) planned: number;
  @ApiProperty({ description: 'recipients whose digest of the week existed already (a re-run changes nothing for them)' }) alreadyPlanned: number;
  @ApiProperty({ description: 'of planned, those created as skipped: digests switched off by the recipient, or a suppressed address' }) skipped: number;
}

export function toDigestRunResponse(result: DigestRunResult): DigestRunResponse {
  return { week: result.week, planned: result.planned, alreadyPlanned: result.alreadyPlanned, skipped: result.skipped };
}
