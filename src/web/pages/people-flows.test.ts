import { describe, expect, it } from 'vitest';
import { FormClient, hiddenFields, textOf } from '../../../test/support/form-client.ts';
import { linkTo, useSiteWithMail } from '../../../test/support/mail-catcher.ts';
import { signedInClient } from '../../../test/support/people.ts';
import { deletedAccountName } from '../../app/account.ts';
import { findTeam } from '../../core/model/lookup.ts';

const { site, mail } = useSiteWithMail({ signIn: 100, forms: 100 });
const E = '/events/oct2022-ptg';

describe('team sign-up, review and the official list', () => {
  it('takes a sign-up, tells the lead, lets an organiser approve it, and puts the team on the list with its moderators', async () => {
    const { client: lead } = await signedInClient(site(), 'lead@example.org', { name: 'Lea Lead' });
    await lead.get(`${E}/signup`);
    const sent = await lead.post(`${E}/signup`, {
      name: 'Zuul Gating',
      kind: 'project',
      moderators: 'zed@example.org zed_irc',
      expected_attendance: '15',
      hours_wanted: '6',
      windows: ['Americas / Europe', 'APAC / Europe'],
      avoid: ['nova'],
      onboarding: 'yes',
      video: 'own',
      video_url: 'https://meet.example.org/zuul',
      notes: 'Thursday if possible.',
    });
    expect([sent.status, sent.location]).toEqual([303, `${E}/signup/zuul-gating?done=submitted`]);
    const received = await mail().waitFor('lead@example.org', (m) => m.subject.includes('Zuul Gating'));
    expect(received.subject).toBe('Zuul Gating is signed up for Project Teams Gathering, October 2022');
    expect(linkTo(received, `${E}/signup/zuul-gating`)).toBe(`http://localhost${E}/signup/zuul-gating`);

    const edit = await lead.get(`${E}/signup/zuul-gating`);
    expect(textOf(edit.html)).toContain('zed@example.org');
    const changed = await lead.post(`${E}/signup/zuul-gating`, {
      name: 'Zuul Gating',
      kind: 'project',
      moderators: 'zed@example.org zed_irc',
      expected_attendance: '20',
      hours_wanted: '6',
      video: 'own',
      video_url: 'https://meet.example.org/zuul',
    });
    expect(changed.status).toBe(303);

    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    const queue = textOf((await organiser.get(`${E}/organise/signups`)).html);
    expect(queue).toContain('Zuul Gating (zuul-gating)');
    expect(queue).toContain('Lea Lead <lead@example.org>');
    expect(queue).toContain('Expected attendance 20');
    const review = await mail().waitFor('olive@example.org', (m) => m.subject.endsWith(': Zuul Gating'));
    expect(linkTo(review, `${E}/organise/signups`)).toBe(`http://localhost${E}/organise/signups`);
    const named = await mail().waitFor('zed@example.org', (m) => m.subject.startsWith('You are named'));
    expect(named.text).toContain('Lea Lead signed Zuul Gating up');
    const approved = await organiser.post(`${E}/organise/signups/approve`, { team: 'zuul-gating' });
    expect(approved.location).toBe(`${E}/organise/signups?done=approve`);
    const approval = await mail().waitFor('lead@example.org', (m) =>
      m.subject.includes('official team list'),
    );
    expect(approval.text).toMatch(/Booking (is open for Zuul Gating now|opens for Zuul Gating on )/);

    const lists = textOf((await new FormClient(site().app).get(`${E}/teams`)).html);
    expect(lists).toContain('Zuul Gating');
    expect(lists).toMatch(/The official list last changed Tue 18 Oct/);
    const welcome = await mail().waitFor('zed@example.org', (m) =>
      m.subject.startsWith('You moderate Zuul Gating'),
    );
    expect(linkTo(welcome, `${E}/teams/zuul-gating/manage`)).toBeTruthy();
    await mail().waitFor('lead@example.org', (m) =>
      m.subject.startsWith('Zuul Gating is on the official team list'),
    );

    const state = await site().runtime.models.get('oct2022-ptg');
    const team = state && findTeam(state, 'zuul-gating');
    const zed = await site().runtime.store.findUserByEmail('zed@example.org');
    expect(team).toMatchObject({ status: 'approved', videoUrl: 'https://meet.example.org/zuul' });
    // The lead wrote a nick beside Zed's address: only Zed (or an organiser) may attach a nick.
    expect(zed?.ircNick).toBe(null);
    expect(team?.moderators).toHaveLength(2);

    const { client: zedClient } = await signedInClient(site(), 'zed@example.org');
    await zedClient.get(`${E}/teams/zuul-gating/manage`);
    const booked = await zedClient.post(`${E}/teams/zuul-gating/manage/book`, {
      room: 'essex',
      slot: 'thu13',
    });
    expect(booked.location).toBe(`${E}/teams/zuul-gating/manage?done=book`);
    const schedule = (await site().app.inject({ url: `/api/v1${E}/schedule` })).json();
    expect(schedule.bookings).toContainEqual(
      expect.objectContaining({ team: 'zuul-gating', reference: 'essex-thu13' }),
    );
  });

  it('declines with a reason the lead is e-mailed, and merges a duplicate into the team it repeats', async () => {
    const { client: lead } = await signedInClient(site(), 'second@example.org');
    await lead.get(`${E}/signup`);
    for (const name of ['Bogus Team', 'Zuul-Gating'])
      await lead.post(`${E}/signup`, {
        name,
        kind: 'other',
        expected_attendance: '2',
        hours_wanted: '1',
        video: 'rooms',
      });
    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    const queue = textOf((await organiser.get(`${E}/organise/signups`)).html);
    expect(queue).toContain('Zuul-Gating (zuul-gating-2) Likely duplicate of Zuul Gating');
    await organiser.post(`${E}/organise/signups/decline`, {
      team: 'bogus-team',
      reason: 'Not a team of the foundation.',
    });
    const declined = await mail().waitFor(
      'second@example.org',
      (m) => m.subject === 'About Bogus Team at Project Teams Gathering, October 2022',
    );
    expect(declined.text).toContain('Not a team of the foundation.');
    await organiser.post(`${E}/organise/signups/merge`, { team: 'zuul-gating-2', into: 'zuul-gating' });
    await mail().waitFor('second@example.org', (m) => m.subject.startsWith('Zuul-Gating joins Zuul Gating'));
    const state = await site().runtime.models.get('oct2022-ptg');
    const second = await site().runtime.store.findUserByEmail('second@example.org');
    expect(state && findTeam(state, 'zuul-gating')?.moderators).toContain(second?.id);
    expect(state && findTeam(state, 'zuul-gating-2')?.status).toBe('declined');
  });
});

