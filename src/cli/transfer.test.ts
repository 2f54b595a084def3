import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite } from '../../test/support/web.ts';
import type { EventDocument } from '../store/event-document.ts';
import { KyselyStore } from '../store/kysely-store.ts';
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

let files = 0;
async function importFile(content: string, ...flags: string[]) {
  const file = join(dir, `event-${++files}.json`);
  const url = `sqlite:${join(dir, `target-${files}.sqlite`)}`;
  writeFileSync(file, content);
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['import', file, ...flags], {
    env: { DATABASE_URL: url },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (path) => readFile(path, 'utf8'),
  });
  const store = KyselyStore.open(url);
  try {
    // a file that is not even JSON stops before the database is opened
    await store.migrate();
    const events = (await store.listEvents()).map((event) => event.slug);
    const organisers = (
      await store.listUsers([...exported.users.map((user) => user.id), 'imported-organiser'])
    )
      .filter((user) => user.isOrganizer)
      .map((user) => user.email);
    return { code, err: err.join('\n'), events, organisers };
  } finally {
    await store.close();
  }
}

/** The exported demo with one thing changed by `edit`. */
function altered(edit: (document: Record<string, any>) => void): string {
  const document = structuredClone(exported) as unknown as Record<string, any>;
  edit(document);
  return JSON.stringify(document);
}

describe('convene import FILE', () => {
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
    for (const [content, message] of cases) {
      const result = await importFile(content);
      expect([message, result.code, result.err.includes(message), result.events]).toEqual([
        message,
        2,
        true,
        [],
      ]);
    }
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
    const plain = await importFile(content);
    expect([plain.code, plain.events, plain.organisers]).toEqual([0, ['oct2022-ptg'], []]);
    const trusted = await importFile(content, '--with-organisers');
    expect([trusted.code, trusted.organisers]).toEqual([0, [organiser.email]]);
  });
});
