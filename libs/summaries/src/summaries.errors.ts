import { DomainError } from '@enterpark/common';

/** The ticket or list exists (and the caller may see it) but has no completion summary yet. */
export class SummaryNotReadyError extends DomainError {
  readonly code = 'SUMMARY_NOT_READY';
  readonly kind = 'not_found';
  constructor(of: 'ticket' | 'demand_list') {
    super(of === 'ticket' ? '工单尚未办结，暂无完成总结' : '需求清单尚未全部办结，暂无完成总结');
  }
}
