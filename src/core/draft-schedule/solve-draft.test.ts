import { describe, expect, it } from 'vitest';
import { generateDraftInstance } from '../../../test/support/draft-instances.ts';
import { seededRandom } from '../../demo/seeded-random.ts';
import { assignRooms } from './assign-rooms.ts';
import { checkDraft } from './check-draft.ts';
import { compileInstance } from './compiled-instance.ts';
import type { DraftBooking, DraftInstance, DraftTeam } from './draft-instance.ts';
import { greedyPlan } from './greedy-draft.ts';
import { checkDraftInstance } from './read-draft-instance.ts';
import { bookingsOf, type SolveOptions, solveDraft } from './solve-draft.ts';

/** A clock that moves one tick each time it is read, so a run stops at the same step on any machine. */
function ticking(): () => number {
  let tick = 0;
  return () => tick++;
}

const run = (seed: number, ticks = 400): SolveOptions => ({
  timeLimitMs: ticks,
  clock: ticking(),
  random: seededRandom(seed),
});

/** The cheapest draft of a tiny instance, by trying every way of giving each team a room or none in each slot. */
function optimumByEnumeration(instance: DraftInstance): number {
  const cells: { team: string; slot: string }[] = instance.teams.flatMap((team) =>
    instance.slots.map((slot) => ({ team: team.id, slot: slot.id })),
  );
  const choices = [null, ...instance.rooms.map((room) => room.id)];
  let best = Number.POSITIVE_INFINITY;
  const chosen: DraftBooking[] = [];
  const held = new Set<string>();
  const visit = (i: number) => {
    if (i === cells.length) {
      const check = checkDraft(instance, chosen);
      if (check.broken.length === 0) best = Math.min(best, check.cost.total);
      return;
    }
    const { team, slot } = cells[i]!;
    for (const room of choices) {
      if (room === null) {
        visit(i + 1);
        continue;
      }
      if (held.has(`${room} ${slot}`)) continue;
      held.add(`${room} ${slot}`);
      chosen.push({ team, room, slot });
      visit(i + 1);
      chosen.pop();
      held.delete(`${room} ${slot}`);
    }
  };
  visit(0);
  return best;
}

/** A small random instance: two days of slots in two windows, a few teams, rooms and people. */
function tinyInstance(
  seed: number,
  size: { teams: number; rooms: number; slotsPerDay: number },
): DraftInstance {
  const random = seededRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const slots = ['17', '18'].flatMap((date, d) =>
    Array.from({ length: size.slotsPerDay }, (_, h) => ({
      id: `d${d}h${h}`,
      day: `2022-10-${date}`,
      window: h < size.slotsPerDay / 2 ? 'early' : 'late',
      start: `2022-10-${date}T${String(10 + h).padStart(2, '0')}:00:00Z`,
    })),
  );
  const rooms = Array.from({ length: size.rooms }, (_, r) => ({ id: `r${r}` }));
  const ids = Array.from({ length: size.teams }, (_, t) => `t${t}`);
  const teams: DraftTeam[] = ids.map((id) => ({
    id,
    hours: 1 + below(4),
    windows: random() < 0.3 ? ['early'] : [],
    avoid: random() < 0.3 ? [ids[below(ids.length)]!].filter((other) => other !== id) : [],
    fixed: [],
  }));
  const unavailable = random() < 0.5 ? [{ room: 'r0', slot: slots[below(slots.length)]!.id }] : [];
  const people = Array.from({ length: 6 }, () => ({
    teams: [...new Set([ids[below(ids.length)]!, ids[below(ids.length)]!])],
  }));
  const instance: DraftInstance = {
    version: 1,
    slots,
    rooms,
    unavailable,
    caps: { per_day: 2, total: 3 },
    teams,
    people,
  };
  const checked = checkDraftInstance(instance);
  if (!checked.ok) throw new Error(checked.refusal.message);
  return checked.value;
}

