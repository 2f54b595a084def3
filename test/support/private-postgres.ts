import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process.ts';
import { describeWithService } from './services.ts';

const run = promisify(execFile);

/** The newest installed PostgreSQL's programs (Debian keeps them in /usr/lib/postgresql/N/bin). */
function serverBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

const bin = serverBin();
/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
const asRoot = process.getuid?.() === 0;

/** `describe` for suites that start a PostgreSQL server of their own (see `describeWithService`). */
export function describeWithPostgresServer(name: string, body: () => void): void {
  describeWithService('a PostgreSQL server installation (initdb, pg_ctl)', bin !== null, name, body);
}

export interface PrivatePostgres {
  /** a database URL for the `postgres` database, over loopback TCP */
  readonly url: string;
  /** a fast restart: every connection is cut, and the server is back when this resolves */
  restart(): Promise<void>;
  /** stops the server and removes its files */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory on a free loopback port, which
 * the test may restart or stop without disturbing any other server. No fsync: it is thrown away.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!bin) throw new Error('no PostgreSQL installation under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'convene-pg-'));
  if (asRoot) chownSync(dir, ...postgresIds());
  const data = join(dir, 'data');
  const port = await freePort();
  const pg = (program: string, args: readonly string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args])
      : run(join(bin, program), [...args]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const control = (action: string, ...more: string[]) =>
    pg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '30',
      '-o',
      options,
      ...more,
      action,
    ]);
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  await control('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      await control('restart', '-m', 'fast');
    },
    async stop() {
      await control('stop', '-m', 'immediate').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The `postgres` user's uid and gid, from /etc/passwd. */
function postgresIds(): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('there is no postgres user to run PostgreSQL as');
  return [Number(uid), Number(gid)];
}
