import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { confirmRegistration } from '../../../app/event-notices.ts';
import { acceptEventCoc, registerForEvent, standingWith } from '../../../app/registrations.ts';
import type { Refusal } from '../../../core/errors.ts';
import { checkNotArchived } from '../../../core/event/archive.ts';
import type { Actor } from '../../../core/model/actor.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { attendeeRoleLabels, attendeeRoles } from '../../../core/model/registration.ts';
import { countryCodes, countryName } from '../../../core/people/countries.ts';
import type { RegistrationInput } from '../../../core/people/register-attendee.ts';
import { officialList } from '../../../core/signups/official-list.ts';
import type { WebDeps } from '../../deps.ts';
import {
  Checkbox,
  Choices,
  CsrfField,
  ErrorSummary,
  Notice,
  Select,
  SubmitButton,
  TextField,
  TimeZoneSelect,
} from '../components/form-parts.tsx';
import { MarkdownBlock } from '../components/markdown-block.tsx';
import { FormBody } from '../form-body.ts';
import { Layout } from '../layout.tsx';
import { pageUser } from '../page-context.ts';
import { eventForSignedIn, formAssets, formLimit, formStatus, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';

type EventParams = { Params: { event: string } };

const countries = countryCodes
  .map((code) => ({ value: code, label: countryName(code) }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en'));

/**
 * `…/register`: free registration for signed-in people, with the event's Code of Conduct to accept
 * (and to accept again when organisers publish a new version, at `…/register/coc`). Anyone not
 * signed in is sent to sign in first and comes back here.
 */
export function registerPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);

    app.get<EventParams>('/events/:event/register', { schema: { hide: true } }, async (request, reply) => {
      const found = await eventForSignedIn(deps, request, reply);
      if (!found) return reply;
      const { state, actor } = found;
      const closed = checkNotArchived(state.event, 'registration');
      if (closed) return sendRefusalPage(reply, request, closed, state.event);
      return registrationForm(deps, request, reply, state, actor, null, null);
    });

    app.post<EventParams>(
      '/events/:event/register',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const found = await eventForSignedIn(deps, request, reply);
        if (!found) return reply;
        const { state, actor } = found;
        const input = readForm(request.body);
        const registered = await registerForEvent(deps.runtime, await pageWho(request), state, input);
        if (!registered.ok)
          return registrationForm(deps, request, reply, state, actor, input, registered.refusal);
        const user = actor.userId ? await deps.runtime.store.findUser(actor.userId) : null;
        // Queued under a key of the registration, so changing it later sends nothing more.
        if (user) await confirmRegistration(deps.runtime, deps, state, user, registered.value);
        return reply.redirect(`/events/${encodeURIComponent(state.event.slug)}/join?done=registered`, 303);
      },
    );

    app.post<EventParams>(
      '/events/:event/register/coc',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const found = await eventForSignedIn(deps, request, reply);
        if (!found) return reply;
        const { state, actor } = found;
        const form = new FormBody(request.body);
        const accepted = await acceptEventCoc(deps.runtime, await pageWho(request), state, {
          accept: form.checked('accept_coc'),
          version: form.text('coc_version'),
        });
        if (!accepted.ok) return registrationForm(deps, request, reply, state, actor, null, accepted.refusal);
        return reply.redirect(`/events/${encodeURIComponent(state.event.slug)}/join?done=accepted`, 303);
      },
    );
  };
}

function readForm(body: unknown): RegistrationInput {
  const form = new FormBody(body);
  return {
    name: form.text('name'),
    role: form.text('role'),
    affiliation: form.text('affiliation'),
    country: form.text('country'),
    timeZone: form.text('time_zone'),
    ircNick: form.text('irc_nick'),
    teamsOfInterest: form.list('teams'),
    listedInFindPeople: form.checked('find_people'),
    acceptCodeOfConduct: form.checked('accept_coc'),
    codeOfConductVersion: form.text('coc_version'),
  };
}