describe('attendee registration and the Code of Conduct', () => {
  it('blocks registration until the Code of Conduct is accepted, shows room links after, and asks again for a new version', async () => {
    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    await organiser.get(`${E}/organise/settings`);
    const state = await site().runtime.models.get('oct2022-ptg');
    if (!state) throw new Error('no event');
    const saved = await organiser.post(`${E}/organise/settings`, {
      title: state.event.title,
      status: state.event.status,
      mode: state.event.mode,
      time_zone: state.event.timeZone,
      contact: state.event.contact,
      chat: state.event.chat,
      etherpad_template: state.event.etherpadTemplate ?? '',
      attendee_only_room_links: 'yes',
      about: state.event.content.about,
      audience: state.event.content.audience,
      not_for: state.event.content.notFor,
      why: state.event.content.why,
      faq: state.event.content.faq,
    });
    expect(saved.status).toBe(303);
    const anonymousRooms = (await site().app.inject({ url: `/api/v1${E}/rooms` })).json().rooms;
    expect(anonymousRooms.every((room: { url: string | null }) => room.url === null)).toBe(true);

    const { client: ada } = await signedInClient(site(), 'ada@example.org');
    expect(textOf((await ada.get(`${E}/join`)).html)).toContain(
      'Register for Project Teams Gathering, October 2022 to see this.',
    );
    const form = {
      name: 'Ada Lovelace',
      role: 'operator',
      affiliation: 'Example Cloud',
      country: 'GB',
      time_zone: 'Europe/London',
      irc_nick: 'ada_l',
      teams: ['nova', 'cinder'],
      find_people: 'yes',
      coc_version: '2022-10',
    };
    await ada.get(`${E}/register`);
    const blocked = await ada.post(`${E}/register`, form);
    expect(blocked.status).toBe(403);
    expect(textOf(blocked.html)).toContain(
      'Read and accept the Code of Conduct (version 2022-10) to register.',
    );
    const registered = await ada.post(`${E}/register`, { ...form, accept_coc: 'yes' });
    expect(registered.location).toBe(`${E}/join?done=registered`);
    const confirmation = await mail().waitFor('ada@example.org', (m) =>
      m.subject.startsWith('You are registered'),
    );
    expect(linkTo(confirmation, `${E}/join`)).toBe(`http://localhost${E}/join`);
    expect(linkTo(confirmation, `${E}/calendar.ics`)).toBe(`http://localhost${E}/calendar.ics`);
    const join = textOf((await ada.follow(registered)).html);
    expect(join).toContain('https://openinfra.dev/ptg/rooms/bexar');

    await organiser.get(`${E}/organise/coc`);
    await organiser.post(`${E}/organise/coc`, {
      coc_version: '2022-11',
      coc_url: '',
      coc_text: 'Be kind, always.',
    });
    const told = await mail().waitFor('ada@example.org', (m) => m.subject.includes('version 2022-11'));
    expect(linkTo(told, `${E}/register`)).toBe(`http://localhost${E}/register`);
    const outdated = textOf((await ada.get(`${E}/join`)).html);
    expect(outdated).toContain('has a new version (2022-11); read it and accept it to continue.');
    expect(outdated).not.toContain('https://openinfra.dev/ptg/rooms/bexar');
    const page = await ada.get(`${E}/register`);
    expect(textOf(page.html)).toContain(
      'You accepted version 2022-10; the organisers have published version 2022-11.',
    );
    const accepted = await ada.post(`${E}/register/coc`, { accept_coc: 'yes', coc_version: '2022-11' });
    expect(accepted.location).toBe(`${E}/join?done=accepted`);
    expect(textOf((await ada.follow(accepted)).html)).toContain('https://openinfra.dev/ptg/rooms/bexar');

    const figures = textOf((await organiser.get(`${E}/organise/registrations`)).html);
    expect(figures).toContain('1 registered; 1 under the current Code of Conduct (version 2022-11).');
    expect(figures).toContain('Operator or end user 1');
    expect(figures).toContain('United Kingdom 1');
    const csv = await organiser.get(`${E}/organise/registrations.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.html).toContain(
      'Ada Lovelace,ada@example.org,Operator or end user,Example Cloud,United Kingdom,Europe/London,ada_l,cinder nova,true,2022-11,',
    );

    await organiser.get(`${E}/organise/mailings`);
    const preview = await organiser.post(`${E}/organise/mailings/preview`, {
      subject: 'See you next week',
      body: `The schedule: http://localhost${E}/schedule`,
    });
    await organiser.post(`${E}/organise/mailings/send`, hiddenFields(preview.html, '/send'));
    const message = await mail().waitFor('ada@example.org', (m) => m.subject === 'See you next week');
    expect(message.text).toContain(`http://localhost${E}/schedule`);

    // A version required from the next registration leaves Ada's acceptance standing, and tells nobody.
    await organiser.get(`${E}/organise/coc`);
    const later = await organiser.post(`${E}/organise/coc`, {
      coc_version: '2022-12',
      coc_required: 'next-registration',
      coc_url: '',
      coc_text: 'Be kind, always, everywhere.',
    });
    expect(later.status).toBe(303);
    expect(textOf((await ada.get(`${E}/join`)).html)).toContain('https://openinfra.dev/ptg/rooms/bexar');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(mail().messages.filter((m) => m.subject.includes('version 2022-12'))).toEqual([]);
  });
});

