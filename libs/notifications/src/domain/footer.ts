import { NotificationCategory } from './notification-events';
import { FooterView } from './notification-view';

const UNSUBSCRIBE_LABEL: Record<NotificationCategory, string> = { notification: '退订通知邮件', assignment: '退订工单分配提醒' };

/** Accounts can switch this kind of email off (one click) or manage all their mail preferences. */
export function accountFooter(unsubscribeUrl: string, preferencesUrl: string, category: NotificationCategory): FooterView {
  return {
    lines: ['您收到此邮件，是因为您在进园区服务平台承担相关工作。'],
    links: [
      { label: UNSUBSCRIBE_LABEL[category], url: unsubscribeUrl },
      { label: '管理邮件偏好', url: preferencesUrl },
    ],
  };
}

/** A provider has no account (nothing to unsubscribe from): it is told why it got the message. */
export function providerFooter(): FooterView {
  return {
    lines: ['您收到此邮件，是因为贵单位已登记为省商务厅“进园区”行动的服务机构。如有疑问，请联系开发区处。'],
    links: [],
  };
}
