import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './database.ts';

const made: string[] = [];
afterEach(() => {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
});

describe('a new SQLite database', () => {
  it('is created readable by its owner only (file 0600, new folders 0700), and so are its WAL files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'convene-db-'));
    made.push(root);
    const file = join(root, 'data', 'convene.sqlite');
    const { db } = connect(`sqlite:${file}`);
    await sql`create table t (x integer)`.execute(db);
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect([mode(join(root, 'data')), mode(file), mode(`${file}-wal`)]).toEqual([0o700, 0o600, 0o600]);
    await db.destroy();
  });
});
