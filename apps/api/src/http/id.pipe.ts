import { Injectable, NotFoundException, PipeTransform } from '@nestjs/common';
import { isUuid } from '@enterpark/common';

/** A malformed id names nothing: it answers 404 like an unknown one. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundException('资源不存在');
    return value.toLowerCase();
  }
}
