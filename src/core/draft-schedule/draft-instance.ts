/**
 * The draft-schedule interface other programs use (DESIGN.md, "Draft schedule"): the instance a
 * draft is made from, and the draft itself. Keys are spelled as in the JSON files.
 */

/** One hour of the grid. `day` is the UTC day the caps count in. */
export interface DraftSlot {
  readonly id: string;
  readonly day: string;
  readonly window: string;
  /** ISO instant */
  readonly start: string;
}

/** A room in a slot. */
export interface DraftCell {
  readonly room: string;
  readonly slot: string;
}

export interface DraftTeam {
  readonly id: string;
  /** hours asked for; more than `caps.total` counts as `caps.total` */
  readonly hours: number;
  /** window names the team can meet in; empty means any */
  readonly windows: readonly string[];
  /** teams whose meetings this one should not overlap */
  readonly avoid: readonly string[];
  /** bookings that must stay as they are; they count towards the caps */
  readonly fixed: readonly DraftCell[];
}

export interface DraftInstance {
  readonly version: 1;
  readonly slots: readonly DraftSlot[];
  readonly rooms: readonly { readonly id: string }[];
  readonly unavailable: readonly DraftCell[];
  /** hours per team per `day`, and in all */
  readonly caps: { readonly per_day: number; readonly total: number };
  readonly teams: readonly DraftTeam[];
  /** each person's teams of interest */
  readonly people: readonly { readonly teams: readonly string[] }[];
}

/** A team in a room during a slot. */
export interface DraftBooking {
  readonly team: string;
  readonly room: string;
  readonly slot: string;
}

/** The cost of a draft, by term: `total = 1000·unmet_hours + clash + 10·runs + 5·room_changes`. */
export interface DraftCost {
  readonly total: number;
  readonly unmet_hours: number;
  readonly clash: number;
  readonly runs: number;
  readonly room_changes: number;
}

/** What the solver prints: every booking (fixed ones too), its cost, a lower bound and the time taken. */
export interface Draft {
  readonly bookings: readonly DraftBooking[];
  readonly cost: DraftCost;
  /** no draft of this instance costs less; null when none is known */
  readonly bound: number | null;
  readonly seconds: number;
}

/** The weights of the cost terms (DESIGN.md). */
export const costWeights = { unmet_hours: 1000, clash: 1, runs: 10, room_changes: 5 } as const;
