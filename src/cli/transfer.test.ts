import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithService } from '../../test/support/services.ts';
import { type StoreKind, storeKinds } from '../../test/support/stores.ts';
import { openTestSite } from '../../test/support/web.ts';
import type { BookingRecord, EventDocument } from '../store/event-document.ts';
import { runCli } from './main.ts';

let dir: string;
let exported: EventDocument;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'convene-import-'));
  const site = await openTestSite();
  try {
    const eventId = await site.runtime.store.findEventId('oct2022-ptg');
    const document = eventId ? await site.runtime.store.exportEvent(eventId) : null;
    if (!document) throw new Error('the demo event did not export');
    exported = document;
  } finally {
    await site.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Target = Awaited<ReturnType<StoreKind['open']>>;

/**
 * Runs `convene import` with `flags` on `content` into the database `into` (a fresh one of `kind`
 * when none is given), and reads back what is there.
 */
async function importFile(kind: StoreKind, content: string, flags: string[] = [], into?: Target) {
  const file = join(dir, `event-${randomUUID()}.json`);
  writeFileSync(file, content);
  const target = into ?? (await kind.open());
  const err: string[] = [];
  try {
    const code = await runCli(['import', file, ...flags], {
      env: { DATABASE_URL: target.url },
      out: () => {},
      err: (line) => err.push(line),
      readFile: (path) => readFile(path, 'utf8'),
    });
    const { store } = target;
    const events = (await store.listEvents()).map((event) => event.slug);
    const organisers = (
      await store.listUsers([...exported.users.map((user) => user.id), 'imported-organiser'])
    )
      .filter((user) => user.isOrganizer)
      .map((user) => user.email);
    return { code, err: err.join('\n'), events, organisers };
  } finally {
    if (!into) await target.dispose();
  }
}

/**
 * Each file is refused with exit 2, its error naming the record and field, and nothing written
 * (all into one database, which must stay empty).
 */
async function expectRefused(kind: StoreKind, cases: readonly [string, string][]): Promise<void> {
  const target = await kind.open();
  try {
    for (const [content, message] of cases) {
      const result = await importFile(kind, content, [], target);
      expect([message, result.code, result.err.includes(message), result.events]).toEqual([
        message,
        2,
        true,
        [],
      ]);
    }
  } finally {
    await target.dispose();
  }
}

/** The exported demo with one thing changed by `edit`. */
function altered(edit: (document: Record<string, any>) => void): string {
  const document = structuredClone(exported) as unknown as Record<string, any>;
  edit(document);
  return JSON.stringify(document);
}

for (const kind of storeKinds)
  describeWithService(kind.name, kind.available, `convene import FILE on ${kind.name}`, () => {
    it('refuses, naming the record and field, with exit 2 and nothing written: CSS in a colour or slug, javascript: etherpads, non-ASCII slugs, bad revision numbers, malformed files', async () => {
      const cases: [string, string][] = [
        [altered((d) => (d.teams[0].colour = '#fff;}body{background:red')), 'teams[0].colour: '],
        [altered((d) => (d.teams[1].slug = 'nova}.x{color:red')), 'teams[1].slug: '],
        [altered((d) => (d.teams[2].etherpadUrl = 'javascript:alert(1)')), 'teams[2].etherpadUrl: '],
        [altered((d) => (d.event.slug = 'évent-ptg')), 'event: '],
        [altered((d) => (d.revisions[0].revision = 1e308)), 'revisions[0].revision: '],
        [
          altered((d) => (d.revisions[0].changes[0].event.slug = 'Bad Slug')),
          'revisions[0].changes[0].event: ',
        ],
        [altered((d) => (d.rooms[0].name = '<x/onclick=alert(1)>')), 'rooms[0].name: '],
        [altered((d) => (d.users = 'everyone')), 'users: not a list.'],
        [altered((d) => (d.revision = 1.5)), 'revision: 1.5 is not the number of revisions'],
        ['[1, 2]', 'the file: not an object.'],
        ['{"format": "convene-event", "version": 1}', 'event: not an object.'],
        ['{"format": ', 'Could not read '],
      ];
      await expectRefused(kind, cases);
    });

    it('refuses bookings, closed cells, sign-ups, sessions, summaries and follows the API would refuse, naming the record and field', async () => {
      const held = exported.bookings.findIndex((booking) => booking.cancelledAt === null);
      const booking = exported.bookings[held] as BookingRecord;
      const at = '2022-10-01T00:00:00Z';
      const otherTeam = exported.teams.find((team) => team.id !== booking.teamId)?.id;
      const freeRoom = exported.rooms.find(
        (room) =>
          !exported.bookings.some(
            (other) =>
              other.cancelledAt === null && other.roomId === room.id && other.slotId === booking.slotId,
          ) &&
          !exported.unavailable.some((cell) => cell.roomId === room.id && cell.slotId === booking.slotId),
      )?.id;
      const signupTeam = booking.teamId;
      const signup = {
        teamId: signupTeam,
        leadId: null,
        moderatorIds: [],
        expectedAttendance: 5,
        hoursWanted: 4,
        preferredWindows: [],
        avoidClashes: [],
        onboarding: false,
        operatorHour: false,
        videoUrl: null,
        notes: '',
        submittedAt: at,
        updatedAt: at,
        outcome: null,
      };
      const summary = {
        teamId: booking.teamId,
        summaryUrl: 'https://lists.example.org/nova',
        notesUrl: null,
        at,
      };
      const session = {
        id: booking.id,
        title: 'Placement',
        agenda: '',
        etherpadUrl: null,
        recordingUrl: null,
        guests: [],
        headcount: null,
        updatedAt: at,
      };
      const next = exported.bookings.length;
      const cases: [string, string][] = [
        [
          altered((d) => d.unavailable.push({ roomId: booking.roomId, slotId: booking.slotId })),
          `bookings[${held}]: `,
        ],
        [
          altered((d) => d.unavailable.push({ roomId: 'nowhere', slotId: booking.slotId })),
          '.roomId: there is no room',
        ],
        [altered((d) => (d.bookings[held].roomId = 'nowhere')), `bookings[${held}].roomId: there is no room`],
        [altered((d) => (d.bookings[held].teamId = 'nobody')), `bookings[${held}].teamId: there is no team`],
        [altered((d) => (d.bookings[held].slotId = 'never')), `bookings[${held}].slotId: there is no slot`],
        [altered((d) => (d.bookings[held].kind = 'stolen')), `bookings[${held}].kind: `],
        [
          altered((d) => d.bookings.push({ ...booking, id: 'double', teamId: otherTeam })),
          `bookings[${next}]: `,
        ],
        [
          altered((d) => d.bookings.push({ ...booking, id: 'busy', roomId: freeRoom })),
          `bookings[${next}]: `,
        ],
        [
          altered((d) => (d.sessions = { [booking.id]: { ...session, etherpadUrl: 'javascript:alert(1)' } })),
          `sessions.${booking.id}.etherpadUrl: `,
        ],
        [altered((d) => (d.sessions = { nope: { ...session, id: 'nope' } })), 'sessions.nope.id: '],
        [
          altered((d) => (d.sessions = { [booking.id]: { ...session, title: '<x/onclick=alert(1)>' } })),
          `sessions.${booking.id}.title: `,
        ],
        [
          altered(
            (d) =>
              (d.summaries = {
                [booking.teamId]: {
                  teamId: booking.teamId,
                  summaryUrl: 'javascript:alert(1)',
                  notesUrl: null,
                  at,
                },
              }),
          ),
          `summaries.${booking.teamId}.summaryUrl: `,
        ],
        [
          altered((d) => (d.signups = { [signupTeam]: { ...signup, moderatorIds: ['ghost'] } })),
          `signups.${signupTeam}.moderatorIds[0]: there is no user`,
        ],
        [
          altered((d) => (d.signups = { [signupTeam]: { ...signup, videoUrl: 'javascript:alert(1)' } })),
          `signups.${signupTeam}.videoUrl: `,
        ],
        [
          altered((d) => (d.follows = [{ userId: 'ghost', teamId: booking.teamId, createdAt: at }])),
          'follows[0].userId: there is no user',
        ],
      ];
      expect([otherTeam, freeRoom].every(Boolean)).toBe(true);
      await expectRefused(kind, cases);
      const valid = altered((d) => {
        d.signups = { [signupTeam]: signup };
        d.sessions = { [booking.id]: session };
        d.summaries = { [booking.teamId]: summary };
      });
      const imported = await importFile(kind, valid);
      expect([imported.code, imported.err, imported.events]).toEqual([0, '', ['oct2022-ptg']]);
    });

    it('imports an exported event without giving its users organiser rights, unless --with-organisers', async () => {
      const organiser = {
        id: 'imported-organiser',
        email: 'boss@example.org',
        name: 'Boss',
        ircNick: 'boss',
        timeZone: null,
        isOrganizer: true,
        listedInFindPeople: false,
        createdAt: '2022-10-01T00:00:00Z',
      };
      const content = JSON.stringify({ ...exported, users: [...exported.users, organiser] });
      const plain = await importFile(kind, content);
      expect([plain.code, plain.events, plain.organisers]).toEqual([0, ['oct2022-ptg'], []]);
      const trusted = await importFile(kind, content, ['--with-organisers']);
      expect([trusted.code, trusted.organisers]).toEqual([0, [organiser.email]]);
    });
  });
