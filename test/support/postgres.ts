import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeWithService } from './services.ts';

/** The server the PostgreSQL suites use; each suite gets a database of its own on it. */
export const postgresAdminUrl =
  process.env.CONVENE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function probe(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresAvailable = await probe();

/** `describe` for suites that need PostgreSQL (see `describeWithService`). */
export function describeWithPostgres(name: string, body: () => void): void {
  describeWithService('PostgreSQL', postgresAvailable, name, body);
}

/** A new empty database; `drop` removes it (and disconnects whoever is still in it). */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `convene_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
