import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { previousEdition } from '../../../../app/editions.ts';
import { registrationFiguresOf } from '../../../../app/registrations.ts';
import type { Who } from '../../../../app/runtime.ts';
import type { EventState } from '../../../../core/model/event-state.ts';
import type { RegistrationFigures } from '../../../../core/people/registration-figures.ts';
import { compareEditions, editionFigures } from '../../../../core/sessions/compare-editions.ts';
import {
  checkInsByHour,
  checkInsDuring,
  type EventReport,
  eventReport,
} from '../../../../core/sessions/event-report.ts';
import { csvTable } from '../../../../exporters/csv-table.ts';
import type { WebDeps } from '../../../deps.ts';
import { TeamBadge } from '../../components/team-badge.tsx';
import { IntervalText } from '../../components/time-text.tsx';
import { Layout } from '../../layout.tsx';
import { sendNotFound } from '../../not-found-page.tsx';
import { sendCsv } from '../../organise/send-csv.ts';
import { eventOrNotFound, pageUser, personZone } from '../../page-context.ts';
import { sendPage } from '../../render.ts';
import { viewerZone } from '../../time-zone.ts';
import { teamStylesheetUrl } from '../team-colours-stylesheet.ts';
import { barChartSvg } from './bar-chart.ts';
import { type ReportChart, reportCharts } from './report-charts.ts';

/**
 * `GET /events/{event}/report`: the event afterwards, in figures anyone may read (teams that met,
 * sessions, hours, head-counts, rooms, windows, summaries), each chart drawn on the server with its
 * table and CSV; organisers also see the registrations. `…/report/{chart}.csv` is one chart's table.
 */
