import { createHash } from 'node:crypto';
import { seedDemo } from '../../src/app/events.ts';
import { answerEventFeedback, saveFeedbackForm, setFeedbackStatus } from '../../src/app/feedback.ts';
import { queueMail } from '../../src/app/mail-outbox.ts';
import { addUser, createApiToken, setModeratorByEmail } from '../../src/app/people.ts';
import { makeScheduleDraft } from '../../src/app/schedule-drafts.ts';
import { signUpTeam } from '../../src/app/signups.ts';
import { systemActor } from '../../src/core/model/actor.ts';
import { addMinutes } from '../../src/core/model/instant.ts';
import { logMailer } from '../../src/mail/log-mailer.ts';
import type { TestRuntime } from './runtime.ts';
import { helmForm } from './signups.ts';

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Fills every table of a fresh installation with at least one row, through the application where
 * it can: the demo event (grid, teams, sign-ups, bookings, board, banners, history), people with
 * tokens, sessions, sign-in links, identities, registrations, follows, check-ins, subscriptions,
 * the newsletter, a setting, queued mail, a draft schedule, a feedback form with an answer and a
 * nick claim (the sign-up names a moderator with a nick). The backup test fails for a table
 * left empty, so whoever adds a table adds its rows here.
 */
export async function fillEveryTable(runtime: Omit<TestRuntime, 'tokens'>): Promise<void> {
  const { store } = runtime;
  const now = runtime.clock.now();
  await seedDemo(runtime, now);
  const state = await runtime.models.get('oct2022-ptg');
  if (!state) throw new Error('the demo event did not load');
  const eventId = state.event.id;
  const [nova, cinder] = ['nova', 'cinder'].map((slug) => state.teams.find((team) => team.slug === slug));
  if (!nova || !cinder) throw new Error('the demo event has no nova or cinder');
  const people = [];
  for (const [email, name] of [
    ['olive@example.org', 'Olive'],
    ['ada@example.org', 'Ada'],
  ] as const) {
    const added = await addUser(runtime, { email, name, isOrganizer: email.startsWith('olive') });
    if (!added.ok) throw new Error(added.refusal.message);
    people.push(added.value);
    await createApiToken(runtime, added.value.id, 'laptop');
    await store.people.createSession({
      hash: hashOf(`session ${email}`),
      userId: added.value.id,
      method: 'email',
      at: now,
      expiresAt: addMinutes(now, 60 * 24),
    });
    await store.people.linkIdentity({
      issuer: 'https://id.example.org',
      subject: `sub-${name}`,
      userId: added.value.id,
      at: now,
    });
    await store.people.saveRegistration({
      eventId,
      userId: added.value.id,
      role: 'contributor',
      affiliation: 'Example Inc.',
      country: 'DE',
      cocVersion: state.event.codeOfConduct.version,
      cocAcceptedAt: now,
      registeredAt: now,
      updatedAt: now,
    });
    await store.followTeam(added.value.id, nova.id, now);
    await store.personal.saveCheckIn(eventId, {
      userId: added.value.id,
      teamId: cinder.id,
      place: null,
      at: now,
      outAt: null,
    });
    await store.personal.saveSubscription(eventId, added.value.id, 'placement', now);
  }
  await store.people.createLink({
    hash: hashOf('a sign-in link'),
    purpose: 'sign-in',
    email: 'ada@example.org',
    next: '/events/oct2022-ptg',
    createdAt: now,
    expiresAt: addMinutes(now, 30),
  });
  await store.people.saveSubscriber({
    id: 'subscriber-1',
    email: 'reader@example.org',
    status: 'confirmed',
    confirmHash: null,
    confirmExpiresAt: null,
    unsubscribeToken: 'unsubscribe-secret',
    createdAt: now,
    confirmedAt: now,
    unsubscribedAt: null,
  });
  await store.people.settingOrCreate('session-secret', () => 'a-session-secret-for-tests');
  await queueMail(runtime, [
    { key: 'welcome ada', to: 'ada@example.org', subject: 'Welcome', text: 'Hello Ada', batch: 'welcome' },
  ]);
  const organizer = {
    actor: { userId: people[0]?.id ?? null, name: 'Olive', isOrganizer: true },
    source: 'web' as const,
  };
  const draft = await makeScheduleDraft(runtime, organizer, 'oct2022-ptg', { seconds: 1 });
  if (!draft.ok) throw new Error(draft.refusal.message);
  const system = { actor: systemActor, source: 'cli' as const };
  await runtime.ops.setNow('oct2022-ptg', system, { team: 'nova', text: 'Placement' });
  const moderator = { event: 'oct2022-ptg', team: 'nova', email: 'ada@example.org', moderator: true };
  must(await setModeratorByEmail(runtime, system, moderator));
  const free = state.slots
    .filter((slot) => slot.start > now)
    .flatMap((slot) => state.rooms.map((room) => ({ slot, room })))
    .find(({ slot, room }) =>
      state.bookings.every((booking) => booking.slotId !== slot.id || booking.roomId !== room.id),
    );
  if (!free) throw new Error('the demo event has no free cell');
  must(
    await runtime.ops.setAvailability('oct2022-ptg', system, {
      room: free.room.slug,
      slot: free.slot.code,
      available: false,
    }),
  );
  must(
    await runtime.ops.updateEvent('oct2022-ptg', system, { signupClosesAt: addMinutes(now, 60 * 24 * 30) }),
  );
  const lead = {
    actor: { userId: people[1]?.id ?? null, name: 'Ada', isOrganizer: false },
    source: 'web' as const,
  };
  const mailing = { mailer: logMailer(() => {}), baseUrl: 'http://convene.test' };
  const form = { ...helmForm, preferredWindows: [] };
  const signup = await signUpTeam(runtime, mailing, lead, 'oct2022-ptg', form);
  must(signup);
  const novaBooking = state.bookings.find((booking) => booking.teamId === nova.id);
  if (!novaBooking) throw new Error('the demo event has no booking of nova');
  const session = { session: novaBooking.id, title: 'Placement cleanup' };
  must(await runtime.ops.editSession('oct2022-ptg', system, session));
  const summary = { team: 'nova', summaryUrl: 'https://lists.example.org/nova-ptg' };
  must(await runtime.ops.setSummary('oct2022-ptg', system, summary));
  const [olive, ada] = people;
  if (!olive || !ada) throw new Error('the people were not added');
  await store.alerts.saveSettings(ada.id, { topicMail: true, reminders: true, reminderMail: false });
  const url = 'http://convene.test/events/oct2022-ptg/board';
  await store.alerts.addMailItem({
    id: 'alert-1',
    userId: ada.id,
    message: 'Nova: Placement',
    url,
    createdAt: now,
  });
  await store.mailings.record({
    id: 'mailing-1',
    idempotencyKey: 'mailing-form-1',
    audience: 'registrants',
    eventId,
    subject: 'Welcome to the PTG',
    body: 'See you there.',
    sentBy: olive.id,
    sentByName: olive.name,
    createdAt: now,
    recipients: 2,
  });
  const feedbackForm = {
    title: 'How was the PTG?',
    intro: '',
    anonymous: false,
    questions: [{ text: 'How useful was it?', kind: 'scale', required: true, low: 'Not', high: 'Very' }],
  };
  must(await saveFeedbackForm(runtime, organizer, state, feedbackForm));
  must(await setFeedbackStatus(runtime, organizer, state, 'open'));
  must(await answerEventFeedback(runtime, lead, state, { q1: '5' }));
  await store.invitations.add([
    {
      id: 'invitation-1',
      eventId,
      name: 'Nova',
      slug: 'nova',
      kind: 'project',
      crossProject: false,
      moderators: [ada.email],
      hoursWanted: 6,
      preferredWindows: [],
      avoidClashes: ['swift'],
      status: 'signed-up',
      teamId: nova.id,
      createdAt: now,
      sentAt: now,
      answeredAt: now,
    },
  ]);
  // People on IRC without an account: no store method writes these yet, so the rows go in directly.
  await store.db
    .insertInto('nick_subscriptions')
    .values({ event_id: eventId, nick: 'lurker', pattern: 'placement', created_at: now })
    .execute();
  await store.db
    .insertInto('nick_check_ins')
    .values({
      event_id: eventId,
      nick: 'lurker',
      team_id: nova.id,
      place: null,
      checked_in_at: now,
      checked_out_at: null,
      listed: 0,
    })
    .execute();
}

function must(outcome: { ok: boolean; refusal?: { message: string } }): void {
  if (!outcome.ok) throw new Error(outcome.refusal?.message);
}
