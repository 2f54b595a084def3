import { describe, expect, it } from 'vitest';
import type { Change } from '../changes.ts';
import type { Revision } from '../revision.ts';
import { type AuditFilter, auditPage, auditPeople } from './audit-view.ts';

const everything: AuditFilter = { team: null, person: null, source: null, from: null, until: null };
const booking = { id: 'b1', teamId: 'nova', roomId: 'r', slotId: 's' } as unknown as Extract<
  Change,
  { type: 'booking.created' }
>['booking'];
const log: Revision[] = [
  {
    eventId: 'e',
    revision: 1,
    at: '2022-10-17T09:00:00Z',
    actorId: null,
    actorName: null,
    source: 'demo',
    changes: [],
  },
  {
    eventId: 'e',
    revision: 2,
    at: '2022-10-17T23:30:00Z',
    actorId: 'u-ana',
    actorName: 'Ana',
    source: 'web',
    changes: [{ type: 'booking.created', booking }],
  },
  {
    eventId: 'e',
    revision: 3,
    at: '2022-10-18T08:00:00Z',
    actorId: 'u-bo',
    actorName: 'Bo',
    source: 'irc',
    changes: [{ type: 'booking.cancelled', bookingId: 'b1', override: false }],
  },
  {
    eventId: 'e',
    revision: 4,
    at: '2022-10-18T09:00:00Z',
    actorId: 'u-bo',
    actorName: 'Bo',
    source: 'irc',
    changes: [{ type: 'board.cleaned', teamId: 'cinder' }],
  },
];

describe('the audit view', () => {
  it('lists every revision newest first, with the team each change is about', () => {
    const page = auditPage(log, everything, 1, 10);
    expect(page.entries.map((entry) => entry.revision)).toEqual([4, 3, 2, 1]);
    expect(page.entries[0]).toEqual({
      revision: 4,
      at: '2022-10-18T09:00:00Z',
      person: 'Bo',
      source: 'irc',
      changes: [{ type: 'board.cleaned', teamId: 'cinder' }],
    });
    expect(page.entries[3]?.person).toBe('Convene');
  });

  it('finds a cancelled booking’s team from its creation when filtering by team', () => {
    const page = auditPage(log, { ...everything, team: 'nova' }, 1, 10);
    expect(page.entries.map((entry) => entry.revision)).toEqual([3, 2]);
  });

  it('filters by person, by source and by a span of time', () => {
    expect(auditPage(log, { ...everything, person: 'u-bo' }, 1, 10).total).toBe(2);
    expect(auditPage(log, { ...everything, person: 'name:Convene' }, 1, 10).total).toBe(1);
    expect(auditPage(log, { ...everything, source: 'web' }, 1, 10).entries.map((e) => e.revision)).toEqual([
      2,
    ]);
    const day = { ...everything, from: '2022-10-17T22:00:00Z', until: '2022-10-18T08:00:00Z' };
    expect(auditPage(log, day, 1, 10).entries.map((e) => e.revision)).toEqual([2]);
  });

  it('cuts the list into pages, and a page past the end shows the last', () => {
    expect(auditPage(log, everything, 2, 3)).toMatchObject({ page: 2, pages: 2, total: 4 });
    expect(auditPage(log, everything, 2, 3).entries.map((e) => e.revision)).toEqual([1]);
    expect(auditPage(log, everything, 99, 3).page).toBe(2);
    expect(auditPage(log, everything, Number.NaN, 3).page).toBe(1);
  });

  it('offers each person once, by name', () => {
    expect(auditPeople(log)).toEqual([
      { key: 'u-ana', name: 'Ana' },
      { key: 'u-bo', name: 'Bo' },
      { key: 'name:Convene', name: 'Convene' },
    ]);
  });
});
