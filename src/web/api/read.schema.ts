import { Type } from 'typebox';
import { Nullable } from './common.schema.ts';

const Window = Type.Object({ name: Type.String(), start: Type.String(), end: Type.String() });

export const EventSummary = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    starts_on: Type.String({ format: 'date' }),
    ends_on: Type.String({ format: 'date' }),
    time_zone: Type.String(),
    mode: Type.String(),
    status: Type.String(),
    contact: Type.String(),
    chat: Type.String(),
    etherpad_template: Nullable(Type.String()),
    slot_minutes: Type.Integer(),
    windows: Type.Array(Window),
    rules: Type.Object({
      daily_cap_minutes: Nullable(Type.Integer()),
      total_cap_minutes: Nullable(Type.Integer()),
      cross_project_opens_at: Nullable(Type.String()),
      others_open_at: Nullable(Type.String()),
      joint_caps: Type.String({
        description: 'whose caps joint sessions count against: `host` only, or `every-team` in them',
      }),
    }),
    code_of_conduct: Type.Object({ version: Type.String(), url: Nullable(Type.String()) }),
    attendee_only_room_links: Type.Boolean({
      description: 'room video links are shown to registered attendees only (null `url` elsewhere)',
    }),
    signup_opens_at: Nullable(Type.String()),
    signup_closes_at: Nullable(Type.String()),
  },
  { $id: 'EventSummary' },
);

export const EventDetail = Type.Intersect(
  [
    Type.Ref('EventSummary'),
    Type.Object({
      content: Type.Object({
        about: Type.String(),
        audience: Type.String(),
        not_for: Type.String(),
        why: Type.String(),
        faq: Type.String(),
        code_of_conduct: Type.String(),
      }),
    }),
  ],
  { $id: 'EventDetail' },
);

export const TeamOut = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    cross_project: Type.Boolean(),
    status: Type.String(),
    colour: Type.String(),
    text_colour: Type.String(),
    etherpad: Nullable(Type.String()),
    video_url: Nullable(Type.String()),
    location: Nullable(Type.String()),
  },
  { $id: 'Team' },
);

export const RoomOut = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    url: Nullable(Type.String()),
    description: Type.String(),
    capacity: Nullable(Type.Integer()),
    features: Type.Array(Type.String()),
  },
  { $id: 'Room' },
);

export const SlotOut = Type.Object(
  {
    id: Type.String(),
    code: Type.String({ description: 'what people type, e.g. tue13' }),
    start: Type.String({ description: 'ISO UTC instant' }),
    end: Type.String({ description: 'ISO UTC instant' }),
    window: Type.String(),
    day: Type.String({ format: 'date' }),
  },
  { $id: 'Slot' },
);

export const BookingOut = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    team: Nullable(Type.String()),
    teams: Type.Array(Nullable(Type.String()), {
      description: 'the host first, then the teams that joined its joint session',
    }),
    room: Nullable(Type.String()),
    slot: Type.String(),
    slot_code: Nullable(Type.String()),
    reference: Nullable(
      Type.String({ description: '<room slug>-<slot code>, as `book` and `unbook` accept' }),
    ),
    start: Nullable(Type.String()),
    end: Nullable(Type.String()),
    kind: Type.String({ description: 'assigned by an organiser, or self-booked' }),
    source: Type.String(),
    created_at: Type.String(),
  },
  { $id: 'Booking' },
);

export const ScheduleOut = Type.Object(
  {
    event: Type.String(),
    revision: Type.Integer(),
    time_zone: Type.String(),
    windows: Type.Array(Window),
    rooms: Type.Array(Type.Ref('Room')),
    slots: Type.Array(Type.Ref('Slot')),
    teams: Type.Array(Type.Ref('Team')),
    bookings: Type.Array(Type.Ref('Booking')),
    unavailable: Type.Array(Type.Object({ room: Nullable(Type.String()), slot: Type.String() })),
  },
  { $id: 'Schedule', description: 'A cell (room, slot) is free when it is neither booked nor unavailable.' },
);

const Topic = Type.Object({ text: Type.String(), at: Type.String() });

export const BoardOut = Type.Object(
  {
    event: Type.String(),
    revision: Type.Integer(),
    at: Type.String({ description: 'the instant the board describes' }),
    current_slot: Nullable(Type.Ref('Slot')),
    next_slot: Nullable(Type.Ref('Slot')),
    now: Type.Array(
      Type.Object({
        team: Type.String(),
        name: Type.String(),
        colour: Type.String(),
        text_colour: Type.String(),
        text: Type.String(),
        at: Type.String(),
        rooms: Type.Array(Type.String()),
        with: Type.Array(Type.String(), {
          description: 'the other teams in its joint session now, host first',
        }),
        join_url: Nullable(Type.String()),
        etherpad: Nullable(Type.String()),
      }),
    ),
    meeting_without_topic: Type.Array(
      Type.Object(
        {
          team: Type.String(),
          name: Type.String(),
          room: Type.String(),
          with: Type.Array(Type.String()),
          join_url: Nullable(Type.String()),
        },
        { description: 'teams meeting now that have posted no topic, so every room in use shows' },
      ),
    ),
    next: Type.Array(Type.Object({ team: Type.String(), name: Type.String(), items: Type.Array(Topic) })),
    motd: Type.Array(
      Type.Object({
        id: Type.String(),
        level: Type.String(),
        message: Type.String(),
        expires_at: Nullable(Type.String()),
      }),
    ),
  },
  { $id: 'Board' },
);

export const sharedSchemas = [
  EventSummary,
  EventDetail,
  TeamOut,
  RoomOut,
  SlotOut,
  BookingOut,
  ScheduleOut,
  BoardOut,
];
