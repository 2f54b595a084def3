import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillEveryTable } from '../../test/support/installation.ts';
import { bookingProcess } from '../../test/support/other-process.ts';
import { describeWithPostgres } from '../../test/support/postgres.ts';
import { runtimeOn, type TestRuntime } from '../../test/support/runtime.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { demoNow } from '../../test/support/web.ts';
import type { Actor } from '../core/model/actor.ts';
import type { BookingRecord } from '../store/event-document.ts';
import { exportAccount } from './account.ts';
import { BackupRefused, restoreBackup, writeBackup } from './backup.ts';

type Installation = Omit<TestRuntime, 'tokens'>;
type KindName = 'sqlite' | 'postgres';

const open = async (name: KindName): Promise<Installation> => {
  const kind = storeKinds.find((candidate) => candidate.name === name);
  if (!kind) throw new Error(`no store kind ${name}`);
  return runtimeOn(await kind.open(), demoNow);
};
const burster: Actor = { userId: null, name: 'Burst', isOrganizer: true };

/** The ids of every person, read from the users table itself. */
async function userIds(runtime: Installation): Promise<string[]> {
  const ids: string[] = [];
  await runtime.store.dumpTables(async (table) => {
    const column = table.columns.indexOf('id');
    if (table.name === 'users') for (const row of table.rows) ids.push(String(row[column]));
  });
  return ids.sort();
}

/** Every event's export (without the moment it was made) and every person's own data, as text. */
async function everything(runtime: Installation): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const event of await runtime.store.listEvents()) {
    const document = await runtime.store.exportEvent(event.id);
    texts[`event ${event.slug}`] = JSON.stringify({ ...document, exportedAt: '' });
  }
  for (const user of await runtime.store.listUsers(await userIds(runtime))) {
    const actor = { userId: user.id, name: user.name, isOrganizer: user.isOrganizer };
    texts[`person ${user.email}`] = JSON.stringify(await exportAccount(runtime, { actor, source: 'web' }));
  }
  return texts;
}

/** Bookings standing after the revisions of a document, replayed from its history alone. */
function bookingsByHistory(revisions: readonly { changes: readonly { type: string }[] }[]): string[] {
  const standing = new Set<string>();
  for (const revision of revisions) {
    for (const change of revision.changes as readonly {
      type: string;
      booking?: { id: string };
      bookingId?: string;
    }[]) {
      if (change.type === 'booking.created' && change.booking) standing.add(change.booking.id);
      if (change.type === 'booking.cancelled') standing.delete(change.bookingId ?? change.booking?.id ?? '');
    }
  }
  return [...standing].sort();
}

