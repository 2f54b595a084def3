import { IANAZone } from 'luxon';
import { addMotd } from '../core/board/motd.ts';
import { addNext, setNow } from '../core/board/set-topics.ts';
import { bookSlot } from '../core/booking/book-slot.ts';
import type { Change } from '../core/changes.ts';
import type { Decision } from '../core/decision.ts';
import { createEvent } from '../core/event/create-event.ts';
import { saveRoom } from '../core/event/rooms.ts';
import type { Ctx } from '../core/model/actor.ts';
import type { EventInfo, EventMode, SlotWindow } from '../core/model/event.ts';
import { blankEventState, type EventState } from '../core/model/event-state.ts';
import { minutesBetween, utcDay } from '../core/model/instant.ts';
import type { TeamKind } from '../core/model/team.ts';
import { applyChange } from '../core/projections/apply-change.ts';
import { defineGrid } from '../core/schedule/define-grid.ts';
import { checkColour } from '../core/teams/colour.ts';
import { createTeam } from '../core/teams/team-admin.ts';
import { updateTeamLinks } from '../core/teams/team-links.ts';
import { checkHttpUrl } from '../core/text/http-url.ts';
import { isValidSlug, slugify } from '../core/text/slugify.ts';
import { localClock } from './local-time.ts';
import { type PtgbotData, readPtgbotData } from './ptgbot-data.ts';
import { type TimedSlot, timePtgbotSlots } from './ptgbot-slot-times.ts';

export interface PtgbotImportOptions {
  readonly slug: string;
  /** defaults to ptgbot's `eventid` */
  readonly title?: string | undefined;
  /** the first day, `YYYY-MM-DD`, for slots named by weekday without a `realtime` */
  readonly startsOn: string;
  /** the zone of the times in the slots' `desc`, and the event's display zone */
  readonly timeZone: string;
  /** defaults to virtual when every room has a video link, in person when none has, else hybrid */
  readonly mode?: EventMode | undefined;
  readonly existingSlugs: readonly string[];
}

export interface PtgbotImportPlan {
  /** what the import creates, line by line, for people to check before anything is written */
  readonly preview: readonly string[];
  readonly warnings: readonly string[];
  /** why the import cannot go ahead; nothing may be written unless this is empty */
  readonly problems: readonly string[];
  readonly event: EventInfo | null;
  /** the new event's first revision */
  readonly changes: readonly Change[];
}

/**
 * Turns a ptgbot database into a new Convene event, by running the core's own rules on it in order:
 * tracks become teams, rooms keep their description, capabilities and video link (room metadata never
 * becomes a team), slots get real times (see `timePtgbotSlots`), rooms lacking a slot get a closed
 * cell, the schedule becomes bookings made by the import, and etherpads, video links, colours,
 * locations, now/next topics and banners follow. Links go into the event's description. Check-ins
 * and subscriptions are people's data and stay behind. Pure: the caller reads the file and writes.
 */