describe('the newsletter', () => {
  it('confirms a subscription through the e-mailed link, sends issues with an unsubscribe link that works without signing in', async () => {
    const reader = new FormClient(site().app);
    await reader.get('/newsletter');
    await reader.post('/newsletter', { email: 'reader@example.org' });
    const confirm = await mail().waitFor('reader@example.org', (m) =>
      m.subject.startsWith('Confirm your subscription'),
    );
    const { client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true });
    expect((await organiser.get('/organise/newsletter.csv')).html).not.toContain('reader@example.org');

    const confirmLink = linkTo(confirm, '/newsletter/confirm');
    expect(textOf((await reader.get(confirmLink)).html)).toContain(
      'Subscribe reader@example.org to the newsletter.',
    );
    const confirmed = await reader.post('/newsletter/confirm', {
      token: new URL(confirmLink).searchParams.get('token') ?? '',
    });
    expect(textOf(confirmed.html)).toContain('reader@example.org will receive the newsletter.');
    expect((await organiser.get('/organise/newsletter.csv')).html).toMatch(
      /reader@example\.org,2022-10-18T14:20:00Z,http:\/\/localhost\/newsletter\/unsubscribe\?token=/,
    );

    await organiser.get('/organise/newsletter');
    const preview = await organiser.post('/organise/newsletter/preview', {
      subject: 'Next PTG',
      body: 'It is in April.',
    });
    await organiser.post('/organise/newsletter/send', hiddenFields(preview.html, '/send'));
    const issue = await mail().waitFor('reader@example.org', (m) => m.subject === 'Next PTG');
    expect(issue.headers.get('list-unsubscribe')).toMatch(
      /^<http:\/\/localhost\/newsletter\/unsubscribe\?token=/,
    );
    const stranger = new FormClient(site().app);
    const leave = linkTo(issue, '/newsletter/unsubscribe');
    expect(textOf((await stranger.get(leave)).html)).toContain(
      'Stop sending the newsletter to reader@example.org.',
    );
    const left = await stranger.post('/newsletter/unsubscribe', {
      token: new URL(leave).searchParams.get('token') ?? '',
    });
    expect(textOf(left.html)).toContain('Nothing more will be sent to reader@example.org.');
    expect((await organiser.get('/organise/newsletter.csv')).html).not.toContain('reader@example.org');
  });
});

