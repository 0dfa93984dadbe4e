export * from './application/read-tickets.service';
export * from './domain/ticket';
export * from './domain/ticket-status';
export * from './persistence/ticket-query';
export * from './persistence/ticket.repository';
export * from './tickets.errors';
export * from './tickets.module';
