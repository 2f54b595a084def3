/**
 * Which teams share people, and how much it costs when two of them meet at the same time.
 *
 * One model serves every place that cares about clashes: the warnings shown while a team books, and
 * the draft-schedule solver's objective. A "person" is anyone whose interest spans teams — an
 * attendee following teams, a moderator of several teams — given as the set of team ids they care
 * about. A team may also name teams it must not overlap (the sign-up's "teams to avoid").
 *
 * The weight of a clash between teams a and b is the number of people whose teams include both,
 * plus `avoidWeight` when either team asked to avoid the other (DESIGN.md, "Draft schedule").
 */

/** What an asked-for avoidance adds to a clash's weight: more than a crowd of shared people. */
export const avoidWeight = 50;

/** What two teams have in common. */
export interface Tie {
  /** people whose teams include both */
  readonly people: number;
  /** one of the two asked not to overlap with the other */
  readonly avoided: boolean;
}

export interface SharedPeopleInput {
  /** each person's team ids (duplicates within one person are ignored) */
  readonly people: Iterable<Iterable<string>>;
  /** by team id, the team ids it asked not to overlap with */
  readonly avoid: Readonly<Record<string, readonly string[]>>;
}

/** The ties between teams, looked up in either order. */
export class SharedPeople {
  readonly #ties = new Map<string, Map<string, Tie>>();

  constructor(input: SharedPeopleInput) {
    for (const teams of input.people) {
      const distinct = [...new Set(teams)];
      for (let i = 0; i < distinct.length; i++) {
        for (let j = i + 1; j < distinct.length; j++) {
          this.#update(distinct[i] as string, distinct[j] as string, (tie) => ({
            ...tie,
            people: tie.people + 1,
          }));
        }
      }
    }
    for (const [team, others] of Object.entries(input.avoid)) {
      for (const other of others) {
        if (other !== team) this.#update(team, other, (tie) => ({ ...tie, avoided: true }));
      }
    }
  }

  /** What a and b have in common; nothing at all for a team and itself. */
  tie(a: string, b: string): Tie {
    return this.#ties.get(a)?.get(b) ?? noTie;
  }

  /** The cost of a and b meeting at the same time (0 when they share nothing). */
  weight(a: string, b: string): number {
    return weightOf(this.tie(a, b));
  }

  /** The teams tied to `team`, each with its tie, heaviest first (then by id, for a stable order). */
  tiesOf(team: string): { readonly team: string; readonly tie: Tie }[] {
    return [...(this.#ties.get(team) ?? new Map<string, Tie>())]
      .map(([other, tie]) => ({ team: other, tie }))
      .sort((x, y) => weightOf(y.tie) - weightOf(x.tie) || (x.team < y.team ? -1 : 1));
  }

  #update(a: string, b: string, change: (tie: Tie) => Tie): void {
    const next = change(this.tie(a, b));
    this.#side(a).set(b, next);
    this.#side(b).set(a, next);
  }

  #side(team: string): Map<string, Tie> {
    let side = this.#ties.get(team);
    if (!side) {
      side = new Map();
      this.#ties.set(team, side);
    }
    return side;
  }
}

const noTie: Tie = { people: 0, avoided: false };

function weightOf(tie: Tie): number {
  return tie.people + (tie.avoided ? avoidWeight : 0);
}
