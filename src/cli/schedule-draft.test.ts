import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inheritedEnv } from '../../test/support/server-process.ts';
import { checkDraft } from '../core/draft-schedule/check-draft.ts';
import type { DraftInstance } from '../core/draft-schedule/draft-instance.ts';
import { runCli } from './main.ts';

const bin = new URL('../../bin/convene.js', import.meta.url).pathname;

const instance: DraftInstance = {
  version: 1,
  slots: [13, 14, 15].map((hour) => ({
    id: `mon${hour}`,
    day: '2022-10-17',
    window: 'Americas / Europe',
    start: `2022-10-17T${hour}:00:00Z`,
  })),
  rooms: [{ id: 'kilo' }, { id: 'bexar' }],
  unavailable: [{ room: 'kilo', slot: 'mon13' }],
  caps: { per_day: 2, total: 2 },
  teams: [
    {
      id: 'nova',
      hours: 2,
      windows: ['Americas / Europe'],
      avoid: ['neutron'],
      fixed: [{ room: 'bexar', slot: 'mon14' }],
    },
    { id: 'neutron', hours: 2, windows: [], avoid: [], fixed: [] },
    { id: 'kolla', hours: 12, windows: [], avoid: [], fixed: [] },
  ],
  people: [{ teams: ['nova', 'neutron', 'kolla'] }],
};

describe('convene schedule draft --instance', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'convene-draft-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function draft(content: string | object, ...more: string[]) {
    const file = join(dir, `instance-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      ['schedule', 'draft', '--instance', file, '--json', '--time-limit', '0.2', ...more],
      {
        env: {},
        out: (line) => out.push(line),
        err: (line) => err.push(line),
        readFile: async (path) => readFileSync(path, 'utf8'),
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  const withTeam = (index: number, change: object) => ({
    ...instance,
    teams: instance.teams.map((team, i) => (i === index ? { ...team, ...change } : team)),
  });

  it('prints the draft as JSON, its cost recomputed by the checker, and exits 0', async () => {
    const result = await draft(instance);
    expect(result).toMatchObject({ code: 0, err: '' });
    const printed = JSON.parse(result.out);
    expect(Object.keys(printed)).toEqual(['bookings', 'cost', 'bound', 'seconds']);
    const check = checkDraft(instance, printed.bookings);
    expect(check.broken).toEqual([]);
    expect(printed.cost).toEqual(check.cost);
    expect(printed.bookings).toContainEqual({ team: 'nova', room: 'bexar', slot: 'mon14' });
  });

  it('counts hours asked above caps.total as caps.total', async () => {
    const printed = JSON.parse((await draft(instance)).out);
    expect(printed.bookings.filter((booking: { team: string }) => booking.team === 'kolla')).toHaveLength(2);
  });

  it.each([
    [
      'an unknown team in avoid',
      withTeam(0, { avoid: ['cinder'] }),
      'teams[0].avoid[0]: there is no team "cinder"',
    ],
    [
      'overlapping fixed bookings',
      withTeam(1, { fixed: [{ room: 'bexar', slot: 'mon14' }] }),
      'teams[1].fixed[0]: overlaps a fixed booking of "nova"',
    ],
    [
      'fixed hours above the cap',
      withTeam(1, {
        hours: 1,
        fixed: [
          { room: 'kilo', slot: 'mon14' },
          { room: 'kilo', slot: 'mon15' },
        ],
      }),
      "teams[1].fixed: 2 fixed hours are above the team's 1",
    ],
    ['hours of the wrong type', withTeam(2, { hours: 'twelve' }), 'teams[2].hours: must be a whole number'],
    ['negative hours', withTeam(2, { hours: -3 }), 'teams[2].hours: must be a whole number'],
    [
      'a fixed booking in a closed cell',
      withTeam(1, { fixed: [{ room: 'kilo', slot: 'mon13' }] }),
      'teams[1].fixed[0]: room "kilo" is unavailable',
    ],
    ['slots that are not a list', { ...instance, slots: 'mon13' }, 'slots: must be a list'],
    [
      'an unknown slot',
      { ...instance, unavailable: [{ room: 'kilo', slot: 'sun99' }] },
      'unavailable[0].slot: there is no slot "sun99"',
    ],
    ['another version', { ...instance, version: 2 }, 'version: must be 1'],
    [
      'a person with an unknown team',
      { ...instance, people: [{ teams: ['<b>x</b>'] }] },
      'people[0].teams[0]',
    ],
    ['text that is not JSON', '{"version": 1,', 'The file is not JSON'],
  ])(
    'refuses %s with the field on stderr, nothing on stdout, and exit code 2',
    async (_, content, message) => {
      const result = await draft(content);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain(message);
    },
  );

  it('refuses a 10 MB file without reading it as an instance', async () => {
    const result = await draft(JSON.stringify({ ...instance, padding: 'x'.repeat(10 * 1024 * 1024) }));
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toContain('larger than 4 MB');
  });

  it('refuses a file that is not there, and an event given with --instance', async () => {
    const missing = await runCli(['schedule', 'draft', '--instance', join(dir, 'none.json'), '--json'], {
      env: {},
      out: () => undefined,
      err: () => undefined,
      readFile: async (path) => readFileSync(path, 'utf8'),
    });
    expect(missing).toBe(2);
    expect((await draft(instance, 'oct2022-ptg')).code).toBe(2);
  });

  it('exits 2 with the message on stderr as a real program', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(withTeam(0, { avoid: ['cinder'] })));
    const run = promisify(execFile)(
      process.execPath,
      [bin, 'schedule', 'draft', '--instance', file, '--json'],
      {
        env: { ...inheritedEnv(), DATABASE_URL: `sqlite:${join(dir, 'unused.sqlite')}` },
      },
    );
    await expect(run).rejects.toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('teams[0].avoid[0]'),
    });
  });
});
