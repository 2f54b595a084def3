import { describe, expect, it } from 'vitest';
import { useSiteWithMail } from '../../test/support/mail-catcher.ts';
import { signedInClient } from '../../test/support/people.ts';
import { demoNow } from '../../test/support/web.ts';
import { addMinutes } from '../core/model/instant.ts';
import { whereTeamMeets } from '../core/schedule/where-team-meets.ts';
import { sendAlertMail } from './alerts.ts';
import { remindFollowers } from './reminders.ts';
import { setSubscription } from './subscriptions.ts';

const { site, mail } = useSiteWithMail({ signIn: 100, forms: 100 });
const organiser = { actor: { userId: null, name: 'Convene', isOrganizer: true }, source: 'api' } as const;

/** Sets nova's topic as the organisers would, and waits until the alert is recorded for e-mail. */
async function setTopic(text: string): Promise<void> {
  expect((await site().ops.setNow('oct2022-ptg', organiser, { team: 'nova', text })).ok).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 150));
}

async function subscriber(email: string, topicMail: boolean) {
  const { user } = await signedInClient(site(), email);
  const who = { actor: { userId: user.id, name: user.name, isOrganizer: false }, source: 'web' } as const;
  await site().runtime.store.alerts.saveSettings(user.id, {
    topicMail,
    reminders: true,
    reminderMail: false,
  });
  expect((await setSubscription(site().runtime, who, 'oct2022-ptg', 'placement')).ok).toBe(true);
  return user;
}

describe('topic alerts by e-mail', () => {
  it('sends the first alert at once, then at most one e-mail per five minutes with everything that waited', async () => {
    await site().app.ready();
    await subscriber('batched@example.org', true);
    await setTopic('Placement: first');
    expect(await sendAlertMail(site().runtime, 'http://localhost')).toBe(1);
    const first = await mail().waitFor('batched@example.org');
    expect(first.subject).toMatch(/^Topic alert: #nova .*now: Placement: first$/);
    expect(first.text).toContain('http://localhost/events/oct2022-ptg/teams/nova');
    expect(first.text).toContain('http://localhost/me#alerts-heading');

    await setTopic('Placement: second');
    await setTopic('Placement: third');
    expect(await sendAlertMail(site().runtime, 'http://localhost')).toBe(0);
    site().clock.set(addMinutes(demoNow, 5));
    expect(await sendAlertMail(site().runtime, 'http://localhost')).toBe(1);
    const batch = await mail().waitFor(
      'batched@example.org',
      (m) => m.subject === '2 topics you subscribed to',
    );
    expect(batch.text).toContain('Placement: second');
    expect(batch.text).toContain('Placement: third');
    expect(batch.text).not.toContain('Placement: first');
    expect(mail().messages.filter((m) => m.to.includes('batched@example.org'))).toHaveLength(2);
    site().clock.set(demoNow);
  });

  it('sends nothing to a subscriber who did not opt in, or who opted out', async () => {
    const pagesOnly = await subscriber('pages-only@example.org', false);
    const leaving = await subscriber('leaving@example.org', true);
    await site().runtime.store.alerts.saveSettings(leaving.id, {
      topicMail: false,
      reminders: true,
      reminderMail: false,
    });
    await setTopic('Placement: nobody mails this');
    const waiting = (await site().runtime.store.alerts.waitingMail()).map((entry) => entry.userId);
    expect(waiting).not.toContain(pagesOnly.id);
    expect(waiting).not.toContain(leaving.id);
    await sendAlertMail(site().runtime, 'http://localhost');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const to = mail().messages.flatMap((m) => m.to);
    expect(to).not.toContain('pages-only@example.org');
    expect(to).not.toContain('leaving@example.org');
  });
});

describe('meeting reminders by e-mail', () => {
  it('e-mails a follower who chose it, once per meeting, and nobody who did not', async () => {
    const state = await site().runtime.models.get('oct2022-ptg');
    // The demo's bookings vary: take the first team with a meeting still to come.
    const team = state!.teams.find(
      (candidate) => candidate.status === 'approved' && whereTeamMeets(state!, candidate.id, demoNow).next,
    )!;
    const next = whereTeamMeets(state!, team.id, demoNow).next!;
    const room = state!.rooms.find((candidate) => candidate.id === next.roomId)!;
    const people: string[] = [];
    for (const [email, reminderMail] of [
      ['remind-me@example.org', true],
      ['page-only@example.org', false],
    ] as const) {
      const { user } = await signedInClient(site(), email);
      await site().runtime.store.followTeam(user.id, team.id, demoNow);
      await site().runtime.store.alerts.saveSettings(user.id, {
        topicMail: false,
        reminders: true,
        reminderMail,
      });
      people.push(user.id);
    }
    site().clock.set(addMinutes(next.start, -10));
    const shownTo: string[] = [];
    const shown = new Set<string>();
    for (let round = 0; round < 2; round++)
      await remindFollowers(site().runtime, 'http://localhost', (userId) => shownTo.push(userId), shown);
    expect(shownTo.filter((id) => people.includes(id)).sort()).toEqual([...people].sort());
    const message = await mail().waitFor('remind-me@example.org');
    expect(message.subject).toBe(`${team.name} starts in 10 minutes in ${room.name}`);
    expect(message.text).toContain(team.videoUrl ?? room.url ?? '');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mail().messages.filter((m) => m.to.includes('remind-me@example.org'))).toHaveLength(1);
    expect(mail().messages.flatMap((m) => m.to)).not.toContain('page-only@example.org');
    site().clock.set(demoNow);
  });
});