export function planPtgbotImport(input: unknown, options: PtgbotImportOptions, ctx: Ctx): PtgbotImportPlan {
  const nothing = (problems: string[], warnings: string[] = []): PtgbotImportPlan => ({
    preview: [],
    warnings,
    problems,
    event: null,
    changes: [],
  });
  const read = readPtgbotData(input);
  if (!read.ok) return nothing([read.refusal.message]);
  const data = read.value;
  if (!IANAZone.isValidZone(options.timeZone)) return nothing([`"${options.timeZone}" is not a time zone.`]);
  const timed = timePtgbotSlots(data.days, options.startsOn, options.timeZone);
  const warnings = [...timed.warnings, ...ignoredKeys(data)];
  if (timed.problems.length > 0) return nothing(timed.problems, warnings);
  if (timed.slots.length === 0) return nothing(['The file has no slots.'], warnings);
  const windows = windowsOf(timed.slots);
  const links: { title: string; url: string }[] = [];
  const problems: string[] = [];
  for (const link of data.links) {
    const url = checkHttpUrl(link.url);
    if (url.ok) links.push({ title: link.title, url: url.value });
    else problems.push(`Link "${link.title}": ${url.refusal.message}`);
  }
  const created = createEvent(
    options.existingSlugs,
    {
      slug: options.slug,
      title: options.title ?? data.eventid ?? options.slug,
      startsOn: utcDay(timed.slots[0]?.start ?? ''),
      endsOn: utcDay(timed.slots.at(-1)?.start ?? ''),
      timeZone: options.timeZone,
      mode: options.mode ?? modeOf(data),
      status: 'published',
      contact: '',
      chat: '',
      // ptgbot's page and calendar link every track without a pad of its own to this one.
      etherpadTemplate: data.eventid
        ? `https://etherpad.opendev.org/p/${encodeURIComponent(data.eventid)}-{team}`
        : null,
      slotMinutes: commonLength(timed.slots),
      windows: windows.map(({ name, start, end }) => ({ name, start, end })),
      rules: { dailyCapMinutes: null, totalCapMinutes: null, crossProjectOpensAt: null, othersOpenAt: null },
      content: { about: linksMarkdown(links), audience: '', notFor: '', why: '', faq: '' },
      codeOfConduct: { version: '', url: null, text: '' },
    },
    ctx,
  );
  const saved = created.ok ? created.changes.find((change) => change.type === 'event.saved') : undefined;
  if (!created.ok || !saved)
    return nothing([...problems, created.ok ? 'No event.' : created.refusal.message], warnings);
  const { event } = saved;
  let state: EventState = blankEventState(event);
  const changes: Change[] = [saved];
  const run = (what: string, decide: (state: EventState, ctx: Ctx) => Decision): boolean => {
    const decision = decide(state, ctx);
    if (!decision.ok) {
      problems.push(`${what}: ${decision.refusal.message}`);
      return false;
    }
    changes.push(...decision.changes);
    state = decision.changes.reduce(applyChange, state);
    return true;
  };

  for (const room of data.rooms) {
    run(`Room ${room.name}`, (s, c) =>
      saveRoom(
        s,
        {
          name: room.name,
          url: room.url,
          description: room.desc ?? '',
          features: room.capDesc ? [room.capDesc] : [],
        },
        c,
      ),
    );
  }
  // Later steps refer to what earlier ones made, so each step starts only when the last one went through.
  if (problems.length > 0) return nothing(problems, warnings);
  const slotWindow = new Map(windows.flatMap((window) => window.codes.map((code) => [code, window.name])));
  run('The grid', (s, c) =>
    defineGrid(
      s,
      {
        slots: timed.slots.map((slot) => ({ ...slot, window: slotWindow.get(slot.code) ?? '' })),
        closed: data.rooms.flatMap((room) =>
          timed.slots
            .filter((slot) => !room.cells.has(slot.code))
            .map((slot) => ({ room: room.name, slot: slot.code })),
        ),
      },
      c,
    ),
  );

  if (problems.length > 0) return nothing(problems, warnings);
  const teamOf = new Map<string, string>();
  const scheduled = data.rooms.flatMap((room) => [...room.cells.values()].filter((track) => track !== ''));
  const unlisted = [...new Set(scheduled)].filter((track) => !data.tracks.includes(track));
  for (const track of unlisted)
    warnings.push(`Track ${track} is in the schedule but not in the track list; added.`);
  for (const track of [...new Set([...data.tracks, ...unlisted])]) {
    const slug = slugOf(track);
    if (slug !== track) warnings.push(`Track ${track} is typed as #${slug}.`);
    if (
      run(`Track ${track}`, (s, c) =>
        createTeam(s, { name: track, slug, kind: kindOf(slug), crossProject: false }, c),
      )
    )
      teamOf.set(track, slug);
  }
  for (const [track, slug] of teamOf) {
    const colour = data.colors.get(track);
    if (colour && !checkColour(colour).ok)
      warnings.push(`Track ${track}: colour "${colour}" is not one Convene reads; the palette's is kept.`);
    const links = {
      etherpadUrl: data.etherpads.get(track),
      videoUrl: data.urls.get(track),
      colour: colour && checkColour(colour).ok ? colour : undefined,
      location: data.location.get(track),
    };
    if (Object.values(links).some((value) => value !== undefined))
      run(`Track ${track}`, (s, c) => updateTeamLinks(s, { team: slug, ...links }, c));
  }
  if (problems.length > 0) return nothing(problems, warnings);
  for (const room of data.rooms) {
    for (const slot of timed.slots) {
      const track = room.cells.get(slot.code);
      const team = track ? teamOf.get(track) : undefined;
      if (!track || !team) continue;
      run(`${room.name} ${slot.code}`, (s, c) =>
        bookSlot(s, { team, room: room.name, slot: slot.code, override: true }, c),
      );
    }
  }
  for (const [track, text] of data.now) {
    const team = teamOf.get(track);
    if (team) run(`Now of ${track}`, (s, c) => setNow(s, { team, text }, c));
    else warnings.push(`The "now" topic of unknown track ${track} is left out.`);
  }
  for (const [track, items] of data.next) {
    const team = teamOf.get(track);
    if (!team) warnings.push(`The "next" topics of unknown track ${track} are left out.`);
    else for (const text of items) run(`Next of ${track}`, (s, c) => addNext(s, { team, text }, c));
  }
  for (const banner of data.motd) {
    run('Banner', (s, c) => addMotd(s, { level: banner.level, message: banner.message }, c));
  }
  if (problems.length > 0) return nothing(problems, warnings);
  return { preview: previewOf(state, data, timed.slots, windows, links), warnings, problems, event, changes };
}

/**
 * The grid's windows: runs of back-to-back slots within a UTC day, named by their UTC hours so
 * they are unique and say what they are.
 */
