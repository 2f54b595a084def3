import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { startDraftEvent } from '../../../app/events.ts';
import { type Checked, passed } from '../../../core/checked.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { EventDraftRequest } from '../../../core/event/draft-event.ts';
import { type EventMode, type EventStatus, eventModes } from '../../../core/model/event.ts';
import type { WebDeps } from '../../deps.ts';
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Select,
  SubmitButton,
  TextArea,
  TextField,
  TimeZoneSelect,
} from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import {
  formAssets,
  formLimit,
  formStatus,
  organisersEvent,
  organizerOrRefuse,
  pageWho,
} from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { consoleFields } from './console-fields.ts';
import { RulesFields, readRules } from './rules-fields.tsx';

const modeLabels: Record<EventMode, string> = {
  virtual: 'Online',
  'in-person': 'In person',
  hybrid: 'Hybrid',
};

/** Which of the page's two forms came back with a refusal, and what it held. */
interface Returned {
  readonly form: 'new' | 'copy';
  readonly posted: FormBody;
  readonly refusal: Refusal;
}

/**
 * `/organise/events/new`: organisers start an event, either from scratch (title, short name, dates,
 * zone, mode, the windows of a day and slot length, rooms, limits, booking phases and sign-up dates)
 * or as a copy of an earlier one moved to new dates. Either way it starts as a draft; its console
 * follows. `POST /events/{event}/organise/status` publishes, archives or reopens an event.
 */