export function reportPage(deps: WebDeps): FastifyPluginAsync {
  async function chartsFor(request: FastifyRequest, event: string) {
    const state = await deps.runtime.models.get(event);
    if (!state) return null;
    const identity = await request.identify();
    const who = { actor: identity.ok ? identity.value : null, source: 'web' as const };
    const figures = who.actor?.isOrganizer ? await registrationFiguresOf(deps.runtime, who, state) : null;
    const report = eventReport(state, deps.runtime.clock.now());
    const checkIns = await deps.runtime.store.personal.checkInRecords(state.event.id);
    const charts = reportCharts(report, checkInsByHour(checkIns), figures?.ok ? figures.value : null);
    return { state, report, checkIns, charts, who, figures: figures?.ok ? figures.value : null };
  }

  return async (app) => {
    app.get<{ Params: { event: string } }>(
      '/events/:event/report',
      { schema: { hide: true } },
      async (request, reply) => {
        const visible = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!visible) return reply;
        const found = await chartsFor(request, request.params.event);
        if (!found) return reply;
        const { state, report, checkIns, charts } = found;
        const comparison = await compareWithPrevious(deps, found);
        const zone = viewerZone(request, reply, state.event.timeZone, await personZone(deps, request));
        const slug = state.event.slug;
        const counted = report.sessions.filter((entry) => entry.headcount !== null);
        return sendPage(
          reply,
          <Layout
            title="Report"
            event={state.event}
            active="report"
            user={await pageUser(request)}
            stylesheets={[teamStylesheetUrl(state)]}
          >
            <h1>Report</h1>
            <p class="lede">
              What happened at {state.event.title}, from its bookings, sessions and head-counts.
            </p>
            <dl class="figures">
              <div>
                <dt>Teams that met</dt>
                <dd>{report.teamsMet}</dd>
              </div>
              <div>
                <dt>Sessions</dt>
                <dd>{report.sessions.length}</dd>
              </div>
              <div>
                <dt>Joint sessions</dt>
                <dd>{report.jointSessions}</dd>
              </div>
              <div>
                <dt>People counted</dt>
                <dd>{counted.reduce((sum, entry) => sum + (entry.headcount ?? 0), 0)}</dd>
              </div>
              <div>
                <dt>Summaries</dt>
                <dd>{report.summaries.length}</dd>
              </div>
            </dl>
            {comparison ? (
              <section aria-labelledby="previous-heading">
                <h2 id="previous-heading">Compared with the edition before</h2>
                <ul id="compared">
                  {comparison.sentences.map((sentence) => (
                    <li key={sentence}>{sentence}</li>
                  ))}
                </ul>
                <p>
                  <a href={`/events/${comparison.slug}/report`}>The report of {comparison.title}</a>
                </p>
              </section>
            ) : null}
            {charts.map((chart) => (
              <ChartSection key={chart.id} slug={slug} chart={chart} />
            ))}
            <section aria-labelledby="summaries-heading">
              <h2 id="summaries-heading">Summaries</h2>
              {report.summaries.length === 0 ? (
                <p>No team has linked its summary yet.</p>
              ) : (
                <ul id="summaries">
                  {report.summaries.map(({ team, summary }) => (
                    <li key={team.id}>
                      <TeamBadge eventSlug={slug} team={team} />{' '}
                      <a href={summary.summaryUrl} rel="noopener">
                        Summary<span class="visually-hidden"> of {team.name}</span>
                      </a>
                      {summary.notesUrl ? (
                        <>
                          {' · '}
                          <a href={summary.notesUrl} rel="noopener">
                            Notes<span class="visually-hidden"> of {team.name}</span>
                          </a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="sessions-heading">
              <h2 id="sessions-heading">Sessions and head-counts</h2>
              <p>
                People counted are the moderators’ head-counts; checked in are those who checked in with a
                team of the session while it ran, shown apart and not added to the count.
              </p>
              <div class="table-wrap">
                <table class="grid" id="report-sessions">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Room</th>
                      <th scope="col">Teams</th>
                      <th scope="col">Title</th>
                      <th scope="col">People counted</th>
                      <th scope="col">Checked in</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.sessions.map((entry) => (
                      <tr key={entry.session.id}>
                        <th scope="row">
                          <IntervalText
                            start={entry.session.start}
                            end={entry.session.end}
                            zone={zone}
                            withDay
                          />
                        </th>
                        <td>{entry.room?.name ?? ''}</td>
                        <td>{entry.teams.map((team) => team.name).join(' + ')}</td>
                        <td>{entry.session.record?.title ?? ''}</td>
                        <td>{entry.headcount ?? '—'}</td>
                        <td>{checkInsDuring(checkIns, entry)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </Layout>,
        );
      },
    );

    app.get<{ Params: { event: string; chart: string } }>(
      '/events/:event/report/:chart',
      { schema: { hide: true } },
      async (request, reply) => {
        const visible = await eventOrNotFound(deps, request, reply, request.params.event);
        if (!visible) return reply;
        const found = await chartsFor(request, request.params.event);
        const chart = found?.charts.find((candidate) => `${candidate.id}.csv` === request.params.chart);
        if (!found || !chart)
          return sendNotFound(
            reply,
            await pageUser(request),
            'There is no such table in the report.',
            visible.event,
          );
        return sendCsv(
          reply,
          `${found.state.event.slug}-${chart.id}.csv`,
          csvTable(chart.header, chart.rows),
        );
      },
    );
  };
}

/** Sentences comparing the event with the edition before it, or null when there is none. */
async function compareWithPrevious(
  deps: WebDeps,
  found: { state: EventState; report: EventReport; who: Who; figures: RegistrationFigures | null },
) {
  const previous = await previousEdition(deps.runtime, found.state.event);
  if (!previous) return null;
  const earlierFigures = found.figures
    ? await registrationFiguresOf(deps.runtime, found.who, previous)
    : null;
  const before = editionFigures(
    eventReport(previous, deps.runtime.clock.now()),
    earlierFigures?.ok ? earlierFigures.value.total : null,
  );
  const now = editionFigures(found.report, found.figures?.total ?? null);
  return {
    slug: previous.event.slug,
    title: previous.event.title,
    sentences: compareEditions(now, before, previous.event.title),
  };
}

function ChartSection(props: { slug: string; chart: ReportChart }) {
  const { chart, slug } = props;
  return (
    <section aria-labelledby={`${chart.id}-heading`} class="report-chart" id={chart.id}>
      <h2 id={`${chart.id}-heading`}>
        {chart.title}
        {chart.restricted ? <span class="hint"> (organisers only)</span> : null}
      </h2>
      {chart.bars.length === 0 ? (
        <p>Nothing to show yet.</p>
      ) : (
        // The SVG is made on the server by Plot from our own figures; linkedom escapes its text.
        <div class="chart-frame" dangerouslySetInnerHTML={{ __html: barChartSvg(chart) }} />
      )}
      <details>
        <summary>The figures as a table</summary>
        <div class="table-wrap">
          <table class="grid">
            <caption>{chart.description}</caption>
            <thead>
              <tr>
                {chart.header.map((name) => (
                  <th scope="col" key={name}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) =>
                    column === 0 ? (
                      <th scope="row" key={column}>
                        {cell ?? ''}
                      </th>
                    ) : (
                      <td key={column}>{cell ?? '—'}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <a href={`/events/${slug}/report/${chart.id}.csv`} download>
          Download as CSV<span class="visually-hidden">: {chart.title}</span>
        </a>
      </p>
    </section>
  );
}
