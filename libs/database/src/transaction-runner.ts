import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Runs a unit of work in one database transaction; state and its events commit together. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** PostgreSQL's error code, when `error` came from the driver. */
export function pgErrorCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string }; code?: string } | null) ?? undefined;
  return driverError?.driverError?.code ?? driverError?.code;
}

export function pgConstraint(error: unknown): string | undefined {
  const e = error as { driverError?: { constraint?: string }; constraint?: string } | null;
  return e?.driverError?.constraint ?? e?.constraint ?? undefined;
}