export function newEventPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    const page = async (request: FastifyRequest, reply: FastifyReply, returned: Returned | null) => {
      const events = await deps.runtime.store.listEvents();
      const value = (form: Returned['form']) =>
        consoleFields.values(returned?.form === form ? returned.posted : null);
      const fresh = value('new');
      const copy = value('copy');
      return sendPage(
        reply,
        <Layout
          title="New event · Organise"
          user={await pageUser(request)}
          {...formAssets()}
          scripts={['forms.js', 'new-event.js']}
        >
          <h1>New event</h1>
          <p class="lede">
            A new event starts as a draft: only organisers see it until it is published from its console,
            where its texts, Code of Conduct, rooms and grid can be changed at any time.
          </p>
          <section aria-labelledby="copy-heading">
            <h2 id="copy-heading">From an earlier event</h2>
            <p>
              Copies its rooms, windows and closed cells, booking rules and phases, sign-up dates, texts, Code
              of Conduct and etherpad template, moved to the new dates. Bookings and people stay behind; its
              approved teams can be invited to sign up again, each with a sign-up form filled in from last
              time, e-mailed to its moderators from the Sign-ups page once the event is published.
            </p>
            <form method="post" action="/organise/events/copy" class="form">
              {returned?.form === 'copy' ? <ErrorSummary refusal={returned.refusal} /> : null}
              <CsrfField token={reply.csrfToken()} />
              <Select
                label="Copy"
                name="copy_from"
                id="copy-from"
                value={copy('copy_from', events.at(-1)?.slug)}
                options={events.map((event) => ({
                  value: event.slug,
                  label: `${event.title} (${event.startsOn})`,
                }))}
                required
              />
              <TextField
                label="Title"
                name="title"
                id="copy-title"
                value={copy('title', '')}
                maxLength={200}
                hint="Empty: the earlier title."
              />
              <TextField
                label="Short name"
                name="slug"
                id="copy-slug"
                value={copy('slug', '')}
                maxLength={60}
                required
                hint="In every address: lower-case letters, digits and hyphens, e.g. apr2025-ptg."
              />
              <TextField
                label="First day"
                name="starts_on"
                id="copy-starts-on"
                type="date"
                value={copy('starts_on', '')}
                required
                hint="The event keeps its length."
              />
              <Checkbox
                name="invite_teams"
                checked={returned?.form === 'copy' ? returned.posted.checked('invite_teams') : false}
                label="Invite its approved teams to sign up again"
              />
              <SubmitButton>Copy as a draft</SubmitButton>
            </form>
          </section>
          <section aria-labelledby="new-heading">
            <h2 id="new-heading">From scratch</h2>
            <form method="post" action="/organise/events/new" class="form" data-slug-from="title">
              {returned?.form === 'new' ? <ErrorSummary refusal={returned.refusal} /> : null}
              <CsrfField token={reply.csrfToken()} />
              <TextField
                label="Title"
                name="title"
                value={fresh('title', '')}
                required
                maxLength={200}
                hint="e.g. Project Teams Gathering, April 2025"
              />
              <TextField
                label="Short name"
                name="slug"
                value={fresh('slug', '')}
                maxLength={60}
                hint="In every address; made from the title when left empty."
              />
              <TextField
                label="First day"
                name="starts_on"
                type="date"
                value={fresh('starts_on', '')}
                required
              />
              <TextField label="Last day" name="ends_on" type="date" value={fresh('ends_on', '')} required />
              <TimeZoneSelect
                value={fresh('time_zone', 'UTC')}
                hint="The windows below are in this zone; pages show it to visitors who have not chosen their own."
              />
              <Select
                label="Mode"
                name="mode"
                value={fresh('mode', 'virtual')}
                options={eventModes.map((mode) => ({ value: mode, label: modeLabels[mode] }))}
              />
              <TextArea
                label="Windows of each day, one a line"
                name="windows"
                value={fresh('windows', '13:00-17:00 Americas / Europe')}
                required
                hint="Start-end and a name, in the zone above, e.g. 04:00-08:00 Asia / Pacific. They repeat on every day and must not overlap."
              />
              <TextField
                label="Slot length (minutes)"
                name="slot_minutes"
                type="number"
                min={5}
                value={fresh('slot_minutes', 60)}
                required
              />
              <TextArea
                label="Rooms, one a line"
                name="rooms"
                value={fresh('rooms', '')}
                hint="Names as people see them; video links and the rest are set in the console."
              />
              <RulesFields value={fresh} />
              <SubmitButton>Create the draft</SubmitButton>
            </form>
          </section>
        </Layout>,
        formStatus(returned?.refusal),
      );
    };

    const created = (reply: FastifyReply, slug: string) =>
      reply.redirect(`/events/${encodeURIComponent(slug)}/organise?done=created`, 303);

    app.get('/organise/events/new', { schema: { hide: true } }, async (request, reply) => {
      if (!(await organizerOrRefuse(request, reply))) return reply;
      return page(request, reply, null);
    });

    app.post(
      '/organise/events/new',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        if (!(await organizerOrRefuse(request, reply))) return reply;
        const posted = new FormBody(request.body);
        const read = readNewEvent(posted);
        const started = read.ok
          ? await startDraftEvent(deps.runtime, await pageWho(request), read.value)
          : read;
        if (!started.ok) return page(request, reply, { form: 'new', posted, refusal: started.refusal });
        return created(reply, started.value.event.slug);
      },
    );

    app.post(
      '/organise/events/copy',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        if (!(await organizerOrRefuse(request, reply))) return reply;
        const posted = new FormBody(request.body);
        const started = await startDraftEvent(deps.runtime, await pageWho(request), {
          copyFrom: posted.text('copy_from'),
          slug: posted.text('slug'),
          title: posted.text('title'),
          startsOn: posted.text('starts_on').trim(),
          inviteTeams: posted.checked('invite_teams'),
        });
        if (!started.ok) return page(request, reply, { form: 'copy', posted, refusal: started.refusal });
        return created(reply, started.value.event.slug);
      },
    );

    app.post<{ Params: { event: string } }>(
      '/events/:event/organise/status',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        const status = new FormBody(request.body).text('status');
        const outcome = await deps.ops.setEventStatus(state.event.slug, await pageWho(request), { status });
        const done = outcome.ok ? (status as EventStatus) : 'refused';
        return reply.redirect(`/events/${encodeURIComponent(state.event.slug)}/organise?done=${done}`, 303);
      },
    );
  };
}

/** The "from scratch" form as the core's request; only turns text into values, the core checks them. */
function readNewEvent(form: FormBody): Checked<EventDraftRequest> {
  const windows = consoleFields.readWindows(form.text('windows'));
  if (!windows.ok) return windows;
  const rules = readRules(form);
  if (!rules.ok) return rules;
  const { rules: read, signupOpensAt, signupClosesAt } = rules.value;
  const minutes = form.text('slot_minutes').trim();
  return passed({
    title: form.text('title'),
    slug: form.text('slug'),
    startsOn: form.text('starts_on').trim(),
    endsOn: form.text('ends_on').trim(),
    timeZone: form.text('time_zone').trim(),
    mode: eventModes.find((mode) => mode === form.text('mode')) ?? 'virtual',
    slotMinutes: /^\d{1,5}$/.test(minutes) ? Number(minutes) : Number.NaN,
    windows: windows.value,
    rooms: form
      .text('rooms')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    caps: {
      perDayHours: read.dailyCapMinutes === null ? null : read.dailyCapMinutes / 60,
      totalHours: read.totalCapMinutes === null ? null : read.totalCapMinutes / 60,
    },
    signupOpensAt,
    signupClosesAt,
    crossProjectOpensAt: read.crossProjectOpensAt,
    othersOpenAt: read.othersOpenAt,
  });
}
