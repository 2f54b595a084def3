import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { tellOfNewCodeOfConduct } from '../../../app/event-notices.ts';
import { type Checked, passed } from '../../../core/checked.ts';
import type { Refusal } from '../../../core/errors.ts';
import { nextCodeOfConduct } from '../../../core/event/code-of-conduct.ts';
import type { EventPatch } from '../../../core/event/update-event.ts';
import {
  type EventInfo,
  type EventMode,
  type EventStatus,
  eventModes,
  eventStatuses,
} from '../../../core/model/event.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import type { WebDeps } from '../../deps.ts';
import {
  Checkbox,
  Choices,
  CsrfField,
  Select,
  SubmitButton,
  TextArea,
  TextField,
} from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { sendNotFound } from '../not-found-page.tsx';
import { pageUser } from '../page-context.ts';
import { formLimit, formStatus, organisersEvent, pageWho } from '../people-context.ts';
import { pageErrorHandler } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { consoleFields } from './console-fields.ts';
import { ConsoleFrame } from './console-frame.tsx';
import { RulesFields, readRules } from './rules-fields.tsx';

/** Reads a field from the posted form when there is one, else from the event. */
type Value = (name: string, current: string | number | null | undefined) => string;

interface Section {
  readonly title: string;
  readonly fields: (event: EventInfo, value: Value) => VNode;
  readonly read: (form: FormBody, event: EventInfo) => Checked<EventPatch>;
}

/** The event settings the console edits, each section one form that saves through `updateEvent`. */
const sections: Record<'settings' | 'coc' | 'grid' | 'rules', Section> = {
  settings: {
    title: 'Settings and public content',
    fields: (event, value) => (
      <>
        <TextField label="Title" name="title" value={value('title', event.title)} required maxLength={200} />
        <Select
          label="Status"
          name="status"
          value={value('status', event.status)}
          hint="Draft events are hidden from everyone but organisers."
          options={eventStatuses.map((status) => ({ value: status, label: status }))}
        />
        <Select
          label="Mode"
          name="mode"
          value={value('mode', event.mode)}
          options={eventModes.map((mode) => ({ value: mode, label: mode }))}
        />
        <TextField
          label="Time zone for display"
          name="time_zone"
          value={value('time_zone', event.timeZone)}
          required
          hint="An IANA zone such as Europe/Paris; slots are always kept in UTC."
        />
        <TextField
          label="Contact address"
          name="contact"
          value={value('contact', event.contact)}
          maxLength={200}
        />
        <TextField label="Chat channel" name="chat" value={value('chat', event.chat)} maxLength={200} />
        <TextField
          label="Etherpad address template"
          name="etherpad_template"
          value={value('etherpad_template', event.etherpadTemplate)}
          hint="{event} and {team} are replaced by the short names, e.g. https://etherpad.example.org/p/{event}-{team}"
        />
        <Checkbox
          name="attendee_only_room_links"
          checked={value('attendee_only_room_links', event.attendeeOnlyRoomLinks ? 'yes' : '') !== ''}
          label="Show room video links (which may carry passcodes) to registered attendees only"
        />
        <TextArea
          label="About the event (Markdown)"
          name="about"
          value={value('about', event.content.about)}
          long
        />
        <TextArea
          label="Who should attend (Markdown)"
          name="audience"
          value={value('audience', event.content.audience)}
          long
        />
        <TextArea
          label="Who should not attend (Markdown)"
          name="not_for"
          value={value('not_for', event.content.notFor)}
        />
        <TextArea label="Why it matters (Markdown)" name="why" value={value('why', event.content.why)} />
        <TextArea
          label="Frequently asked questions (Markdown)"
          name="faq"
          value={value('faq', event.content.faq)}
          long
        />
      </>
    ),
    read: (form) =>
      passed({
        title: form.text('title'),
        status: form.text('status') as EventStatus,
        mode: form.text('mode') as EventMode,
        timeZone: form.text('time_zone').trim(),
        contact: form.text('contact').trim(),
        chat: form.text('chat').trim(),
        etherpadTemplate: form.text('etherpad_template').trim() || null,
        attendeeOnlyRoomLinks: form.checked('attendee_only_room_links'),
        content: {
          about: form.text('about'),
          audience: form.text('audience'),
          notFor: form.text('not_for'),
          why: form.text('why'),
          faq: form.text('faq'),
        },
      }),
  },
  coc: {
    title: 'Code of Conduct',
    fields: (event, value) => (
      <>
        <p class="hint">
          Attendees accept this version when they register. A new version is e-mailed to every registered
          attendee who has not accepted it, with a link to accept it in one step.
        </p>
        <TextField
          label="Version"
          name="coc_version"
          value={value('coc_version', event.codeOfConduct.version)}
          required
          maxLength={200}
        />
        <Choices
          label="A new version binds"
          name="coc_required"
          selected={[value('coc_required', 'now')]}
          options={[
            {
              value: 'now',
              label:
                'everyone, at once: people registered already accept it again before they see the room links',
            },
            {
              value: 'next-registration',
              label: 'new registrations only: acceptances of the versions before keep counting',
            },
          ]}
        />
        <TextField
          label="Address of the full text"
          name="coc_url"
          type="url"
          value={value('coc_url', event.codeOfConduct.url)}
        />
        <TextArea
          label="Text shown on the registration form (Markdown)"
          name="coc_text"
          value={value('coc_text', event.codeOfConduct.text)}
          long
        />
      </>
    ),
    read: (form, event) =>
      passed({
        codeOfConduct: nextCodeOfConduct(
          event.codeOfConduct,
          {
            version: form.text('coc_version').trim(),
            url: form.text('coc_url').trim() || null,
            text: form.text('coc_text'),
          },
          form.text('coc_required') === 'next-registration' ? 'next-registration' : 'now',
        ),
      }),
  },
  grid: {
    title: 'Days, slots and windows',
    fields: (event, value) => (
      <>
        <p class="hint">
          Changing these rebuilds the grid; slots that keep their times keep their bookings, and a change that
          would drop a booked slot is refused.
        </p>
        <TextField
          label="First day"
          name="starts_on"
          type="date"
          value={value('starts_on', event.startsOn)}
          required
        />
        <TextField
          label="Last day"
          name="ends_on"
          type="date"
          value={value('ends_on', event.endsOn)}
          required
        />
        <TextField
          label="Slot length (minutes)"
          name="slot_minutes"
          type="number"
          min={5}
          value={value('slot_minutes', event.slotMinutes)}
          required
        />
        <TextArea
          label="Windows (UTC), one a line"
          name="windows"
          value={value('windows', consoleFields.windowLines(event.windows))}
          hint="13:00-17:00 Americas / Europe"
        />
      </>
    ),
    read: (form) => {
      const windows = consoleFields.readWindows(form.text('windows'));
      if (!windows.ok) return windows;
      const minutes = form.text('slot_minutes').trim();
      return passed({
        startsOn: form.text('starts_on').trim(),
        endsOn: form.text('ends_on').trim(),
        slotMinutes: /^\d{1,5}$/.test(minutes) ? Number(minutes) : Number.NaN,
        windows: windows.value,
      });
    },
  },
  rules: {
    title: 'Booking rules and phases',
    fields: (event, value) => <RulesFields value={value} event={event} />,
    read: readRules,
  },
};

