import { describe, expect, it } from 'vitest';
import { linkTo, useSiteWithMail } from '../../test/support/mail-catcher.ts';
import { moderatorSecret } from '../../test/support/people.ts';
import { demoNow } from '../../test/support/web.ts';
import type { EventState } from '../core/model/event-state.ts';
import { addMinutes } from '../core/model/instant.ts';
import { findTeam } from '../core/model/lookup.ts';
import { eventEnd, teamsToRemindOfSummary } from '../core/sessions/summary-reminder.ts';
import { remindOfSummaries } from './reminders.ts';

const { site, mail } = useSiteWithMail({ signIn: 100, forms: 100 });
const day = 24 * 60;

async function demo(): Promise<EventState> {
  const state = await site().runtime.models.get('oct2022-ptg');
  if (!state) throw new Error('no demo event');
  return state;
}

async function progress(team: string) {
  const state = await demo();
  return site().runtime.store.outbox.progress(
    `summary-reminder:${state.event.id}:${findTeam(state, team)?.id}`,
  );
}

describe('the reminder to link a summary after the event', () => {
  it('goes three days after the event to the moderators of teams that met without a summary, once per team, across restarts', async () => {
    await site().app.ready();
    for (const email of ['nia@example.org', 'noor@example.org'])
      await moderatorSecret(site(), { event: 'oct2022-ptg', team: 'nova' }, email);
    await moderatorSecret(site(), { event: 'oct2022-ptg', team: 'neutron' }, 'ned@example.org');
    const end = eventEnd(await demo());
    if (!end) throw new Error('the demo has no hours');
    const nova = findTeam(await demo(), 'nova')!;
    const neutron = findTeam(await demo(), 'neutron')!;
    await site().ops.setSummary(
      'oct2022-ptg',
      { actor: { userId: null, name: 'Convene', isOrganizer: true }, source: 'api' },
      {
        team: 'neutron',
        summaryUrl: 'https://lists.example.org/neutron-summary',
      },
    );

    site().clock.set(addMinutes(end, 3 * day - 1));
    expect(await remindOfSummaries(site().runtime, 'https://convene.example.org', new Set())).toBe(0);

    site().clock.set(addMinutes(end, 3 * day));
    const due = teamsToRemindOfSummary(await demo(), site().clock.now()).map((team) => team.id);
    expect(due).toContain(nova.id);
    expect(due).not.toContain(neutron.id);
    expect(
      await remindOfSummaries(site().runtime, 'https://convene.example.org', new Set()),
    ).toBeGreaterThanOrEqual(2);
    const message = await mail().waitFor('nia@example.org', (m) => m.subject.includes('summary'));
    expect(message.subject).toBe(`${nova.name}'s summary of ${(await demo()).event.title}`);
    expect(linkTo(message, '/events/oct2022-ptg/teams/nova/manage')).toBe(
      'https://convene.example.org/events/oct2022-ptg/teams/nova/manage',
    );
    await mail().waitFor('noor@example.org', (m) => m.subject.includes('summary'));

    // A new moderator, then a restart (a fresh process forgets what it did): nobody is e-mailed again.
    await moderatorSecret(site(), { event: 'oct2022-ptg', team: 'nova' }, 'late@example.org');
    site().clock.set(addMinutes(end, 4 * day));
    expect(await remindOfSummaries(site().runtime, 'https://convene.example.org', new Set())).toBe(0);
    const nova1 = await progress('nova');
    expect(nova1.queued + nova1.sent).toBe(2);
    expect((await progress('neutron')).sent + (await progress('neutron')).queued).toBe(0);
    expect(mail().messages.filter((m) => m.to.includes('late@example.org'))).toEqual([]);
    site().clock.set(demoNow);
  });

  it('is not sent during the event, nor two weeks after it, nor for a team that did not meet', async () => {
    const state = await demo();
    const end = eventEnd(state)!;
    expect(teamsToRemindOfSummary(state, demoNow)).toEqual([]);
    expect(teamsToRemindOfSummary(state, addMinutes(end, 14 * day))).toEqual([]);
    const nova = findTeam(state, 'nova')!;
    const novaDidNotMeet: EventState = {
      ...state,
      bookings: state.bookings.filter((booking) => booking.teamId !== nova.id),
      sessions: {},
      teams: state.teams.map((team) => ({ ...team, moderators: ['someone'] })),
    };
    const due = teamsToRemindOfSummary(novaDidNotMeet, addMinutes(end, 3 * day));
    expect(due.length).toBeGreaterThan(0);
    expect(due.map((team) => team.id)).not.toContain(nova.id);
  });
});