async function registrationForm(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  actor: Actor,
  posted: RegistrationInput | null,
  refusal: Refusal | null,
) {
  const user = actor.userId ? await deps.runtime.store.findUser(actor.userId) : null;
  const { standing, registration } = await standingWith(deps.runtime, actor, state);
  const followed = new Set(actor.userId ? await deps.runtime.store.followedTeamIds(actor.userId) : []);
  const teams = officialList(state);
  const values: RegistrationInput = posted ?? {
    name: user?.name ?? '',
    role: registration?.role ?? '',
    affiliation: registration?.affiliation ?? '',
    country: registration?.country ?? '',
    timeZone: user?.timeZone ?? '',
    ircNick: user?.ircNick ?? '',
    teamsOfInterest: teams.filter((team) => followed.has(team.id)).map((team) => team.slug),
    listedInFindPeople: user?.listedInFindPeople ?? false,
    acceptCodeOfConduct: standing === 'registered',
    codeOfConductVersion: state.event.codeOfConduct.version,
  };
  const coc = state.event.codeOfConduct;
  const base = `/events/${encodeURIComponent(state.event.slug)}`;
  const csrf = reply.csrfToken();
  const cocText = (
    <div class="coc-text" id="code-of-conduct">
      <MarkdownBlock source={coc.text} />
      {coc.url ? (
        <p>
          <a href={coc.url}>Read the full Code of Conduct</a>
        </p>
      ) : null}
    </div>
  );
  const acceptBox = (
    <>
      <input type="hidden" name="coc_version" value={coc.version} />
      <Checkbox
        name="accept_coc"
        checked={values.acceptCodeOfConduct}
        label={`I have read and accept the Code of Conduct (version ${coc.version}).`}
      />
    </>
  );
  return sendPage(
    reply,
    <Layout title="Register" event={state.event} user={await pageUser(request)} {...formAssets()}>
      <div class="prose">
        <h1>Register for {state.event.title}</h1>
        <p>Registration is free. Registered attendees receive the room links and news about the event.</p>
        {standing === 'registered' && !refusal ? (
          <Notice>
            You are registered. <a href={`${base}/join`}>See where to join</a>, or change your answers below.
          </Notice>
        ) : null}
      </div>
      {standing === 'coc-outdated' ? (
        <section class="prose" aria-labelledby="coc-heading">
          <h2 id="coc-heading">The Code of Conduct has a new version</h2>
          <p>
            You accepted version {registration?.cocVersion}; the organisers have published version{' '}
            {coc.version}. Read it and accept it to continue.
          </p>
          <form method="post" action={`${base}/register/coc`} class="form">
            <ErrorSummary refusal={posted ? null : refusal} />
            <CsrfField token={csrf} />
            {cocText}
            {acceptBox}
            <SubmitButton>Accept and continue</SubmitButton>
          </form>
        </section>
      ) : null}
      <form method="post" action={`${base}/register`} class="form">
        {posted || standing !== 'coc-outdated' ? <ErrorSummary refusal={refusal} /> : null}
        <CsrfField token={csrf} />
        <TextField
          label="Name"
          name="name"
          value={values.name}
          required
          maxLength={120}
          autocomplete="name"
        />
        <div class="field">
          <span class="field__label">E-mail address</span>
          <p>
            {user?.email} <span class="hint">(the address you signed in with)</span>
          </p>
        </div>
        <Choices
          label="Which describes you best?"
          name="role"
          required
          selected={[values.role]}
          options={attendeeRoles.map((role) => ({ value: role, label: attendeeRoleLabels[role] }))}
        />
        <TextField
          label="Affiliation"
          name="affiliation"
          value={values.affiliation}
          maxLength={200}
          hint="Your employer or organisation, if you like."
        />
        <Select
          label="Country"
          name="country"
          value={values.country}
          options={[{ value: '', label: '(not given)' }, ...countries]}
        />
        <TimeZoneSelect value={values.timeZone} hint="Pages show times in it." />
        <TextField
          label="IRC nick"
          name="irc_nick"
          value={values.ircNick}
          maxLength={30}
          hint="Links what you say on IRC to you."
        />
        <Choices
          label="Teams of interest"
          name="teams"
          multiple
          hint="You follow these teams: their times appear in your calendar."
          selected={values.teamsOfInterest}
          options={teams.map((team) => ({ value: team.slug, label: team.name }))}
        />
        <Checkbox
          name="find_people"
          checked={values.listedInFindPeople}
          label="List me in “find people”, so others can see that I am here."
        />
        <fieldset class="field">
          <legend>Code of Conduct</legend>
          {cocText}
          {acceptBox}
        </fieldset>
        <SubmitButton>{registration ? 'Save my registration' : 'Register'}</SubmitButton>
      </form>
    </Layout>,
    formStatus(refusal),
  );
}
