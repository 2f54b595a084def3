import { type Checked, failed, passed } from '../checked.ts';
import type { DraftCell, DraftInstance, DraftSlot, DraftTeam } from './draft-instance.ts';

/** The largest instance file read, in characters: far above 3,000 people and 150 teams. */
const maxInstanceChars = 4 * 1024 * 1024;

const limits = { slots: 2000, rooms: 1000, teams: 2000, people: 200_000, id: 100, hours: 10_000 };

/** A field that is wrong, named by its path in the file (`teams[3].avoid[0]`). */
class InstanceError extends Error {
  constructor(
    readonly field: string,
    why: string,
  ) {
    super(`${field}: ${why}`);
  }
}

/**
 * Reads a draft instance from the text of a file (DESIGN.md, "Draft schedule", version 1) and checks
 * that a draft can keep every hard rule with it: known ids everywhere, fixed bookings in open cells of
 * the team's windows that do not overlap and stay within the caps. Hours asked above `caps.total`
 * are not an error: the cost counts them as `caps.total`. Unknown keys are ignored.
 * Refuses with `invalid_instance`, naming the field that is wrong.
 */
export function readDraftInstance(text: string): Checked<DraftInstance> {
  if (text.length > maxInstanceChars) {
    return failed(
      'invalid_instance',
      `The file is larger than ${maxInstanceChars / 1024 / 1024} MB; an instance is far smaller.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return failed('invalid_instance', `The file is not JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  return checkDraftInstance(value);
}

/** Checks a parsed instance; see `readDraftInstance`. Refuses with `invalid_instance`. */
export function checkDraftInstance(value: unknown): Checked<DraftInstance> {
  try {
    return passed(instanceOf(value));
  } catch (error) {
    if (error instanceof InstanceError) return failed('invalid_instance', error.message);
    throw error;
  }
}

function instanceOf(value: unknown): DraftInstance {
  const root = record(value, 'the instance');
  if (root.version !== 1) throw new InstanceError('version', 'must be 1.');
  const slots = list(root.slots, 'slots', limits.slots, 1).map(slotOf);
  unique(slots, 'slots');
  const starts = new Map<number, string>();
  slots.forEach((slot, i) => {
    const at = Date.parse(slot.start);
    const other = starts.get(at);
    if (other !== undefined)
      throw new InstanceError(`slots[${i}].start`, `starts at the same time as "${other}".`);
    starts.set(at, slot.id);
  });
  const rooms = list(root.rooms, 'rooms', limits.rooms, 1).map((room, i) => ({
    id: id(record(room, `rooms[${i}]`).id, `rooms[${i}].id`),
  }));
  unique(rooms, 'rooms');
  const slotIds = new Set(slots.map((slot) => slot.id));
  const roomIds = new Set(rooms.map((room) => room.id));
  const cellOf = (cell: unknown, field: string): DraftCell => {
    const fields = record(cell, field);
    const room = id(fields.room, `${field}.room`);
    if (!roomIds.has(room))
      throw new InstanceError(`${field}.room`, `there is no room "${room}" in the instance.`);
    const slot = id(fields.slot, `${field}.slot`);
    if (!slotIds.has(slot))
      throw new InstanceError(`${field}.slot`, `there is no slot "${slot}" in the instance.`);
    return { room, slot };
  };
  const unavailable = optionalList(root.unavailable, 'unavailable', limits.rooms * limits.slots).map(
    (cell, i) => cellOf(cell, `unavailable[${i}]`),
  );
  const capFields = record(root.caps, 'caps');
  const caps = {
    per_day: count(capFields.per_day, 'caps.per_day', limits.hours),
    total: count(capFields.total, 'caps.total', limits.hours),
  };
  const windowNames = new Set(slots.map((slot) => slot.window));
  const rawTeams = list(root.teams, 'teams', limits.teams, 0);
  const teamIds = new Set<string>();
  rawTeams.forEach((team, i) => {
    const teamId = id(record(team, `teams[${i}]`).id, `teams[${i}].id`);
    if (teamIds.has(teamId)) throw new InstanceError(`teams[${i}].id`, `"${teamId}" is used twice.`);
    teamIds.add(teamId);
  });
  const knownTeam = (value: unknown, field: string): string => {
    const teamId = id(value, field);
    if (!teamIds.has(teamId)) throw new InstanceError(field, `there is no team "${teamId}" in the instance.`);
    return teamId;
  };
  const teams = rawTeams.map((raw, i): DraftTeam => {
    const fields = record(raw, `teams[${i}]`);
    const field = `teams[${i}]`;
    const windows = optionalList(fields.windows, `${field}.windows`, limits.slots).map((name, j) => {
      const window = text(name, `${field}.windows[${j}]`);
      if (!windowNames.has(window))
        throw new InstanceError(
          `${field}.windows[${j}]`,
          `no slot is in a window called "${window.slice(0, 80)}".`,
        );
      return window;
    });
    return {
      id: id(fields.id, `${field}.id`),
      hours: count(fields.hours, `${field}.hours`, limits.hours),
      windows,
      avoid: optionalList(fields.avoid, `${field}.avoid`, limits.teams).map((other, j) =>
        knownTeam(other, `${field}.avoid[${j}]`),
      ),
      fixed: optionalList(fields.fixed, `${field}.fixed`, limits.slots).map((cell, j) =>
        cellOf(cell, `${field}.fixed[${j}]`),
      ),
    };
  });
  const people = optionalList(root.people, 'people', limits.people).map((person, i) => ({
    teams: list(record(person, `people[${i}]`).teams, `people[${i}].teams`, limits.teams, 0).map((team, j) =>
      knownTeam(team, `people[${i}].teams[${j}]`),
    ),
  }));
  const instance: DraftInstance = { version: 1, slots, rooms, unavailable, caps, teams, people };
  checkFixed(instance);
  return instance;
}

/** Fixed bookings must be bookable: open cells, the team's windows, no overlap, within the caps. */
function checkFixed(instance: DraftInstance): void {
  const closed = new Set(instance.unavailable.map((cell) => `${cell.room} ${cell.slot}`));
  const slotById = new Map(instance.slots.map((slot) => [slot.id, slot]));
  const holder = new Map<string, string>();
  instance.teams.forEach((team, i) => {
    const perDay = new Map<string, number>();
    const slotsHeld = new Set<string>();
    team.fixed.forEach((cell, j) => {
      const field = `teams[${i}].fixed[${j}]`;
      const key = `${cell.room} ${cell.slot}`;
      if (closed.has(key))
        throw new InstanceError(field, `room "${cell.room}" is unavailable in slot "${cell.slot}".`);
      const other = holder.get(key);
      if (other !== undefined)
        throw new InstanceError(field, `overlaps a fixed booking of "${other}" in the same room and slot.`);
      holder.set(key, team.id);
      if (slotsHeld.has(cell.slot))
        throw new InstanceError(field, `"${team.id}" already has a fixed booking in slot "${cell.slot}".`);
      slotsHeld.add(cell.slot);
      const slot = slotById.get(cell.slot) as DraftSlot;
      if (team.windows.length > 0 && !team.windows.includes(slot.window))
        throw new InstanceError(field, `slot "${cell.slot}" is outside the team's windows.`);
      const onDay = (perDay.get(slot.day) ?? 0) + 1;
      perDay.set(slot.day, onDay);
      if (onDay > instance.caps.per_day)
        throw new InstanceError(
          field,
          `more fixed hours on ${slot.day} than caps.per_day (${instance.caps.per_day}).`,
        );
    });
    const allowed = Math.min(instance.caps.total, team.hours);
    if (team.fixed.length > allowed)
      throw new InstanceError(
        `teams[${i}].fixed`,
        `${team.fixed.length} fixed hours are above the team's ${allowed} (the lesser of hours and caps.total).`,
      );
  });
}

function slotOf(value: unknown, i: number): DraftSlot {
  const fields = record(value, `slots[${i}]`);
  const day = text(fields.day, `slots[${i}].day`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new InstanceError(`slots[${i}].day`, 'must be a date, YYYY-MM-DD.');
  const start = text(fields.start, `slots[${i}].start`);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(start) ||
    Number.isNaN(Date.parse(start))
  )
    throw new InstanceError(`slots[${i}].start`, 'must be an ISO instant such as 2022-10-17T13:00:00Z.');
  return {
    id: id(fields.id, `slots[${i}].id`),
    day,
    window: text(fields.window, `slots[${i}].window`),
    start,
  };
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InstanceError(field, `must be an object, not ${kindOf(value)}.`);
  return value as Record<string, unknown>;
}

function list(value: unknown, field: string, max: number, min: number): unknown[] {
  if (!Array.isArray(value)) throw new InstanceError(field, `must be a list, not ${kindOf(value)}.`);
  if (value.length < min) throw new InstanceError(field, `must have at least ${min} item.`);
  if (value.length > max)
    throw new InstanceError(field, `has ${value.length} items; at most ${max} are read.`);
  return value;
}

function optionalList(value: unknown, field: string, max: number): unknown[] {
  return value === undefined || value === null ? [] : list(value, field, max, 0);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InstanceError(field, `must be text, not ${kindOf(value)}.`);
  if (value.length > 200) throw new InstanceError(field, 'is longer than 200 characters.');
  return value;
}

function id(value: unknown, field: string): string {
  const found = text(value, field);
  if (found.length === 0 || found.length > limits.id)
    throw new InstanceError(field, `must be 1 to ${limits.id} characters.`);
  return found;
}

function count(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
    throw new InstanceError(field, `must be a whole number from 0 to ${max}, not ${kindOf(value)}.`);
  return value;
}

function unique(items: readonly { id: string }[], field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) throw new InstanceError(`${field}[${i}].id`, `"${item.id}" is used twice.`);
    seen.add(item.id);
  });
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.slice(0, 40)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
