import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../test/support/cli.ts';
import { openTestSite } from '../../test/support/web.ts';
import { KyselyStore } from '../store/kysely-store.ts';

/** The demo event as `convene export` writes it. */
async function demoExport() {
  const site = await openTestSite();
  try {
    const eventId = await site.runtime.store.findEventId('oct2022-ptg');
    return eventId ? await site.runtime.store.exportEvent(eventId) : null;
  } finally {
    await site.close();
  }
}

/** The words of a command line, split at spaces; quoted parts are given as separate arguments. */
const words = (line: string) => line.split(' ');

describe('convene event', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'convene-event-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'convene.sqlite')}` };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...argv: string[]) => runCliInProcess(env, argv);
  const exported = async (slug: string) => JSON.parse((await run('export', slug)).out);
  const lastLine = (text: string) => text.split('\n').at(-1);
  const april = words('event create apr2024-ptg --from 2024-04-08 --to 2024-04-09');

  it('creates a draft with windows in its zone and rooms, prints the slug last, then publishes and archives it', async () => {
    const created = await run(
      ...april,
      ...words('--tz Europe/Paris --per-day-hours 4 --room Bexar'),
      ...['--title', 'April 2024 PTG', '--window', 'Americas / Europe 15:00-17:00', '--room', 'Ballroom A'],
    );
    expect(created).toMatchObject({ code: 0, err: '' });
    expect(lastLine(created.out)).toBe('apr2024-ptg');
    const document = await exported('apr2024-ptg');
    expect(document.event).toMatchObject({
      status: 'draft',
      windows: [{ name: 'Americas / Europe', start: '13:00', end: '15:00' }],
      rules: { dailyCapMinutes: 240, totalCapMinutes: null },
    });
    expect(document.rooms.map((room: { name: string }) => room.name)).toEqual(['Bexar', 'Ballroom A']);
    expect(document.slots.map((slot: { code: string }) => slot.code)).toEqual([
      'mon13',
      'mon14',
      'tue13',
      'tue14',
    ]);

    expect(await run(...words('event publish apr2024-ptg'))).toMatchObject({ code: 0, out: /is published/ });
    expect(await run(...words('event archive apr2024-ptg'))).toMatchObject({ code: 0, out: /is archived/ });
    expect((await exported('apr2024-ptg')).event.status).toBe('archived');
  });

  it('copies an event to new dates with --copy-from', async () => {
    await run(...april, ...words('--title April --room Bexar'), '--window', 'Morning 09:00-11:00');
    const copied = await run(...words('event create oct2024-ptg --copy-from apr2024-ptg --from 2024-10-21'));
    expect(copied).toMatchObject({ code: 0, err: '' });
    expect(lastLine(copied.out)).toBe('oct2024-ptg');
    const document = await exported('oct2024-ptg');
    expect(document.event).toMatchObject({ title: 'April', startsOn: '2024-10-21', endsOn: '2024-10-22' });
    expect(document.slots.map((slot: { start: string }) => slot.start)).toEqual([
      '2024-10-21T09:00:00Z',
      '2024-10-21T10:00:00Z',
      '2024-10-22T09:00:00Z',
      '2024-10-22T10:00:00Z',
    ]);
  });

  it('copies the demo to new dates with its rooms and windows moved, and invites its approved teams with --invite-teams', async () => {
    const file = join(dir, 'demo.json');
    writeFileSync(file, JSON.stringify(await demoExport()));
    expect(await run('import', file)).toMatchObject({ code: 0, err: '' });
    expect(await run(...words('user add nia@example.org --name Nia'))).toMatchObject({ code: 0 });
    expect(await run(...words('team moderator add oct2022-ptg cinder nia@example.org'))).toMatchObject({
      code: 0,
    });
    const copied = await run(
      ...words('event create oct2023-ptg --copy-from oct2022-ptg --from 2023-10-23 --invite-teams'),
    );
    expect(copied).toMatchObject({ code: 0, err: '' });
    expect(copied.out).toMatch(/^Invited 46 teams of oct2022-ptg to sign up again/);
    expect(lastLine(copied.out)).toBe('oct2023-ptg');
    const [demo, copy] = [await exported('oct2022-ptg'), await exported('oct2023-ptg')];
    expect(copy.event.windows).toEqual(demo.event.windows);
    expect(copy.rooms.map((room: { name: string }) => room.name)).toEqual(
      demo.rooms.map((room: { name: string }) => room.name),
    );
    const moved = (at: string) =>
      new Date(Date.parse(at) + 371 * 86_400_000).toISOString().replace('.000', '');
    expect(copy.slots.map((slot: { start: string }) => slot.start)).toEqual(
      demo.slots.map((slot: { start: string }) => moved(slot.start)),
    );
    const store = KyselyStore.open(env.DATABASE_URL as string);
    try {
      const eventId = (await store.findEventId('oct2023-ptg')) ?? '';
      const invitations = await store.invitations.list(eventId);
      expect(invitations).toHaveLength(46);
      expect(invitations.find((invitation) => invitation.slug === 'cinder')).toMatchObject({
        name: 'Cinder',
        moderators: ['nia@example.org'],
        status: 'invited',
      });
    } finally {
      await store.close();
    }
    expect(
      await run(...words('event create x-ptg --title X --from 2024-04-08 --to 2024-04-09 --invite-teams')),
    ).toMatchObject({
      code: 2,
      err: /--copy-from/,
    });
  });

  it('explains bad input and exits with 1 or 2, creating nothing', async () => {
    expect(await run(...april, '--title', 'X', '--window', 'Late 17:00-13:00')).toMatchObject({
      code: 1,
      err: /ends before it starts/,
    });
    expect(await run(...april, '--title', 'X', '--window', 'nonsense')).toMatchObject({
      code: 2,
      err: /should look like/,
    });
    expect(
      await run(
        ...words('event create x-ptg --title X --from 2024-04-09 --to 2024-04-08'),
        '--window',
        'W 09:00-10:00',
      ),
    ).toMatchObject({ code: 1, err: /last not before the first/ });
    expect(await run(...words('event create --from 2024-04-08'))).toMatchObject({ code: 2 });
    expect(await run(...words('event publish apr2024-ptg'))).toMatchObject({
      code: 1,
      err: 'There is no event "apr2024-ptg".',
    });
  });
});
