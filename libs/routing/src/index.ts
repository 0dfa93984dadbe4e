export * from './application/redrive-stuck-tickets.service';
export * from './application/route-tickets.service';
export * from './domain/assignment';
export * from './domain/routing-rule';
export * from './routing.module';
