import type { Change } from '../../src/core/changes.ts';
import type { Decision } from '../../src/core/decision.ts';
import { createEvent, type NewEventInput } from '../../src/core/event/create-event.ts';
import { type RoomInput, saveRoom } from '../../src/core/event/rooms.ts';
import type { Actor, Ctx, Source } from '../../src/core/model/actor.ts';
import { blankEventState, type EventState } from '../../src/core/model/event-state.ts';
import type { Instant } from '../../src/core/model/instant.ts';
import type { TeamSignup } from '../../src/core/model/signup.ts';
import { applyChange } from '../../src/core/projections/apply-change.ts';
import { type CreateTeamInput, createTeam, setModerator } from '../../src/core/teams/team-admin.ts';

/** Ids that tests can predict: `id-1`, `id-2`, … */
export function sequentialIds(prefix = 'id'): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

export const organizer: Actor = { userId: 'user-organizer', name: 'Olive Organiser', isOrganizer: true };
export const novaModerator: Actor = { userId: 'user-nova', name: 'Nia Nova', isOrganizer: false };
export const cinderModerator: Actor = { userId: 'user-cinder', name: 'Cid Cinder', isOrganizer: false };
export const tcModerator: Actor = { userId: 'user-tc', name: 'Tess Council', isOrganizer: false };
export const attendee: Actor = { userId: 'user-attendee', name: 'Ada Attendee', isOrganizer: false };

/** Two days (Mon 17 and Tue 18 Oct 2022), one window 13:00–17:00 UTC, hourly slots. */
export const smallEvent: NewEventInput = {
  slug: 'test-ptg',
  title: 'Test PTG',
  startsOn: '2022-10-17',
  endsOn: '2022-10-18',
  timeZone: 'Europe/Paris',
  mode: 'virtual',
  status: 'published',
  contact: 'ptg@example.org',
  chat: '#test-events',
  etherpadTemplate: 'https://pads.example.org/p/{event}-{team}',
  slotMinutes: 60,
  windows: [{ name: 'Americas / Europe', start: '13:00', end: '17:00' }],
  rules: {
    dailyCapMinutes: 180,
    totalCapMinutes: 300,
    crossProjectOpensAt: '2022-09-12T00:00:00Z',
    othersOpenAt: '2022-09-19T00:00:00Z',
  },
  content: { about: 'About.', audience: 'Contributors.', notFor: 'Sales.', why: 'Work.', faq: 'None yet.' },
  codeOfConduct: { version: '1', url: 'https://example.org/coc', text: 'Be kind.' },
};

/** Before the event, after both booking phases opened. */
export const beforeEvent: Instant = '2022-10-01T12:00:00Z';

/** Ids for what tests create, unique across a whole test file. */
const newIds = sequentialIds('new');

export function ctxOf(
  actor: Actor | null,
  now: Instant = beforeEvent,
  source: Source = 'api',
  newId = newIds,
): Ctx {
  return { actor, now, source, newId };
}

/** Applies an accepted decision, failing the test with the refusal otherwise. */
export function applied(state: EventState, decision: Decision): EventState {
  if (!decision.ok)
    throw new Error(`expected acceptance, got ${decision.refusal.code}: ${decision.refusal.message}`);
  return decision.changes.reduce(applyChange, state);
}

/** The small event's rooms, in the order they are added. */
export const smallEventRooms: readonly RoomInput[] = ['bexar', 'austin', 'Ballroom A'].map((name) => ({
  name,
  url: `https://video.example.org/${name.replace(' ', '-')}`,
}));

/** The small event's teams: nova and cinder (projects), tc (cross-project) and a requested team `pending`. */
export const smallEventTeams: readonly CreateTeamInput[] = [
  { name: 'Nova/Placement', slug: 'nova', kind: 'project', crossProject: false },
  { name: 'Cinder', kind: 'project', crossProject: false },
  { name: 'Technical Committee', slug: 'tc', kind: 'other', crossProject: true },
  { name: 'Pending', kind: 'project', crossProject: false, status: 'requested' },
];

/** Who moderates each approved team of the small event. */
export const smallEventModerators: readonly (readonly [team: string, moderator: Actor])[] = [
  ['nova', novaModerator],
  ['cinder', cinderModerator],
  ['tc', tcModerator],
];

/**
 * The small event with rooms `bexar`, `austin` and "Ballroom A"; teams nova and cinder (projects),
 * tc (cross-project) and a requested team `pending`; each with its moderator (nova's moderator also
 * moderates `pending`).
 */
export function buildEventState(event: NewEventInput = smallEvent): EventState {
  return buildEventChanges(event).state;
}

/** The same event, with every change that made it in order (a first revision for a change log). */
export function buildEventChanges(event: NewEventInput = smallEvent): {
  state: EventState;
  changes: Change[];
} {
  const ids = sequentialIds();
  const ctx = ctxOf(organizer, '2022-09-01T00:00:00Z', 'api', ids);
  const created = createEvent([], event, ctx);
  if (!created.ok) throw new Error(created.refusal.message);
  const changes: Change[] = [...created.changes];
  const [first, ...rest] = created.changes;
  let state = rest.reduce(applyChange, blankEventState((first as { event: EventState['event'] }).event));
  const apply = (decision: Decision) => {
    state = applied(state, decision);
    if (decision.ok) changes.push(...decision.changes);
  };
  for (const room of smallEventRooms) apply(saveRoom(state, room, ctx));
  for (const team of smallEventTeams) apply(createTeam(state, team, ctx));
  for (const [team, actor] of [...smallEventModerators, ['pending', novaModerator] as const]) {
    apply(setModerator(state, { team, userId: actor.userId as string, moderator: true }, ctx));
  }
  return { state, changes };
}

/** The slot starting at `day` `hour`:00 UTC. */
export function slotAt(state: EventState, day: string, hour: number) {
  const start = `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
  const slot = state.slots.find((candidate) => candidate.start === start);
  if (!slot) throw new Error(`no slot at ${start}`);
  return slot;
}

/** A team's sign-up that asks not to overlap with `avoidClashes` (team ids); the rest is ordinary. */
export function signupAvoiding(teamId: string, avoidClashes: string[]): TeamSignup {
  return {
    teamId,
    leadId: null,
    moderatorIds: [],
    submittedAt: '2022-09-01T00:00:00Z',
    updatedAt: '2022-09-01T00:00:00Z',
    outcome: null,
    expectedAttendance: 10,
    hoursWanted: 4,
    preferredWindows: [],
    avoidClashes,
    onboarding: false,
    operatorHour: false,
    videoUrl: null,
    notes: '',
  };
}