describeWithPostgres('convene backup and restore, across SQLite and PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convene-backup-'));
  const opened: Installation[] = [];
  let source: Installation;

  beforeAll(async () => {
    source = await open('sqlite');
    opened.push(source);
    await fillEveryTable(source);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(opened.map((runtime) => runtime.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const into = async (name: KindName) => {
    const runtime = await open(name);
    opened.push(runtime);
    return runtime;
  };

  it('has rows in every table of the test installation, so the backup covers each one', async () => {
    const empty = Object.entries(await source.store.countRows()).filter(([, count]) => count === 0);
    expect(empty, 'give these tables rows in test/support/installation.ts').toEqual([]);
  });

  it('backs up during a booking burst from another process: the copy is one consistent moment', async () => {
    const state = await source.models.get('oct2022-ptg');
    if (!state) throw new Error('no demo event');
    const teams = state.teams.filter((team) => team.status === 'approved').map((team) => team.slug);
    const later = state.slots.filter((slot) => slot.start > demoNow);
    const attempts = later.slice(0, 40).flatMap((slot, index) =>
      state.rooms.slice(0, 2).map((room, turn) => ({
        actor: burster,
        input: {
          team: teams[(index * 2 + turn) % teams.length] as string,
          room: room.slug,
          slot: slot.code,
          override: true,
        },
      })),
    );
    const burst = await bookingProcess(source.url, 'oct2022-ptg', demoNow, attempts);
    const file = join(dir, 'during-burst.jsonl');
    const [outcomes] = await Promise.all([
      burst.go(),
      new Promise((resolve) => setTimeout(resolve, 30)).then(() => writeBackup(source, file, demoNow)),
    ]);
    expect(outcomes.filter((outcome) => outcome === 'ok').length).toBeGreaterThan(10);

    const target = await into('postgres');
    await restoreBackup(target, file);
    const eventId = (await target.store.findEventId('oct2022-ptg')) as string;
    const copy = await target.store.exportEvent(eventId);
    const original = await source.store.exportEvent(eventId);
    if (!copy || !original) throw new Error('the event is missing');
    expect(copy.revisions.length).toBe(copy.revision);
    expect(JSON.stringify(copy.revisions)).toBe(JSON.stringify(original.revisions.slice(0, copy.revision)));
    const standing = (bookings: readonly BookingRecord[]) =>
      bookings
        .filter((booking) => booking.cancelledAt === null)
        .map((booking) => booking.id)
        .sort();
    expect(standing(copy.bookings)).toEqual(bookingsByHistory(copy.revisions));
  }, 60_000);

  it('restores SQLite into PostgreSQL and back: every event’s export and every person’s data byte for byte', async () => {
    const expected = await everything(source);
    const first = join(dir, 'from-sqlite.jsonl');
    const written = await writeBackup(source, first, demoNow);
    const postgres = await into('postgres');
    expect(await restoreBackup(postgres, first)).toEqual(written);
    expect(await everything(postgres)).toEqual(expected);

    const second = join(dir, 'from-postgres.jsonl');
    await writeBackup(postgres, second, demoNow);
    const sqlite = await into('sqlite');
    await restoreBackup(sqlite, second);
    expect(await everything(sqlite)).toEqual(expected);
    expect(await sqlite.store.countRows()).toEqual(await source.store.countRows());
  }, 60_000);

  describe('refusals, before anything is written', () => {
    let good = '';
    let lines: string[] = [];
    beforeAll(async () => {
      good = join(dir, 'good.jsonl');
      await writeBackup(source, good, demoNow);
      lines = readFileSync(good, 'utf8').split('\n');
    });

    const refusedWith = async (text: string, message: RegExp) => {
      const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.jsonl`);
      writeFileSync(file, text);
      const target = await into('sqlite');
      const error = await restoreBackup(target, file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BackupRefused);
      expect((error as Error).message).toMatch(message);
      expect(Object.values(await target.store.countRows()).every((count) => count === 0)).toBe(true);
    };

    it('refuses a file cut short', async () => {
      const text = readFileSync(good, 'utf8');
      await refusedWith(text.slice(0, Math.floor(text.length / 2)), /is (incomplete|damaged or incomplete)/);
      await refusedWith(`${lines.slice(0, -2).join('\n')}\n`, /is incomplete: it ends before its last line/);
    });

    it('refuses a backup from a newer version: a later format, or a migration this version does not know', async () => {
      const header = JSON.parse(lines[0] as string);
      const newer = [JSON.stringify({ ...header, version: 2 }), ...lines.slice(1)].join('\n');
      await refusedWith(newer, /written by a newer Convene \(backup format 2/);
      const later = { ...header, migrations: [...header.migrations, '9999-from-the-future'] };
      await refusedWith([JSON.stringify(later), ...lines.slice(1)].join('\n'), /9999-from-the-future/);
    });

    it('refuses a file edited by hand: a changed value, a removed row, anything after the end', async () => {
      const changed = lines.map((line) => line.replace('"Olive"', '"Mallory"')).join('\n');
      expect(changed).not.toBe(lines.join('\n'));
      await refusedWith(changed, /was changed after it was written/);
      const row = lines.findIndex((line, index) => index > 0 && line.startsWith('['));
      await refusedWith(
        lines.filter((_, index) => index !== row).join('\n'),
        /was changed after it was written/,
      );
      await refusedWith(`${lines.join('\n')}{"extra":true}\n`, /goes on after its last line/);
      await refusedWith('{"hello": "world"}\n', /is not a Convene backup/);
    });

    it('refuses to restore into a database that is not empty', async () => {
      const error = await restoreBackup(source, good).catch((caught: unknown) => caught);
      expect((error as Error).message).toMatch(
        /^This database is not empty \(.*\)\. Restore into a new, empty database\.$/,
      );
    });
  });
});
