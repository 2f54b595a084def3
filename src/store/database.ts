import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Connection {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** the PostgreSQL connection string, for the change bus to LISTEN on */
  readonly postgresUrl: string | null;
}

// PostgreSQL returns bigint (count(*), sums) as strings; every number here fits a double.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/**
 * Opens the database named by a URL: `postgres://…` (or `postgresql://…`), `sqlite:PATH`, or a
 * bare file path. SQLite runs with foreign keys on, WAL and a busy timeout so a CLI command and the
 * server can share the file.
 */
export function connect(url: string, options: { poolSize?: number } = {}): Connection {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    keepAlive(pool);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      postgresUrl: url,
    };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') createPrivately(file);
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    dialect: 'sqlite',
    postgresUrl: null,
  };
}

/**
 * The file holds the session secret and calendar secrets: a new file (and any folder made for it)
 * is readable by its owner only. SQLite gives its -wal and -shm files the database file's mode.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
}

/**
 * A lost connection must never crash the process: the pool reports idle ones on itself, and a
 * connection in use reports on its client, which the pool leaves without a listener while it is
 * checked out. The query in flight fails on its own; the pool drops the broken client on release.
 */
export function keepAlive(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
}

/** SQLSTATE classes and codes that mean the server went away or is not taking connections yet. */
const lostConnectionCodes = /^(08...|57P0[1-3]|53300)$/;
const lostConnectionErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const lostConnectionMessages =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection closed/i;

/**
 * The database could not be reached, or the connection died under a statement: PostgreSQL
 * restarting, a network cut, a full server. Never the request's fault, and gone once it is back.
 */
export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (lostConnectionCodes.test(code) || lostConnectionErrors.has(code)))
    return true;
  return lostConnectionMessages.test(error.message);
}

/**
 * A write that could not reach the database. `committed` is false when the connection died before
 * the commit was sent (trying again cannot write twice), null when it died during the commit.
 */
export class DatabaseUnavailable extends Error {
  constructor(
    readonly committed: false | null,
    options: { cause: unknown },
  ) {
    super('The database is not reachable.', options);
  }
}

/** A unique constraint refused a write, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