type Params = { Params: { event: string; section: string }; Querystring: { done?: string } };

/**
 * `…/organise/{settings|coc|grid|rules}`: organisers change the event's settings and public content,
 * its Code of Conduct, its days and windows, and its booking rules and phases. Each form saves through
 * the `updateEvent` operation, which checks everything and rebuilds the grid when needed.
 */
export function organiseEventPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get<Params>(
      '/events/:event/organise/:section',
      { schema: { hide: true } },
      async (request, reply) => {
        const found = await sectionFor(deps, request, reply);
        if (!found) return reply;
        return sectionPage(
          request,
          reply,
          found.state,
          found.key,
          null,
          null,
          request.query.done === 'saved',
        );
      },
    );

    app.post<Params>(
      '/events/:event/organise/:section',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const found = await sectionFor(deps, request, reply);
        if (!found) return reply;
        const form = new FormBody(request.body);
        const patch = sections[found.key].read(form, found.state.event);
        const outcome = patch.ok
          ? await deps.ops.updateEvent(found.state.event.slug, await pageWho(request), patch.value)
          : patch;
        if (!outcome.ok)
          return sectionPage(request, reply, found.state, found.key, form, outcome.refusal, false);
        if (outcome.state.event.codeOfConduct.version !== found.state.event.codeOfConduct.version)
          await tellOfNewCodeOfConduct(deps.runtime, deps, outcome.state);
        return reply.redirect(`/events/${found.state.event.slug}/organise/${found.key}?done=saved`, 303);
      },
    );
  };
}

async function sectionFor(deps: WebDeps, request: FastifyRequest<Params>, reply: FastifyReply) {
  const state = await organisersEvent(deps, request, reply);
  if (!state) return null;
  const key = request.params.section;
  // Own keys only: `toString` or `__proto__` are in every object but are not sections.
  if (!Object.hasOwn(sections, key)) {
    await sendNotFound(reply, await pageUser(request), 'There is no such page.', state.event);
    return null;
  }
  return { state, key: key as keyof typeof sections };
}

async function sectionPage(
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  key: keyof typeof sections,
  posted: FormBody | null,
  refusal: Refusal | null,
  saved: boolean,
) {
  const section = sections[key];
  const value: Value = consoleFields.values(posted);
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section={key}
      title={section.title}
      refusal={refusal}
      done={saved ? 'Saved.' : undefined}
    >
      <form method="post" action={`/events/${state.event.slug}/organise/${key}`} class="form">
        <CsrfField token={reply.csrfToken()} />
        {section.fields(state.event, value)}
        <SubmitButton>Save</SubmitButton>
      </form>
    </ConsoleFrame>,
    formStatus(refusal),
  );
}
