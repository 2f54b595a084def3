import { beforeAll, describe, expect, it } from 'vitest';
import { type FormClient, hiddenFields, textOf } from '../../../../test/support/form-client.ts';
import { linkTo, useSiteWithMail } from '../../../../test/support/mail-catcher.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { demoNow } from '../../../../test/support/web.ts';
import { addModerator } from '../../../app/team-moderators.ts';
import { systemActor } from '../../../core/model/actor.ts';

const { site, mail } = useSiteWithMail({ signIn: 100, forms: 200 });
const E = '/events/apr2023-ptg';
const I = `${E}/organise/invitations`;
const subject = 'Sign your team up again for Project Teams Gathering, April 2023';

let organiser: FormClient;

/** What the invited add to the prefilled sign-up form. */
const answers = { kind: 'project', expected_attendance: '12', hours_wanted: '8', video: 'rooms' };

async function invitations() {
  const state = await site().runtime.models.get('apr2023-ptg');
  return site().runtime.store.invitations.list(state?.event.id ?? '');
}

const invitationOf = async (slug: string) => {
  const found = (await invitations()).find((invitation) => invitation.slug === slug);
  if (!found) throw new Error(`no invitation for ${slug}`);
  return found;
};

beforeAll(async () => {
  const links = { baseUrl: 'http://localhost' };
  const asCli = { actor: systemActor, source: 'cli' } as const;
  for (const [team, email] of [
    ['cinder', 'nia@example.org'],
    ['glance', 'nia@example.org'],
    ['heat', 'hal@example.org'],
  ] as const) {
    const added = await addModerator(site().runtime, links, asCli, { event: 'oct2022-ptg', team, email });
    if (!added.ok) throw new Error(added.refusal.message);
  }
  ({ client: organiser } = await signedInClient(site(), 'chief@example.org', { organizer: true }));
});

