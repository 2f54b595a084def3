import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { followsInEvent, listRegistrants, registrationFiguresOf } from '../../../app/registrations.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { attendeeRoleLabels } from '../../../core/model/registration.ts';
import { countryName } from '../../../core/people/countries.ts';
import { registrantsCsv } from '../../../exporters/registrants-csv.ts';
import type { WebDeps } from '../../deps.ts';
import { pageUser } from '../page-context.ts';
import { organisersEvent, pageWho } from '../people-context.ts';
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

    app.get<Params>(
      '/events/:event/organise/registrations',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        return state ? figuresPage(deps, request, reply, state) : reply;
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
  };
}

async function figuresPage(deps: WebDeps, request: FastifyRequest, reply: FastifyReply, state: EventState) {
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
      <p>
        <a href={`/events/${state.event.slug}/organise/mailings`}>Write to every registrant</a>: preview, test
        and send a message, and follow its delivery.
      </p>
    </ConsoleFrame>,
  );
}
