import { type Checked, failed, passed } from '../core/checked.ts';

/** No slot lasts more than a day (a `duration` of `1e308` is a whole number too). */
const maxSlotMinutes = 24 * 60;

/** A slot of ptgbot's `slots`: a name, a local time range in `desc`, and sometimes its real start. */
export interface PtgbotSlot {
  readonly name: string;
  readonly desc: string | null;
  readonly realtime: string | null;
  /** minutes */
  readonly duration: number | null;
}

/** A room of ptgbot's `schedule`: its metadata, and a cell for every slot the room has. */
export interface PtgbotRoom {
  readonly name: string;
  readonly url: string | null;
  readonly desc: string | null;
  readonly capIcon: string | null;
  readonly capDesc: string | null;
  /** slot name → track, or "" for a free cell; slots the room does not have are absent */
  readonly cells: ReadonlyMap<string, string>;
  /** keys that are neither metadata nor a slot name */
  readonly unknownKeys: readonly string[];
}

/** A ptgbot database (`ptg.json`, or the `base.json` it starts from), read and checked. */
export interface PtgbotData {
  readonly eventid: string | null;
  /** in the file's order; keys are usually weekday names */
  readonly days: readonly { readonly key: string; readonly slots: readonly PtgbotSlot[] }[];
  readonly tracks: readonly string[];
  readonly rooms: readonly PtgbotRoom[];
  readonly etherpads: ReadonlyMap<string, string>;
  readonly urls: ReadonlyMap<string, string>;
  readonly colors: ReadonlyMap<string, string>;
  readonly location: ReadonlyMap<string, string>;
  readonly now: ReadonlyMap<string, string>;
  readonly next: ReadonlyMap<string, readonly string[]>;
  readonly motd: readonly { readonly level: string; readonly message: string }[];
  readonly links: readonly { readonly title: string; readonly url: string }[];
  readonly voice: boolean;
  readonly checkIns: number;
  readonly subscriptions: number;
  readonly unknownKeys: readonly string[];
}

/** Room keys that describe the room rather than a slot (ptgbot's own importer forgot `desc`). */
export const roomMetadataKeys = ['url', 'desc', 'cap_icon', 'cap_desc'] as const;

const knownKeys = new Set([
  'eventid',
  'voice',
  'links',
  'motd',
  'now',
  'next',
  'etherpads',
  'urls',
  'colors',
  'location',
  'last_check_in',
  'subscriptions',
  'slots',
  'tracks',
  'schedule',
  'timestamp',
]);

/**
 * Reads ptgbot's JSON: every key is checked for the shape ptgbot writes. In a room, only keys that
 * name a slot are cells; `url`, `desc`, `cap_icon` and `cap_desc` are the room's own, and anything
 * else is reported, never turned into a team. Refuses with `invalid_input`, saying where.
 */