describe('copying an event with its teams invited to sign up again', () => {
  it('invites every approved team of the earlier event, listed on the Sign-ups page as not e-mailed yet', async () => {
    await organiser.get('/organise/events/new');
    const copied = await organiser.post('/organise/events/copy', {
      copy_from: 'oct2022-ptg',
      title: 'Project Teams Gathering, April 2023',
      slug: 'apr2023-ptg',
      starts_on: '2023-04-17',
      invite_teams: 'yes',
    });
    expect(copied.status).toBe(303);
    const state = await site().runtime.models.get('oct2022-ptg');
    const approved = state?.teams.filter((team) => team.status === 'approved') ?? [];
    expect((await invitations()).map((invitation) => invitation.slug).sort()).toEqual(
      approved.map((team) => team.slug).sort(),
    );
    expect(await invitationOf('glance')).toMatchObject({
      moderators: ['nia@example.org'],
      status: 'invited',
    });
    const page = textOf((await organiser.get(`${E}/organise/signups`)).html);
    expect(page).toContain(`Invited to sign up again (${approved.length})`);
    expect(page).toMatch(/Cinder Project team nia@example\.org Invited, not e-mailed yet/);
    expect(page).toContain('Publish the event first');
  });

  it('copies without invitations when the box is not ticked', async () => {
    await organiser.get('/organise/events/new');
    await organiser.post('/organise/events/copy', {
      copy_from: 'oct2022-ptg',
      slug: 'may2023-ptg',
      starts_on: '2023-05-15',
    });
    const state = await site().runtime.models.get('may2023-ptg');
    expect(await site().runtime.store.invitations.list(state?.event.id ?? '')).toEqual([]);
    expect(textOf((await organiser.get('/events/may2023-ptg/organise/signups')).html)).not.toContain(
      'Invited to sign up again',
    );
  });

  it('refuses to e-mail the invitations of a draft (event_draft) and sends nothing', async () => {
    await organiser.get(I);
    const preview = await organiser.post(`${I}/preview`, { subject, body: 'Come again.' });
    expect(preview.status).toBe(409);
    expect(textOf(preview.html)).toContain('is still a draft: publish it before e-mailing the invitations');
    const sent = await organiser.post(`${I}/send`, {
      subject,
      body: 'Come again.',
      key: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      recipients: '2',
    });
    expect(sent.status).toBe(409);
    expect((await invitationOf('cinder')).sentAt).toBeNull();
  });

  it('e-mails each moderator once, with a link per team, after a preview and a confirmation; a reload sends nothing', async () => {
    await organiser.get(`${E}/organise`);
    await organiser.post(`${E}/organise/status`, { status: 'published' });
    const write = await organiser.get(I);
    expect(write.html).toContain(`value="${subject}"`);
    const preview = await organiser.post(`${I}/preview`, { subject, body: 'Come again.' });
    expect(preview.status).toBe(200);
    expect(textOf(preview.html)).toContain('Send to 2 invited moderators');
    const form = hiddenFields(preview.html, '/send');
    const sent = await organiser.post(`${I}/send`, form);
    expect(sent.status).toBe(303);
    const nia = await mail().waitFor('nia@example.org', (message) => message.subject === subject);
    expect(nia.text).toContain('Sign Cinder up for Project Teams Gathering, April 2023');
    expect(nia.text).toContain('Sign Glance up for');
    expect(linkTo(nia, `${E}/signup`)).toBe(
      `http://localhost${E}/signup?invitation=${(await invitationOf('cinder')).id}`,
    );
    await mail().waitFor('hal@example.org', (message) => message.subject === subject);

    const again = await organiser.post(`${I}/send`, form);
    expect(again.location).toBe(sent.location);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(mail().messages.filter((message) => message.subject === subject)).toHaveLength(2);
    expect((await invitationOf('heat')).sentAt).not.toBeNull();
    expect(textOf((await organiser.get(`${E}/organise/signups`)).html)).toMatch(
      /Heat Project team hal@example\.org Invited, e-mailed/,
    );
  });

  it('opens the sign-up form filled in from the invitation; sending it signs the team up for review', async () => {
    const { client: nia } = await signedInClient(site(), 'nia@example.org');
    const invitation = await invitationOf('cinder');
    const form = await nia.get(`${E}/signup?invitation=${invitation.id}`);
    expect(form.status).toBe(200);
    expect(textOf(form.html)).toContain('Cinder is invited to sign up again');
    expect(form.html).toMatch(/<input id="field-name" name="name" type="text" value="Cinder"/);
    expect(form.html).toContain(`name="invitation" value="${invitation.id}"`);
    expect(form.html).toMatch(/<textarea[^>]*name="moderators"[^>]*>nia@example.org<\/textarea>/);

    const submitted = await nia.post(`${E}/signup`, {
      ...hiddenFields(form.html, '/signup'),
      ...answers,
      name: 'Cinder',
      moderators: 'nia@example.org',
    });
    expect(submitted.status).toBe(303);
    const state = await site().runtime.models.get('apr2023-ptg');
    const team = state?.teams.find((candidate) => candidate.slug === 'cinder');
    expect(team?.status).toBe('requested');
    expect(await invitationOf('cinder')).toMatchObject({ status: 'signed-up', teamId: team?.id });
    const page = textOf((await organiser.get(`${E}/organise/signups`)).html);
    expect(page).toContain('Waiting for review (1)');
    expect(page).toMatch(/Cinder Project team nia@example\.org Signed up as Cinder \(waiting for review\)/);
  });

  it('approving the invited team says when booking opens, and its moderator is reminded at that moment', async () => {
    await organiser.get(`${E}/organise/signups`);
    expect((await organiser.post(`${E}/organise/signups/approve`, { team: 'cinder' })).status).toBe(303);
    const approval = await mail().waitFor('nia@example.org', (message) =>
      message.subject.startsWith('Cinder is on the official team list'),
    );
    expect(approval.text).toContain(
      'Booking opens for Cinder on 2023-03-20 at 00:00 UTC; you will get a reminder then.',
    );
    const reminder = 'Booking is open for Cinder at Project Teams Gathering, April 2023';
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(mail().messages.filter((message) => message.subject === reminder)).toEqual([]);
    site().clock.set('2023-03-20T00:05:00Z');
    try {
      const reminded = await mail().waitFor('nia@example.org', (message) => message.subject === reminder);
      expect(reminded.text).toContain(`${E}/teams/cinder/manage`);
    } finally {
      site().clock.set(demoNow);
    }
  });

  it('refuses an invitation already used (invitation_answered) or unknown (unknown_invitation), and stores nothing', async () => {
    const { client: nia } = await signedInClient(site(), 'nia@example.org');
    const used = (await invitationOf('cinder')).id;
    const again = await nia.get(`${E}/signup?invitation=${used}`);
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('Cinder has already signed up with this invitation.');
    for (const ref of [
      'nothing-like-it',
      'x'.repeat(10_000),
      (await invitationOf('cinder')).id.toUpperCase(),
    ]) {
      expect((await nia.get(`${E}/signup?invitation=${encodeURIComponent(ref)}`)).status).toBe(404);
    }
    await nia.get(`${E}/signup`);
    const before = (await site().runtime.models.get('apr2023-ptg'))?.teams.length;
    const reused = await nia.post(`${E}/signup`, {
      ...answers,
      invitation: used,
      name: 'Cinder Again',
    });
    expect(reused.status).toBe(409);
    expect((await site().runtime.models.get('apr2023-ptg'))?.teams.length).toBe(before);
  });

  it('keeps the invitation open when the form is refused, and the form keeps it', async () => {
    const { client: nia } = await signedInClient(site(), 'nia@example.org');
    const invitation = await invitationOf('glance');
    await nia.get(`${E}/signup?invitation=${invitation.id}`);
    const refused = await nia.post(`${E}/signup`, {
      ...answers,
      invitation: invitation.id,
      name: '<b>Glance</b>',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(`name="invitation" value="${invitation.id}"`);
    expect((await invitationOf('glance')).status).toBe('invited');
  });

  it('lets the invited say the team will not meet this time, which the organisers see', async () => {
    const { client: hal } = await signedInClient(site(), 'hal@example.org');
    const invitation = await invitationOf('heat');
    await hal.get(`${E}/signup?invitation=${invitation.id}`);
    const declined = await hal.post(`${E}/invitations/${invitation.id}/decline`, {});
    expect(declined.status).toBe(303);
    expect(textOf((await hal.follow(declined)).html)).toContain('the invitation is declined');
    expect((await invitationOf('heat')).status).toBe('declined');
    expect(textOf((await organiser.get(`${E}/organise/signups`)).html)).toMatch(
      /Heat Project team hal@example\.org Declined/,
    );
    expect((await hal.post(`${E}/invitations/${invitation.id}/decline`, {})).status).toBe(409);
  });

  it('closes the invitations with the event: an archive refuses e-mailing, signing up and declining (event_archived)', async () => {
    await organiser.get(`${E}/organise`);
    await organiser.post(`${E}/organise/status`, { status: 'archived' });
    await organiser.get(I);
    const preview = await organiser.post(`${I}/preview`, { subject, body: 'Come again.' });
    expect(preview.status).toBe(409);
    expect(textOf(preview.html)).toContain('is archived: team sign-up is closed');
    const { client: nia } = await signedInClient(site(), 'nia@example.org');
    const glance = (await invitationOf('glance')).id;
    expect((await nia.get(`${E}/signup?invitation=${glance}`)).status).toBe(409);
    await nia.get('/me');
    expect((await nia.post(`${E}/invitations/${glance}/decline`, {})).status).toBe(409);
    expect((await nia.post(`${E}/signup`, { ...answers, invitation: glance, name: 'Glance' })).status).toBe(
      409,
    );
    expect((await invitationOf('glance')).status).toBe('invited');
    await organiser.get(`${E}/organise`);
    await organiser.post(`${E}/organise/status`, { status: 'published' });
  });

  it('keeps the invitations to organisers: others may not list or e-mail them', async () => {
    const { client: nia } = await signedInClient(site(), 'nia@example.org');
    expect((await nia.get(`${E}/organise/signups`)).status).toBe(403);
    expect((await nia.get(I)).status).toBe(403);
    expect((await nia.post(`${I}/preview`, { subject, body: 'x' })).status).toBe(403);
  });
});