describe('solveDraft', () => {
  it.each([1, 2, 3, 4, 5, 6])('finds the cheapest draft of tiny instance %i, as enumeration does', (seed) => {
    const instance = tinyInstance(seed, { teams: 3, rooms: 2, slotsPerDay: 2 });
    const draft = solveDraft(instance, run(seed));
    const check = checkDraft(instance, draft.bookings);
    expect(check.broken).toEqual([]);
    expect(draft.cost).toEqual(check.cost);
    expect(draft.cost.total).toBe(optimumByEnumeration(instance));
    expect(draft.bound).toBeLessThanOrEqual(draft.cost.total);
  });

  it('keeps fixed bookings, windows and closed cells where the optimum is known', () => {
    const slots = [10, 11, 12].map((hour) => ({
      id: `h${hour}`,
      day: '2022-10-17',
      window: hour < 12 ? 'morning' : 'noon',
      start: `2022-10-17T${hour}:00:00Z`,
    }));
    const instance: DraftInstance = {
      version: 1,
      slots,
      rooms: [{ id: 'a' }, { id: 'b' }],
      unavailable: [{ room: 'b', slot: 'h10' }],
      caps: { per_day: 3, total: 3 },
      teams: [
        { id: 'nova', hours: 2, windows: [], avoid: [], fixed: [{ room: 'b', slot: 'h12' }] },
        { id: 'neutron', hours: 2, windows: ['morning'], avoid: ['nova'], fixed: [] },
        { id: 'kolla', hours: 3, windows: [], avoid: [], fixed: [] },
      ],
      people: [{ teams: ['kolla', 'neutron'] }],
    };
    const draft = solveDraft(instance, run(7));
    expect(checkDraft(instance, draft.bookings).broken).toEqual([]);
    expect(draft.cost.total).toBe(optimumByEnumeration(instance));
    expect(draft.bookings).toContainEqual({ team: 'nova', room: 'b', slot: 'h12' });
  });

  it.each([11, 12, 13, 14, 15, 16, 17, 18])(
    'never breaks a hard rule and never costs more than the greedy baseline (random instance %i)',
    (seed) => {
      const instance = generateDraftInstance({ seed, teams: 12, rooms: 3, people: 60, days: 2, closed: 3 });
      const draft = solveDraft(instance, run(seed, 200));
      const check = checkDraft(instance, draft.bookings);
      expect(check.broken).toEqual([]);
      expect(draft.cost).toEqual(check.cost);
      const c = compileInstance(instance);
      const greedy = checkDraft(instance, bookingsOf(c, assignRooms(c, greedyPlan(c).at)));
      expect(greedy.broken).toEqual([]);
      expect(draft.cost.total).toBeLessThanOrEqual(greedy.cost.total);
      expect(draft.bound).toBeLessThanOrEqual(draft.cost.total);
    },
  );

  it('stops at its time limit with its best draft', () => {
    const instance = generateDraftInstance({ seed: 3, teams: 30, rooms: 8, people: 200 });
    const clock = ticking();
    const draft = solveDraft(instance, { timeLimitMs: 50, clock, random: seededRandom(3) });
    expect(clock()).toBeLessThan(60);
    expect(checkDraft(instance, draft.bookings).broken).toEqual([]);
  });

  describe('repair', () => {
    const instance = generateDraftInstance({ seed: 5, teams: 16, rooms: 8, people: 120, days: 3, closed: 0 });
    const first = solveDraft(instance, run(5, 300));

    it('gives a team two more hours by moving only a few meetings', () => {
      const team = instance.teams.find(
        (candidate) => candidate.hours <= 8 && candidate.windows.length === 0,
      )!;
      const changed: DraftInstance = {
        ...instance,
        teams: instance.teams.map((other) => (other === team ? { ...other, hours: other.hours + 2 } : other)),
      };
      const repaired = solveDraft(changed, { ...run(6, 200), previous: first.bookings });
      expect(checkDraft(changed, repaired.bookings).broken).toEqual([]);
      expect(repaired.cost.unmet_hours).toBe(first.cost.unmet_hours);
      expect(repaired.moved).toBeLessThanOrEqual(4);
      expect(repaired.bookings.filter((booking) => booking.team === team.id)).toHaveLength(
        first.bookings.filter((booking) => booking.team === team.id).length + 2,
      );
    });

    it('moves the meetings of a room that closes, and only a few others', () => {
      const closing = instance.rooms[0]!.id;
      const changed: DraftInstance = {
        ...instance,
        unavailable: instance.slots
          .filter((slot) => slot.day === instance.slots[0]!.day)
          .map((slot) => ({ room: closing, slot: slot.id })),
      };
      const inRoom = first.bookings.filter(
        (booking) =>
          booking.room === closing && changed.unavailable.some((cell) => cell.slot === booking.slot),
      );
      const repaired = solveDraft(changed, { ...run(7, 200), previous: first.bookings });
      expect(checkDraft(changed, repaired.bookings).broken).toEqual([]);
      expect(repaired.cost.unmet_hours).toBe(first.cost.unmet_hours);
      expect(repaired.moved).toBeGreaterThanOrEqual(inRoom.length);
      expect(repaired.moved).toBeLessThanOrEqual(inRoom.length + 4);
    });
  });
});
