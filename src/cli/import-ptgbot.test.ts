import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp } from '../../test/support/http.ts';
import { runtimeOn } from '../../test/support/runtime.ts';
import { describeWithShared, readShared, sharedPath } from '../../test/support/shared-files.ts';
import { KyselyStore } from '../store/kysely-store.ts';
import { runCli } from './main.ts';

const fixture = 'fixtures/ptgbot-base.json';

describeWithShared([fixture], 'convene import --ptgbot', () => {
  let dir: string;
  let url: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'convene-cli-'));
    url = `sqlite:${join(dir, 'convene.sqlite')}`;
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      env: { DATABASE_URL: url },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      readFile: (path) => readFile(path, 'utf8'),
    });
    return { code, out, err };
  }

  const importArgs = [
    'import',
    '--ptgbot',
    sharedPath(fixture),
    '--event',
    'den-ptg',
    '--start',
    '2020-06-01',
    '--tz',
    'UTC',
  ];

  async function withStore<T>(use: (store: KyselyStore) => Promise<T>): Promise<T> {
    const store = KyselyStore.open(url);
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  it('prints what it would create and writes nothing on a dry run', async () => {
    const { code, out, err } = await cli(...importArgs, '--dry-run');
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toBe('Event den-ptg "DEN-ptg": 2020-06-01 to 2020-06-05, hybrid, times shown in UTC.');
    expect(out).toContain('356 booked cells, 90 free cells, 14 closed cells.');
    expect(out.at(-1)).toBe('Dry run: nothing was written.');
    expect(await withStore((store) => store.listEvents())).toEqual([]);
  });

  it('imports ptgbot’s base.json at --start 2018-09-10 in America/Denver, noting in the preview the stale realtime it set aside', async () => {
    const args = [...importArgs.slice(0, 6), '2018-09-10', '--tz', 'America/Denver', '--dry-run'];
    const { code, out, err } = await cli(...args);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toBe(
      'Event den-ptg "DEN-ptg": 2018-09-10 to 2018-09-14, hybrid, times shown in America/Denver.',
    );
    expect(out.filter((line) => line.includes('realtime'))).toEqual([
      'Note: Slot MonA1: realtime 2020-06-01T09:00:00Z is more than a day from 09:00-10:45 on 2018-09-10 in America/Denver (2018-09-10T15:00:00Z); the slot’s day and time from --start are used.',
    ]);
  });

  it('creates 44 teams and 23 rooms, and ptg.json of the new event has the same schedule', async () => {
    const { code, out } = await cli(...importArgs);
    expect(code).toBe(0);
    expect(out.at(-1)).toBe('Imported den-ptg (DEN-ptg).');
    const store = KyselyStore.open(url);
    const runtime = runtimeOn({ store, url, dispose: () => store.close() }, '2020-06-01T10:00:00Z');
    const app = await buildTestApp(runtime);
    try {
      const state = await runtime.models.get('den-ptg');
      expect([state?.teams.length, state?.rooms.length]).toEqual([44, 23]);
      const response = await app.inject({ method: 'GET', url: '/events/den-ptg/ptg.json' });
      const original = JSON.parse(readShared(fixture));
      expect(response.json().schedule).toEqual(original.schedule);
      expect(response.json().tracks).toEqual(original.tracks);
    } finally {
      await app.close();
      await runtime.close();
    }
  });

  it('refuses to import over an event of the same short name, writing nothing more', async () => {
    expect((await cli(...importArgs)).code).toBe(0);
    const again = await cli(...importArgs);
    expect(again.code).toBe(1);
    expect(again.err).toEqual(['There is already an event "den-ptg".', 'Nothing was written.']);
    expect((await withStore((store) => store.listEvents())).length).toBe(1);
  });

  it('explains missing options with the usage line (exit 2)', async () => {
    const { code, err } = await cli('import', '--ptgbot', sharedPath(fixture), '--event', 'den-ptg');
    expect(code).toBe(2);
    expect(err[0]).toContain(
      'Give the new event’s short name (--event), its first day (--start) and time zone (--tz).',
    );
    expect(err[0]).toContain('Usage: convene import --ptgbot FILE');
  });
});
