import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  applyScheduleDraft,
  draftSeconds,
  makeScheduleDraft,
  scheduleDraftOf,
} from '../../../app/schedule-drafts.ts';
import type { DraftCost } from '../../../core/draft-schedule/draft-instance.ts';
import type { EventDraft } from '../../../core/draft-schedule/event-draft.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { utcDay } from '../../../core/model/instant.ts';
import { count } from '../../../core/text/count.ts';
import { describeUtcDay, describeUtcTime } from '../../../core/text/describe-time.ts';
import type { WebDeps } from '../../deps.ts';
import { Checkbox, CsrfField, Select, SubmitButton } from '../components/form-parts.tsx';
import { TeamBadge } from '../components/team-badge.tsx';
import { FormBody } from '../form-body.ts';
import { pageUser } from '../page-context.ts';
import { formLimit, organisersEvent, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { ConsoleFrame } from './console-frame.tsx';

type Params = { Params: { event: string } };
type DraftParams = { Params: { event: string; id: string }; Querystring: { done?: string } };

const limits = [5, draftSeconds.default, 30, draftSeconds.most];

/**
 * `…/organise/draft`: organisers draft the week from what the teams asked for, read its cost in
 * words and against the current bookings, see it as the schedule grid, and apply it. Drafting runs
 * within the request, for the time limit chosen (see docs/decisions/0031).
 */
export function draftSchedulePage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const path = '/events/:event/organise/draft';

    app.get<Params>(path, { schema: { hide: true } }, async (request, reply) => {
      const state = await organisersEvent(deps, request, reply);
      return state ? startPage(request, reply, state, null) : reply;
    });

    app.post<Params>(
      `${path}/make`,
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        const form = new FormBody(request.body);
        const seconds = Number(form.text('seconds'));
        const made = await makeScheduleDraft(deps.runtime, await pageWho(request), state.event.slug, {
          seconds: limits.includes(seconds) ? seconds : draftSeconds.default,
          keepCurrent: form.checked('keep_current'),
        });
        if (!made.ok) return startPage(request, reply, state, made.refusal);
        return reply.redirect(`/events/${state.event.slug}/organise/draft/${made.value.id}`, 303);
      },
    );

    app.get<DraftParams>(`${path}/:id`, { schema: { hide: true } }, async (request, reply) => {
      const state = await organisersEvent(deps, request, reply);
      if (!state) return reply;
      const found = await scheduleDraftOf(
        deps.runtime,
        await pageWho(request),
        state.event.slug,
        request.params.id,
      );
      if (!found.ok) return sendRefusalPage(reply, request, found.refusal, state.event);
      return draftPage(request, reply, state, found.value.draft, {
        done:
          request.query.done === 'applied'
            ? 'The draft is applied: the schedule and the board show it.'
            : undefined,
      });
    });

    app.post<DraftParams>(
      `${path}/:id/apply`,
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        const applied = await applyScheduleDraft(
          deps.runtime,
          await pageWho(request),
          state.event.slug,
          request.params.id,
        );
        if (applied.ok)
          return reply.redirect(
            `/events/${state.event.slug}/organise/draft/${request.params.id}?done=applied`,
            303,
          );
        const found = await scheduleDraftOf(
          deps.runtime,
          await pageWho(request),
          state.event.slug,
          request.params.id,
        );
        if (!found.ok) return sendRefusalPage(reply, request, applied.refusal, state.event);
        return draftPage(request, reply, state, found.value.draft, { refusal: applied.refusal });
      },
    );
  };
}

async function startPage(
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  refusal: Refusal | null,
) {
  const listed = state.teams.filter((team) => team.status === 'approved');
  const asked = listed.filter((team) => state.signups[team.id]);
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section="draft"
      title="Draft the schedule"
      refusal={refusal}
    >
      <div class="prose">
        <p>
          A draft gives every team on the official list the hours it asked for, in the windows it can meet in,
          with as few clashes as possible between teams that share people (followers and moderators) or asked
          not to overlap, in as few blocks as possible. Bookings a team asked to keep, and slots that have
          started, stay as they are.
        </p>
        <p>
          {count(asked.length, 'team')} of {listed.length} said what they ask for. A team that did not keeps
          its bookings and gets no more. Nothing changes until you apply the draft.
        </p>
      </div>
      <form method="post" action={`/events/${state.event.slug}/organise/draft/make`} class="form">
        <CsrfField token={reply.csrfToken()} />
        <Select
          label="Search for"
          name="seconds"
          value={String(draftSeconds.default)}
          hint="A longer search may find a cheaper draft; the page waits for it."
          options={limits.map((seconds) => ({ value: String(seconds), label: `${seconds} seconds` }))}
        />
        {state.bookings.length > 0 ? (
          <Checkbox
            name="keep_current"
            checked
            label="Start from the current bookings and move as few of them as possible"
          />
        ) : null}
        <SubmitButton>Draft the schedule</SubmitButton>
      </form>
    </ConsoleFrame>,
  );
}

