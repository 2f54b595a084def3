import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  followsInEvent,
  listRegistrants,
  mailRegistrants,
  registrationFiguresOf,
} from '../../../app/registrations.ts';
import type { Refusal } from '../../../core/errors.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { attendeeRoleLabels } from '../../../core/model/registration.ts';
import { countryName } from '../../../core/people/countries.ts';
import { count } from '../../../core/text/count.ts';
import { registrantsCsv } from '../../../exporters/registrants-csv.ts';
import type { WebDeps } from '../../deps.ts';
import { CsrfField, SubmitButton, TextArea, TextField } from '../components/form-parts.tsx';
import { FormBody } from '../form-body.ts';
import { pageUser } from '../page-context.ts';
import { formLimit, formStatus, mailingFor, organisersEvent, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { ConsoleFrame } from './console-frame.tsx';
import { sendCsv } from './send-csv.ts';

type Params = { Params: { event: string } };

/**
 * `…/organise/registrations`: how many registered, by role and by country; the registrants as CSV;
 * and a message to all of them (the "see you next week" e-mail with the schedule link).
 */
export function organiseRegistrationsPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    const mailing = mailingFor(deps, app.log);

    app.get<Params>(
      '/events/:event/organise/registrations',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        return state ? figuresPage(deps, request, reply, state, {}) : reply;
      },
    );

    app.get<Params>(
      '/events/:event/organise/registrations.csv',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        const registrants = await listRegistrants(deps.runtime, await pageWho(request), state);
        if (!registrants.ok) return sendRefusalPage(reply, request, registrants.refusal, state.event);
        const followed = await followsInEvent(deps.runtime, state);
        return sendCsv(
          reply,
          `${state.event.slug}-registrants.csv`,
          registrantsCsv(state, registrants.value, followed),
        );
      },
    );

    app.post<Params>(
      '/events/:event/organise/registrations/mail',
      { schema: { hide: true }, config: formLimit(deps) },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        const form = new FormBody(request.body);
        const message = { subject: form.text('subject'), body: form.text('body') };
        const sent = await mailRegistrants(deps.runtime, mailing, await pageWho(request), state, message);
        if (!sent.ok) return figuresPage(deps, request, reply, state, { refusal: sent.refusal, ...message });
        const failed =
          sent.value.failed > 0 ? `; ${sent.value.failed} could not be sent (see the server log)` : '';
        return figuresPage(deps, request, reply, state, {
          done: `Sent to ${count(sent.value.sent, 'registrant')}${failed}.`,
        });
      },
    );
  };
}

async function figuresPage(
  deps: WebDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  state: EventState,
  view: { done?: string; refusal?: Refusal; subject?: string; body?: string },
) {
  const figures = await registrationFiguresOf(deps.runtime, await pageWho(request), state);
  if (!figures.ok) return sendRefusalPage(reply, request, figures.refusal, state.event);
  const base = `/events/${state.event.slug}/organise/registrations`;
  return sendPage(
    reply,
    <ConsoleFrame
      event={state.event}
      user={await pageUser(request)}
      section="registrations"
      title="Registrations"
      done={view.done}
      refusal={view.refusal}
    >
      <p id="registration-total">
        {figures.value.total} registered; {figures.value.currentCoc} under the current Code of Conduct
        (version {state.event.codeOfConduct.version}).{' '}
        <a href={`${base}.csv`}>Export the registrants (CSV)</a>
      </p>
      <div class="cards">
        <table class="data-table" id="by-role">
          <caption>By role</caption>
          <tbody>
            {figures.value.byRole.map(({ role, count }) => (
              <tr key={role}>
                <th scope="row">{attendeeRoleLabels[role]}</th>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table class="data-table" id="by-country">
          <caption>By country</caption>
          <tbody>
            {figures.value.byCountry.map(({ country, count }) => (
              <tr key={country ?? 'none'}>
                <th scope="row">{country ? countryName(country) : 'Not given'}</th>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="mail-heading">
        <h2 id="mail-heading">E-mail every registrant</h2>
        <form method="post" action={`${base}/mail`} class="form">
          <CsrfField token={reply.csrfToken()} />
          <TextField label="Subject" name="subject" value={view.subject ?? ''} required maxLength={200} />
          <TextArea
            label="Message (plain text)"
            name="body"
            value={view.body ?? ''}
            long
            required
            hint="For example the “see you next week” message with the schedule’s address."
          />
          <SubmitButton>Send to {count(figures.value.total, 'registrant')}</SubmitButton>
        </form>
      </section>
    </ConsoleFrame>,
    formStatus(view.refusal),
  );
}
