import { beforeAll, describe, expect, it } from 'vitest';
import { textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import { startDraftEvent } from '../../../app/events.ts';
import { eventReport } from '../../../core/sessions/event-report.ts';

/**
 * Two editions: the demo (October 2022) and an April 2022 edition made from it, where only nova
 * met. The October team page links to the same team in April; the October report compares itself
 * with April, registrations only for organisers.
 */
const site = useTestSite();
const organiser = { actor: { userId: null, name: 'Convene', isOrganizer: true }, source: 'api' } as const;
const april = 'Project Teams Gathering, April 2022';

beforeAll(async () => {
  const started = await startDraftEvent(site().runtime, organiser, {
    copyFrom: 'oct2022-ptg',
    slug: 'apr2022-ptg',
    title: april,
    startsOn: '2022-04-04',
  });
  if (!started.ok) throw new Error(started.refusal.message);
  for (const [name, slug] of [
    ['Nova/Placement', 'nova'],
    ['Old team', 'old-team'],
  ] as const) {
    const created = await site().ops.createTeam('apr2022-ptg', organiser, {
      name,
      slug,
      kind: 'project',
      crossProject: false,
      status: 'approved',
    });
    if (!created.ok) throw new Error(created.refusal.message);
  }
  const published = await site().ops.setEventStatus('apr2022-ptg', organiser, { status: 'published' });
  if (!published.ok) throw new Error(published.refusal.message);
});

describe('earlier editions of an event', () => {
  it('links a team’s page to the same team at the earlier edition, and only a team that was there', async () => {
    const nova = await site().app.inject('/events/oct2022-ptg/teams/nova');
    expect(nova.body).toContain('href="/events/apr2022-ptg/teams/nova"');
    expect(textOf(nova.body)).toContain(`At earlier events: Nova/Placement at ${april}`);
    const neutron = await site().app.inject('/events/oct2022-ptg/teams/neutron');
    expect(neutron.body).not.toContain('earlier-editions');
    const earliest = await site().app.inject('/events/apr2022-ptg/teams/nova');
    expect(earliest.body).not.toContain('earlier-editions');
  });

  it('compares the report with the edition before: teams, sessions and hours for all, registrations for organisers', async () => {
    const state = (await site().runtime.models.get('oct2022-ptg'))!;
    const report = eventReport(state, site().runtime.clock.now());
    const page = textOf((await site().app.inject('/events/oct2022-ptg/report')).body);
    expect(page).toContain('Compared with the edition before');
    expect(page).toContain(`${report.teamsMet} teams met, ${report.teamsMet} more than at ${april}.`);
    expect(page).toContain(
      `${report.sessions.length} sessions, ${report.sessions.length} more than at ${april}.`,
    );
    expect(page).not.toMatch(/registrations?, /);
    const { client } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    const organisers = textOf((await client.get('/events/oct2022-ptg/report')).html);
    expect(organisers).toMatch(new RegExp(`\\d+ registrations?, (\\d+ more than|as many as) at ${april}\\.`));
    const first = textOf((await site().app.inject('/events/apr2022-ptg/report')).body);
    expect(first).not.toContain('Compared with the edition before');
  });
});
