import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../test/support/cli.ts';
import { inheritedEnv } from '../../test/support/server-process.ts';

const bin = new URL('../../bin/convene.js', import.meta.url).pathname;

describe('convene command line', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'convene-cli-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'convene.sqlite')}` };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...argv: string[]) => runCliInProcess(env, argv);

  it('prints an nginx configuration for the given instances, and refuses what nginx would misread', async () => {
    const printed = await run(
      'deploy',
      'nginx',
      '--listen',
      '80',
      '--server-name',
      'ptg.example.org',
      '--upstream',
      '10.0.0.5:3000',
      '--upstream',
      '[::1]:3001',
    );
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('server_name ptg.example.org;');
    expect(printed.out).toContain('server 10.0.0.5:3000 max_fails=1 fail_timeout=5s;');
    expect(printed.out).toContain('server [::1]:3001 max_fails=1 fail_timeout=5s;');
    expect(printed.out).toContain('proxy_buffering off;');
    const base = ['deploy', 'nginx', '--listen', '80', '--server-name', 'ptg.example.org'];
    expect(await run(...base)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--upstream HOST:PORT'),
    });
    expect(await run(...base, '--upstream', 'localhost:3000; evil')).toMatchObject({ code: 2 });
    expect(await run(...base, '--upstream', 'localhost:70000')).toMatchObject({ code: 2 });
    expect(
      await run('deploy', 'nginx', '--listen', '80', '--server-name', 'a b;', '--upstream', 'h:1'),
    ).toMatchObject({ code: 2 });
  });

  it('backs the installation up to a file and restores it into an empty database only', async () => {
    await run('user', 'add', 'ann@example.org', '--name', 'Ann');
    const file = join(dir, 'backup.jsonl');
    const written = await run('backup', file);
    expect(written).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Backed up \d+ rows of \d+ tables to /),
    });
    expect(await run('restore', file)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^This database is not empty/),
    });
    env = { DATABASE_URL: `sqlite:${join(dir, 'fresh.sqlite')}` };
    expect(await run('restore', file)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Restored \d+ rows/),
    });
    expect(await run('user', 'add', 'ann@example.org')).toMatchObject({ code: 1 });
    expect(await run('restore', join(dir, 'nowhere.jsonl'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('There is no file'),
    });
    expect(await run('backup')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Usage: convene backup FILE'),
    });
  });

  it('adds users and organisers, and refuses a second user with the same e-mail', async () => {
    expect(
      await run('user', 'add', 'ann@example.org', '--name', 'Ann', '--irc', 'Ann_', '--organizer'),
    ).toEqual({ code: 0, out: 'Added Ann <ann@example.org> (IRC Ann_) as an organiser.', err: '' });
    expect(await run('user', 'add', 'ANN@example.org')).toMatchObject({
      code: 1,
      err: 'There is already a user with e-mail ann@example.org.',
    });
    expect(await run('user', 'add', 'not-an-address')).toMatchObject({
      code: 1,
      err: '"not-an-address" is not an e-mail address.',
    });
  });

  it('prints a new token alone on the last line, lists it without the secret, and revokes it', async () => {
    await run('user', 'add', 'bob@example.org');
    const created = await run('token', 'create', 'bob@example.org');
    expect(created.code).toBe(0);
    expect(created.out.split('\n').at(-1)).toMatch(/^cvn_[A-Za-z0-9_-]{43}$/);
    const id = /Token (\S+) for/.exec(created.err)?.[1];
    const listed = await run('token', 'list', 'bob@example.org');
    expect(listed.out).toContain(id);
    expect(listed.out).not.toContain(created.out);
    expect(await run('token', 'revoke', id!)).toMatchObject({ code: 0, out: `Revoked token ${id}.` });
    expect(await run('token', 'revoke', id!)).toMatchObject({ code: 1 });
  });

  it('grants moderation of a demo team, then exports the event and imports it losslessly elsewhere', async () => {
    const { openRuntime } = await import('../runtime.ts');
    const { seedDemo } = await import('../app/events.ts');
    const runtime = await openRuntime({ databaseUrl: env.DATABASE_URL!, clockStart: '2022-10-18T14:20:00Z' });
    await seedDemo(runtime, runtime.clock.now());
    await runtime.close();

    await run('user', 'add', 'nia@example.org', '--irc', 'nia');
    expect(await run('team', 'moderator', 'add', 'oct2022-ptg', 'nova', 'nia@example.org')).toEqual({
      code: 0,
      out: 'Granted moderation of nova.',
      err: '',
    });
    expect(await run('team', 'moderator', 'add', 'oct2022-ptg', 'ghost', 'nia@example.org')).toMatchObject({
      code: 1,
    });

    const exported = await run('export', 'oct2022-ptg');
    expect(exported.code).toBe(0);
    const file = join(dir, 'event.json');
    writeFileSync(file, exported.out);
    env = { DATABASE_URL: `sqlite:${join(dir, 'other.sqlite')}` };
    expect(await run('import', file)).toEqual({
      code: 0,
      out: 'Imported oct2022-ptg (Project Teams Gathering, October 2022).',
      err: '',
    });
    expect((await run('export', 'oct2022-ptg')).out).toBe(exported.out);
    expect(await run('import', file)).toMatchObject({
      code: 1,
      err: 'There is already an event "oct2022-ptg" in this database.',
    });
  });

  it('explains wrong usage with the usage line and exit code 2', async () => {
    expect(await run('token', 'create')).toEqual({
      code: 2,
      out: '',
      err: 'Give one e-mail address.\nUsage: convene token create EMAIL [--label TEXT]',
    });
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('user', 'add', 'x@example.org', '--bogus')).code).toBe(2);
    expect((await run('help')).out).toContain('convene serve [--port N] [--demo]');
  });

  it('runs from a checkout as a real program', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'help'], {
      env: { ...inheritedEnv(), ...env },
    });
    expect(stdout).toContain('convene export EVENT');
  });
});