export function readPtgbotData(input: unknown): Checked<PtgbotData> {
  if (!isRecord(input)) return failed('invalid_input', 'A ptgbot file is a JSON object.');
  const slotsInput = input.slots;
  if (!isRecord(slotsInput)) return failed('invalid_input', 'The file has no "slots" object.');
  const days: { key: string; slots: PtgbotSlot[] }[] = [];
  for (const [key, list] of Object.entries(slotsInput)) {
    if (!Array.isArray(list)) return failed('invalid_input', `slots.${key} is not a list.`);
    const slots: PtgbotSlot[] = [];
    for (const [index, slot] of list.entries()) {
      if (!isRecord(slot) || typeof slot.name !== 'string')
        return failed('invalid_input', `slots.${key}[${index}] has no name.`);
      const duration = slot.duration;
      if (
        duration !== undefined &&
        (typeof duration !== 'number' ||
          !Number.isInteger(duration) ||
          duration <= 0 ||
          duration > maxSlotMinutes)
      )
        return failed(
          'invalid_input',
          `The duration of slot ${slot.name} is not a whole number of minutes from 1 to ${maxSlotMinutes} (a day).`,
        );
      slots.push({
        name: slot.name,
        desc: optionalString(slot.desc),
        realtime: optionalString(slot.realtime),
        duration: duration ?? null,
      });
    }
    days.push({ key, slots });
  }
  const slotNames = new Set(days.flatMap((day) => day.slots.map((slot) => slot.name)));
  const scheduleInput = input.schedule ?? {};
  if (!isRecord(scheduleInput)) return failed('invalid_input', '"schedule" is not an object.');
  const rooms: PtgbotRoom[] = [];
  for (const [name, entries] of Object.entries(scheduleInput)) {
    if (!isRecord(entries)) return failed('invalid_input', `schedule["${name}"] is not an object.`);
    const cells = new Map<string, string>();
    const unknownKeys: string[] = [];
    for (const [key, value] of Object.entries(entries)) {
      if (typeof value !== 'string')
        return failed('invalid_input', `schedule["${name}"].${key} is not text.`);
      if (slotNames.has(key)) cells.set(key, value.trim());
      else if (!(roomMetadataKeys as readonly string[]).includes(key)) unknownKeys.push(key);
    }
    rooms.push({
      name,
      url: optionalString(entries.url),
      desc: optionalString(entries.desc),
      capIcon: optionalString(entries.cap_icon),
      capDesc: optionalString(entries.cap_desc),
      cells,
      unknownKeys,
    });
  }
  const tracks = input.tracks ?? [];
  if (!Array.isArray(tracks) || !tracks.every((track) => typeof track === 'string'))
    return failed('invalid_input', '"tracks" is not a list of names.');
  const maps: Record<'etherpads' | 'urls' | 'colors' | 'location' | 'now', Map<string, string>> = {
    etherpads: new Map(),
    urls: new Map(),
    colors: new Map(),
    location: new Map(),
    now: new Map(),
  };
  for (const key of Object.keys(maps) as (keyof typeof maps)[]) {
    const value = input[key] ?? {};
    if (!isRecord(value)) return failed('invalid_input', `"${key}" is not an object.`);
    for (const [track, text] of Object.entries(value)) {
      if (typeof text !== 'string') return failed('invalid_input', `${key}.${track} is not text.`);
      if (text.trim() !== '') maps[key].set(track, text.trim());
    }
  }
  const nextInput = input.next ?? {};
  if (!isRecord(nextInput)) return failed('invalid_input', '"next" is not an object.');
  const next = new Map<string, string[]>();
  for (const [track, items] of Object.entries(nextInput)) {
    if (!Array.isArray(items) || !items.every((item) => typeof item === 'string'))
      return failed('invalid_input', `next.${track} is not a list of topics.`);
    next.set(track, items);
  }
  const motd = readMotd(input.motd);
  if (!motd) return failed('invalid_input', '"motd" is neither a banner nor a list of banners.');
  const linksInput = input.links ?? {};
  if (!isRecord(linksInput) || !Object.values(linksInput).every((url) => typeof url === 'string'))
    return failed('invalid_input', '"links" is not an object of titles and addresses.');
  return passed({
    eventid: optionalString(input.eventid),
    days,
    tracks,
    rooms,
    ...maps,
    next,
    motd,
    links: Object.entries(linksInput).map(([title, url]) => ({ title, url: String(url) })),
    voice: input.voice === 1 || input.voice === true,
    checkIns: isRecord(input.last_check_in) ? Object.keys(input.last_check_in).length : 0,
    subscriptions: isRecord(input.subscriptions) ? Object.keys(input.subscriptions).length : 0,
    unknownKeys: Object.keys(input).filter((key) => !knownKeys.has(key)),
  });
}

/** Older ptgbot kept one banner as an object; newer ones keep a list. Empty banners are dropped. */
function readMotd(value: unknown): { level: string; message: string }[] | null {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const banners: { level: string; message: string }[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.message !== 'string') return null;
    if (item.message.trim() === '') continue;
    banners.push({
      level: typeof item.level === 'string' && item.level ? item.level : 'info',
      message: item.message,
    });
  }
  return banners;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
