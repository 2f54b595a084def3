import type { FastifyPluginAsync } from 'fastify';
import { DateTime } from 'luxon';
import { auditLog } from '../../../app/events.ts';
import { type AuditFilter, auditPage, auditPeople } from '../../../core/audit/audit-view.ts';
import { refusal } from '../../../core/errors.ts';
import type { Source } from '../../../core/model/actor.ts';
import { findTeam } from '../../../core/model/lookup.ts';
import type { WebDeps } from '../../deps.ts';
import { Select, SubmitButton, TextField } from '../components/form-parts.tsx';
import { TimeText } from '../components/time-text.tsx';
import { pageUser } from '../page-context.ts';
import { organisersEvent, pageWho } from '../people-context.ts';
import { pageErrorHandler, sendRefusalPage } from '../refusal-page.tsx';
import { sendPage } from '../render.ts';
import { viewerZone } from '../time-zone.ts';
import { ConsoleFrame } from './console-frame.tsx';

type Query = { team?: string; person?: string; source?: string; day?: string; page?: string };

const sources: readonly Source[] = ['web', 'api', 'irc', 'cli', 'import', 'demo', 'system'];
const perPage = 50;

/**
 * `…/organise/audit`: every change to the event, newest first, filtered by team, person, source and
 * day (a day in the viewer's zone), 50 to a page, with times in the viewer's zone and UTC.
 */
export function organiseAuditPage(deps: WebDeps): FastifyPluginAsync {
  return async (app) => {
    app.setErrorHandler(pageErrorHandler);
    app.get<{ Params: { event: string }; Querystring: Query }>(
      '/events/:event/organise/audit',
      { schema: { hide: true } },
      async (request, reply) => {
        const state = await organisersEvent(deps, request, reply);
        if (!state) return reply;
        const log = await auditLog(deps.runtime, await pageWho(request), state.event.slug, 0);
        if (!log.ok) return sendRefusalPage(reply, request, log.refusal, state.event);
        const zone = viewerZone(request, reply, state.event.timeZone);
        const query = request.query;
        const text = (value: string | undefined) => (typeof value === 'string' ? value.slice(0, 100) : '');
        const asked = {
          team: text(query.team),
          person: text(query.person),
          source: text(query.source),
          day: text(query.day),
        };
        const team = asked.team ? findTeam(state, asked.team) : null;
        const source = sources.find((candidate) => candidate === asked.source) ?? null;
        const day = asked.day ? DateTime.fromISO(asked.day, { zone }) : null;
        const problem =
          asked.team && !team
            ? `There is no team "${asked.team}" in this event.`
            : asked.source && !source
              ? 'Choose a source from the list.'
              : day && (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(asked.day))
                ? 'Give the day as YYYY-MM-DD.'
                : null;
        const filter: AuditFilter = {
          team: team?.id ?? null,
          person: asked.person || null,
          source,
          from: day?.isValid
            ? (day.startOf('day').toUTC().toISO({ suppressMilliseconds: true }) ?? null)
            : null,
          until: day?.isValid
            ? (day.plus({ days: 1 }).startOf('day').toUTC().toISO({ suppressMilliseconds: true }) ?? null)
            : null,
        };
        const shown = auditPage(log.value, filter, Number(query.page ?? 1), perPage);
        const teamName = (id: string | null) =>
          id ? (state.teams.find((t) => t.id === id)?.name ?? '') : '';
        const base = `/events/${state.event.slug}/organise/audit`;
        const pageLink = (page: number) => {
          const params = new URLSearchParams(
            Object.entries({ ...asked, page: String(page) }).filter(([, v]) => v),
          );
          return `${base}?${params}`;
        };
        return sendPage(
          reply,
          <ConsoleFrame
            event={state.event}
            user={await pageUser(request)}
            section="audit"
            title="Changes"
            refusal={problem ? refusal('invalid_input', problem) : undefined}
          >
            <form method="get" action={base} class="form form--inline">
              <Select
                label="Team"
                name="team"
                value={team?.slug ?? ''}
                options={[
                  { value: '', label: 'Every team' },
                  ...state.teams.map((candidate) => ({ value: candidate.slug, label: candidate.name })),
                ]}
              />
              <Select
                label="Person"
                name="person"
                value={asked.person}
                options={[
                  { value: '', label: 'Everyone' },
                  ...auditPeople(log.value).map((p) => ({ value: p.key, label: p.name })),
                ]}
              />
              <Select
                label="Source"
                name="source"
                value={source ?? ''}
                options={[
                  { value: '', label: 'Every source' },
                  ...sources.map((s) => ({ value: s, label: s })),
                ]}
              />
              <TextField label={`Day (${zone})`} name="day" type="date" value={asked.day} />
              <SubmitButton quiet>Show</SubmitButton>
            </form>
            <p id="audit-count">
              {shown.total} changes; page {shown.page} of {shown.pages}. Times in {zone}.
            </p>
            <table class="data-table" id="audit">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">From</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {shown.entries.map((entry) => (
                  <tr key={entry.revision}>
                    <td>
                      <TimeText at={entry.at} zone={zone} withDay />
                    </td>
                    <td>{entry.person}</td>
                    <td>{entry.source}</td>
                    <td>
                      {entry.changes
                        .map((change) =>
                          change.teamId ? `${change.type} (${teamName(change.teamId)})` : change.type,
                        )
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav aria-label="Pages of changes" class="pager">
              {shown.page > 1 ? <a href={pageLink(shown.page - 1)}>Newer changes</a> : null}{' '}
              {shown.page < shown.pages ? <a href={pageLink(shown.page + 1)}>Older changes</a> : null}
            </nav>
          </ConsoleFrame>,
          { status: problem ? 400 : 200 },
        );
      },
    );
  };
}