const terms: readonly [keyof DraftCost, string][] = [
  ['unmet_hours', 'Hours asked for and not booked (1,000 each)'],
  ['clash', 'Clashes: people who follow both teams, 50 more for an avoidance (1 each)'],
  ['runs', 'Blocks of meetings (10 each)'],
  ['room_changes', 'Room changes within a block (5 each)'],
  ['total', 'Cost'],
];

async function draftPage(
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  draft: EventDraft,
  view: { done?: string | undefined; refusal?: Refusal },
) {
  const { cost } = draft.draft;
  const base = `/events/${state.event.slug}/organise/draft`;
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section="draft"
      title="Draft schedule"
      done={view.done}
      refusal={view.refusal}
    >
      <p id="draft-summary">{draft.words.summary}</p>
      {draft.draft.bound !== null ? (
        <p class="hint">
          No draft can cost less than {draft.draft.bound}. The search took {draft.draft.seconds.toFixed(1)}{' '}
          seconds.
        </p>
      ) : null}
      <section aria-labelledby="words-heading">
        <h2 id="words-heading">What it costs, in words</h2>
        {draft.words.unmet.length + draft.words.clashes.length === 0 ? (
          <p>Every team gets the hours it asked for, and no teams that share people meet at the same time.</p>
        ) : null}
        <ul id="draft-words">
          {[...draft.words.unmet, ...draft.words.clashes].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">Compared with the bookings now</h2>
        <p>
          The draft keeps {count(draft.current.kept, 'booking')}, makes{' '}
          {count(draft.current.added, 'booking')} and releases {count(draft.current.released, 'booking')}.
        </p>
        <div>
          <table id="draft-compare">
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col">Bookings now</th>
                <th scope="col">Draft</th>
              </tr>
            </thead>
            <tbody>
              {terms.map(([term, label]) => (
                <tr key={term}>
                  <th scope="row">{label}</th>
                  <td>{draft.current.cost[term]}</td>
                  <td>{cost[term]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {draft.appliedAt ? (
        <p>
          Applied. See the <a href={`/events/${state.event.slug}/schedule`}>schedule</a> and the{' '}
          <a href={`/events/${state.event.slug}/board`}>board</a>.
        </p>
      ) : (
        <form method="post" action={`${base}/${draft.id}/apply`} class="form">
          <CsrfField token={reply.csrfToken()} />
          <p class="hint">
            Applying releases and makes the bookings above in one go, as organiser assignments. Teams can then
            move their own meetings as usual.
          </p>
          <SubmitButton>Apply the draft</SubmitButton>
        </form>
      )}
      <section aria-labelledby="grid-heading">
        <h2 id="grid-heading">The draft week</h2>
        <DraftGrid state={state} draft={draft} />
      </section>
    </ConsoleFrame>,
  );
}

/** The draft as the schedule grid: a table per UTC day, rooms across, slots down. */
function DraftGrid(props: { state: EventState; draft: EventDraft }) {
  const { state } = props;
  const teams = new Map(state.teams.map((team) => [team.slug, team]));
  const held = new Map(
    props.draft.draft.bookings.map((booking) => [`${booking.room} ${booking.slot}`, booking.team]),
  );
  const closed = new Set(
    state.unavailable.flatMap((cell) => {
      const room = state.rooms.find((candidate) => candidate.id === cell.roomId);
      const slot = state.slots.find((candidate) => candidate.id === cell.slotId);
      return room && slot ? [`${room.slug} ${slot.code}`] : [];
    }),
  );
  const days = [...new Set(state.slots.map((slot) => utcDay(slot.start)))];
  return (
    <div>
      {days.map((day) => (
        <div class="table-wrap" key={day}>
          <table class="grid">
            <caption>{describeUtcDay(`${day}T12:00:00Z`)} (UTC)</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                {state.rooms.map((room) => (
                  <th scope="col" key={room.id}>
                    <a href={`/events/${state.event.slug}/rooms/${room.slug}`}>{room.name}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.slots
                .filter((slot) => utcDay(slot.start) === day)
                .map((slot) => (
                  <tr key={slot.id}>
                    <th scope="row">{describeUtcTime(slot.start)}</th>
                    {state.rooms.map((room) => {
                      const key = `${room.slug} ${slot.code}`;
                      const team = teams.get(held.get(key) ?? '');
                      if (team)
                        return (
                          <td class="cell cell--booked" key={room.id}>
                            <TeamBadge eventSlug={state.event.slug} team={team} />
                          </td>
                        );
                      return (
                        <td class={closed.has(key) ? 'cell cell--closed' : 'cell cell--free'} key={room.id}>
                          {closed.has(key) ? 'Closed' : <span class="visually-hidden">Free</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
