export * from './application/read-proposal.service';
export * from './application/redrive-stuck-notifications.service';
export * from './application/send-notifications.service';
export * from './domain/notification-events';
export * from './domain/shanghai-time';
export type { NotificationView, ProposalFacts, TicketFacts } from './domain/notification-view';
export * from './notifications.errors';
export * from './notifications.module';