describe('a person’s own data', () => {
  it('is shown, exported and deleted; the audit log keeps the changes under "a deleted account"', async () => {
    const { client, user } = await signedInClient(site(), 'leaving@example.org');
    await client.get('/me');
    await client.post('/me/profile', { name: 'Leaving Person', irc_nick: 'leaver', time_zone: 'Asia/Tokyo' });
    await client.post('/me/find-people', { listed: 'yes' });
    await client.get(`${E}/signup`);
    await client.post(`${E}/signup`, {
      name: 'Leavers',
      kind: 'other',
      expected_attendance: '2',
      hours_wanted: '1',
      video: 'rooms',
    });
    const exported = JSON.parse((await client.get('/me/export.json')).html);
    expect(exported).toMatchObject({
      account: {
        email: 'leaving@example.org',
        name: 'Leaving Person',
        irc_nick: 'leaver',
        time_zone: 'Asia/Tokyo',
        listed_in_find_people: true,
      },
      events: [{ event: 'oct2022-ptg', signed_up: ['leavers'] }],
    });
    await client.get('/me');
    expect((await client.post('/me/delete', { confirm: 'delete' })).status).toBe(200);
    expect(await site().runtime.store.findUser(user.id)).toBe(null);
    const revisions = await site().runtime.store.revisionsAfter(
      (await site().runtime.models.get('oct2022-ptg'))?.event.id ?? '',
      0,
    );
    expect(
      revisions.some((revision) => revision.actorId === user.id || revision.actorName === 'Leaving Person'),
    ).toBe(false);
    expect(revisions.some((revision) => revision.actorName === deletedAccountName)).toBe(true);
    const state = await site().runtime.models.get('oct2022-ptg');
    const leavers = state && findTeam(state, 'leavers');
    expect(leavers && state?.signups[leavers.id]?.leadId).toBe(null);
  });
});
