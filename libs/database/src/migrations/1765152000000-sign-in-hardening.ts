import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in hardening. `token_version` is carried in every access token (`ver`) and bumped when
 * an account is deactivated, its desks or zone change or its password does, so older tokens stop
 * working; `active` switches an account off without deleting what it did. `sign_in_throttle`
 * counts failed sign-ins per account and per client address in a fixed window, shared by every
 * API replica (keys are `account:<email>` and `address:<ip>`).
 */
export class SignInHardening1765152000000 implements MigrationInterface {
  name = 'SignInHardening1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN active boolean NOT NULL DEFAULT true, ADD COLUMN token_version integer NOT NULL DEFAULT 1 CHECK (token_version > 0)`);
    await q.query(`
      CREATE TABLE sign_in_throttle (
        key                text PRIMARY KEY,
        window_started_at  timestamptz NOT NULL,
        failures           integer NOT NULL CHECK (failures >= 0)
      )`);
    // Old windows are purged a few at a time by whoever records the next failure.
    await q.query(`CREATE INDEX sign_in_throttle_window_idx ON sign_in_throttle (window_started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_throttle`);
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version, DROP COLUMN active`);
  }
}
