import { SharedPeople } from '../shared-people/shared-people.ts';
import type { DraftBooking, DraftCost, DraftInstance } from './draft-instance.ts';

/** A draft's cost told in sentences, worst first within each part. */
export interface DescribedDraft {
  /** one sentence with every term */
  readonly summary: string;
  /** "Kolla gets 10 of 12 hours asked." */
  readonly unmet: readonly string[];
  /** "3 people who follow both Nova and Neutron will miss one hour of one of them." */
  readonly clashes: readonly string[];
}

/**
 * Tells what a draft costs in words people act on: which teams get fewer hours than they asked, which
 * pairs of teams overlap and whom that hurts (people who follow both, avoidances asked for), and how
 * the hours fall into blocks. `nameOf` gives a team's name from its id in the instance.
 */
export function describeDraft(
  instance: DraftInstance,
  bookings: readonly DraftBooking[],
  cost: DraftCost,
  nameOf: (team: string) => string,
): DescribedDraft {
  const hoursOf = new Map<string, number>();
  const bySlot = new Map<string, string[]>();
  for (const booking of bookings) {
    hoursOf.set(booking.team, (hoursOf.get(booking.team) ?? 0) + 1);
    bySlot.set(booking.slot, [...(bySlot.get(booking.slot) ?? []), booking.team]);
  }
  const unmet = instance.teams
    .map((team) => ({
      team,
      asked: Math.min(team.hours, instance.caps.total),
      got: hoursOf.get(team.id) ?? 0,
    }))
    .filter(({ asked, got }) => got < asked)
    .sort((a, b) => b.asked - b.got - (a.asked - a.got) || a.team.id.localeCompare(b.team.id))
    .map(
      ({ team, asked, got }) => `${nameOf(team.id)} gets ${got} of ${asked} ${plural(asked, 'hour')} asked.`,
    );
  const shared = new SharedPeople({
    people: instance.people.map((person) => person.teams),
    avoid: Object.fromEntries(instance.teams.map((team) => [team.id, team.avoid])),
  });
  const overlaps = new Map<string, { a: string; b: string; hours: number }>();
  for (const teams of bySlot.values()) {
    const sorted = [...teams].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [a, b] = [sorted[i] as string, sorted[j] as string];
        if (shared.weight(a, b) === 0) continue;
        const key = `${a} ${b}`;
        overlaps.set(key, { a, b, hours: (overlaps.get(key)?.hours ?? 0) + 1 });
      }
    }
  }
  const clashes = [...overlaps.values()]
    .map((overlap) => ({
      ...overlap,
      tie: shared.tie(overlap.a, overlap.b),
      weight: shared.weight(overlap.a, overlap.b),
    }))
    .sort((x, y) => y.weight * y.hours - x.weight * x.hours || `${x.a} ${x.b}`.localeCompare(`${y.a} ${y.b}`))
    .map(({ a, b, hours, tie }) => {
      const pair = `${nameOf(a)} and ${nameOf(b)}`;
      const when = hours === 1 ? 'one hour' : `${hours} hours`;
      const parts: string[] = [];
      if (tie.people > 0) {
        const who = tie.people === 1 ? '1 person who follows' : `${tie.people} people who follow`;
        parts.push(`${who} both ${pair} will miss ${when} of one of them`);
      }
      if (tie.avoided) parts.push(`${pair} asked not to meet at the same time and overlap for ${when}`);
      return `${parts.join('; ')}.`;
    });
  const summary = [
    `Cost ${cost.total}:`,
    `${cost.unmet_hours} ${plural(cost.unmet_hours, 'hour')} asked for and not booked,`,
    `clashes weighing ${cost.clash},`,
    `${cost.runs} ${plural(cost.runs, 'block')} of meetings,`,
    `${cost.room_changes} ${plural(cost.room_changes, 'room change')} within a block.`,
  ].join(' ');
  return { summary, unmet, clashes };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
