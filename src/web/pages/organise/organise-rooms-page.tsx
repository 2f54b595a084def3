import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Refusal } from '../../../core/errors.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { findRoom } from '../../../core/model/lookup.ts';
import { describeInterval } from '../../../core/text/describe-time.ts';
import type { WebDeps } from '../../deps.ts';
import { Choices, CsrfField, Select, SubmitButton, TextArea, TextField } from '../components/form-parts.tsx';
import { formActions } from '../form-actions.ts';
import type { FormBody } from '../form-body.ts';
import { pageUser } from '../page-context.ts';
import { formStatus, organisersEvent, pageWho } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { consoleFields } from './console-fields.ts';
import { ConsoleFrame } from './console-frame.tsx';

type Params = { Params: { event: string }; Querystring: { room?: string; done?: string } };

/** Notices by `?done=`; a Map, so a key such as `__proto__` or `toString` finds nothing. */
const done = new Map<string, string>([
  ['save', 'The room is saved.'],
  ['remove', 'The room is removed.'],
  ['availability', 'The room’s availability is saved.'],
]);

/**
 * `…/organise/rooms`: organisers add and edit rooms (name, video link, description, capacity),
 * remove a room without bookings, and open or close a room in a slot — through `saveRoom`,
 * `removeRoom` and `setAvailability`.
 */
export function organiseRoomsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const path = '/events/:event/organise/rooms';

    app.get<Params>(path, { schema: { hide: true } }, async (request, reply) => {
      const state = await organisersEvent(deps, request, reply);
      if (!state) return reply;
      return roomsPage(request, reply, state, {
        room: request.query.room,
        done: done.get(request.query.done ?? ''),
      });
    });

    const write = formActions(app, deps, {
      path,
      load: (request: FastifyRequest<{ Params: { event: string } }>, reply) =>
        organisersEvent(deps, request, reply),
      again: (request, reply, state, view) =>
        roomsPage(request, reply, state, { ...view, room: view.form.text('room') || undefined }),
      back: (state) => `/events/${state.event.slug}/organise/rooms`,
    });

    write('save', async (form, state, request) => {
      const capacity = form.text('capacity').trim();
      return deps.ops.saveRoom(state.event.slug, await pageWho(request), {
        ...(form.text('room') ? { room: form.text('room') } : {}),
        name: form.text('name'),
        url: form.text('url').trim() || null,
        description: form.text('description'),
        capacity: capacity ? (/^\d{1,6}$/.test(capacity) ? Number(capacity) : Number.NaN) : null,
      });
    });
    write('remove', async (form, state, request) =>
      deps.ops.removeRoom(state.event.slug, await pageWho(request), { room: form.text('room') }),
    );
    write('availability', async (form, state, request) =>
      deps.ops.setAvailability(state.event.slug, await pageWho(request), {
        room: form.text('room'),
        slot: form.text('slot'),
        available: form.text('available') !== 'no',
      }),
    );
  };
}

async function roomsPage(
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  view: { room?: string | undefined; done?: string | undefined; refusal?: Refusal; form?: FormBody },
) {
  const editing = view.room ? findRoom(state, view.room) : undefined;
  const value = consoleFields.values(view.form);
  const base = `/events/${state.event.slug}/organise/rooms`;
  const csrf = reply.csrfToken();
  const closed = state.unavailable.flatMap((cell) => {
    const room = state.rooms.find((candidate) => candidate.id === cell.roomId);
    const slot = state.slots.find((candidate) => candidate.id === cell.slotId);
    return room && slot ? [{ room, slot }] : [];
  });
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section="rooms"
      title="Rooms"
      done={view.done}
      refusal={view.refusal}
    >
      <table class="data-table" id="room-list">
        <thead>
          <tr>
            <th scope="col">Room</th>
            <th scope="col">Video link</th>
            <th scope="col">Capacity</th>
            <th scope="col">Bookings</th>
          </tr>
        </thead>
        <tbody>
          {state.rooms.map((room) => (
            <tr key={room.id}>
              <th scope="row">
                <a href={`${base}?room=${room.slug}`}>{room.name}</a> <span class="hint">({room.slug})</span>
              </th>
              <td>{room.url ?? 'none'}</td>
              <td>{room.capacity ?? '—'}</td>
              <td>{state.bookings.filter((booking) => booking.roomId === room.id).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="room-heading">
        <h2 id="room-heading">{editing ? `Edit ${editing.name}` : 'Add a room'}</h2>
        {editing ? (
          <p>
            <a href={base}>Add a new room instead</a>
          </p>
        ) : null}
        <form method="post" action={`${base}/save`} class="form">
          <CsrfField token={csrf} />
          {editing ? <input type="hidden" name="room" value={editing.slug} /> : null}
          <TextField
            label="Name"
            name="name"
            value={value('name', editing?.name)}
            required
            maxLength={80}
            hint="Any text; spaces are fine."
          />
          <TextField
            label="Video link"
            name="url"
            type="url"
            value={value('url', editing?.url)}
            hint="May carry a passcode: choose in the settings whether only registered attendees see it."
          />
          <TextArea
            label="Description"
            name="description"
            value={value('description', editing?.description)}
            maxLength={2000}
          />
          <TextField
            label="Capacity (people)"
            name="capacity"
            type="number"
            min={1}
            value={value('capacity', editing?.capacity)}
          />
          <SubmitButton>{editing ? 'Save the room' : 'Add the room'}</SubmitButton>
        </form>
        {editing ? (
          <form method="post" action={`${base}/remove`} class="form">
            <CsrfField token={csrf} />
            <input type="hidden" name="room" value={editing.slug} />
            <SubmitButton quiet>Remove {editing.name}</SubmitButton>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="availability-heading">
        <h2 id="availability-heading">Open or close a room in a slot</h2>
        <form method="post" action={`${base}/availability`} class="form">
          <CsrfField token={csrf} />
          <Select
            id="availability-room"
            label="Room"
            name="room"
            options={state.rooms.map((room) => ({ value: room.slug, label: room.name }))}
          />
          <Select
            label="Slot"
            name="slot"
            options={state.slots.map((slot) => ({
              value: slot.code,
              label: `${describeInterval(slot.start, slot.end)} (${slot.code})`,
            }))}
          />
          <Choices
            label="The room in that slot is"
            name="available"
            selected={['no']}
            options={[
              { value: 'no', label: 'closed' },
              { value: 'yes', label: 'open' },
            ]}
          />
          <SubmitButton quiet>Save</SubmitButton>
        </form>
        <p>
          Closed now:{' '}
          {closed.length === 0
            ? 'none'
            : closed.map(({ room, slot }) => `${room.name} in ${slot.code}`).join(', ')}
          .
        </p>
      </section>
    </ConsoleFrame>,
    formStatus(view.refusal),
  );
}