function windowsOf(slots: readonly TimedSlot[]): (SlotWindow & { codes: string[] })[] {
  const windows = new Map<string, SlotWindow & { codes: string[] }>();
  let run: TimedSlot[] = [];
  const close = () => {
    const [first] = run;
    const last = run.at(-1);
    if (!first || !last) return;
    const start = first.start.slice(11, 16);
    const end = last.end.slice(11, 16);
    const name = `${start}–${end} UTC`;
    const window = windows.get(name) ?? { name, start, end, codes: [] };
    window.codes.push(...run.map((slot) => slot.code));
    windows.set(name, window);
    run = [];
  };
  for (const slot of slots) {
    const previous = run.at(-1);
    if (previous && (previous.end !== slot.start || utcDay(previous.start) !== utcDay(slot.start))) close();
    run.push(slot);
  }
  close();
  return [...windows.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** The slot length most slots have (the shortest of equally common ones). */
function commonLength(slots: readonly TimedSlot[]): number {
  const counts = new Map<number, number>();
  for (const slot of slots) {
    const minutes = minutesBetween(slot.start, slot.end);
    counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a, countA], [b, countB]) => countB - countA || a - b)[0]?.[0] ?? 60;
}

function modeOf(data: PtgbotData): EventMode {
  const withVideo = data.rooms.filter((room) => room.url !== null).length;
  if (withVideo === 0) return 'in-person';
  return withVideo === data.rooms.length ? 'virtual' : 'hybrid';
}

/** The slug people type: the track name itself when it is one, else made into one. */
function slugOf(track: string): string {
  const lower = track.trim().toLowerCase();
  return isValidSlug(lower) ? lower : slugify(track);
}

/** ptgbot has no kinds; the usual suffixes tell SIGs and working groups, organisers can change it. */
function kindOf(slug: string): TeamKind {
  if (/(^|-)sig$/.test(slug)) return 'sig';
  if (/(^|-)wg$/.test(slug)) return 'working-group';
  return 'project';
}

function linksMarkdown(links: readonly { title: string; url: string }[]): string {
  if (links.length === 0) return '';
  const items = links.map((link) => `- [${link.title.replace(/[\\[\]]/g, '\\$&')}](<${link.url}>)`);
  return ['Useful links:', '', ...items].join('\n');
}

function ignoredKeys(data: PtgbotData): string[] {
  return [
    ...data.unknownKeys.map((key) => `The key "${key}" is not one ptgbot writes; it is left out.`),
    ...data.rooms.flatMap((room) =>
      room.unknownKeys.map(
        (key) => `Room ${room.name}: "${key}" is neither a slot nor room metadata; it is left out.`,
      ),
    ),
    ...data.rooms
      .filter((room) => room.capIcon && !room.capDesc)
      .map((room) => `Room ${room.name}: the icon "${room.capIcon}" has no text (cap_desc); it is left out.`),
  ];
}

function previewOf(
  state: EventState,
  data: PtgbotData,
  slots: readonly TimedSlot[],
  windows: readonly SlotWindow[],
  links: readonly { title: string }[],
): string[] {
  const { event } = state;
  const zone = event.timeZone;
  const cells = state.rooms.length * state.slots.length;
  const closed = state.unavailable.length;
  const booked = state.bookings.length;
  const withLinks = (key: 'etherpadUrl' | 'videoUrl' | 'location') =>
    state.teams.filter((team) => team[key]).length;
  const days = [...new Set(slots.map((slot) => slot.dayKey))];
  return [
    `Event ${event.slug} "${event.title}": ${event.startsOn} to ${event.endsOn}, ${event.mode}, times shown in ${zone}.`,
    `${state.rooms.length} rooms: ${state.rooms
      .map((room) => {
        const notes = [room.description, ...room.features, room.url ? 'video link' : ''].filter(Boolean);
        return notes.length > 0 ? `${room.name} (${notes.join('; ')})` : room.name;
      })
      .join(', ')}.`,
    `${slots.length} slots in ${windows.length} windows (${windows.map((window) => window.name).join(', ')}):`,
    ...days.map((day) => {
      const list = slots.filter((slot) => slot.dayKey === day);
      return `  ${day} ${list[0]?.date}: ${list
        .map((slot) => `${slot.code} ${localClock(slot.start, zone)}–${localClock(slot.end, zone)}`)
        .join(', ')}`;
    }),
    `${state.teams.length} teams: ${state.teams
      .map((team) => team.slug)
      .sort()
      .join(', ')}.`,
    `${booked} booked cells, ${cells - booked - closed} free cells, ${closed} closed cells.`,
    `Teams’ own links: ${withLinks('etherpadUrl')} etherpads, ${withLinks('videoUrl')} video links, ${data.colors.size} colours, ${withLinks('location')} locations.`,
    `Board: ${Object.values(state.board).filter((status) => status.now).length} now topics, ${Object.values(state.board).reduce((sum, status) => sum + status.next.length, 0)} next topics, ${state.motd.length} banners.`,
    links.length > 0
      ? `Links kept in the event description: ${links.map((link) => link.title).join(', ')}.`
      : 'No links.',
    `Left with ptgbot: ${data.checkIns} check-ins and ${data.subscriptions} subscriptions (people's own data)${data.voice ? '; voice was required: set IRC_TRUST=voice' : ''}.`,
  ];
}
