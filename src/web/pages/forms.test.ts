import { beforeAll, describe, expect, it } from 'vitest';
import { type Fields, FormClient, textOf } from '../../../test/support/form-client.ts';
import { useSiteWithMail } from '../../../test/support/mail-catcher.ts';
import { signedInClient } from '../../../test/support/people.ts';
import { setModeratorByEmail } from '../../app/people.ts';
import { systemActor } from '../../core/model/actor.ts';
import type { KyselyStore } from '../../store/kysely-store.ts';

/**
 * Every form, sent bad input: empty, huge, script tags, a wrong e-mail address or link. Each answer
 * is the form again (4xx, never 5xx) with a clear message above it, and nothing is stored: the
 * event's revision and the people tables are exactly as before. A post without the form's token is
 * refused the same way.
 */
const { site, mail } = useSiteWithMail({ signIn: 1000, forms: 1000 });

type Who = 'anonymous' | 'person' | 'organizer' | 'moderator';
const clients = {} as Record<Who, FormClient>;
const E = '/events/oct2022-ptg';
const huge = 'x'.repeat(100_000);
const script = '<script>alert(1)</script>';

beforeAll(async () => {
  clients.anonymous = new FormClient(site().app);
  clients.person = (await signedInClient(site(), 'person@example.org')).client;
  clients.organizer = (await signedInClient(site(), 'organiser@example.org', { organizer: true })).client;
  clients.moderator = (await signedInClient(site(), 'mod@example.org')).client;
  await setModeratorByEmail(
    site().runtime,
    { actor: systemActor, source: 'cli' },
    {
      event: 'oct2022-ptg',
      team: 'nova',
      email: 'mod@example.org',
      moderator: true,
    },
  );
  await clients.moderator.get('/me');
  await clients.moderator.post('/me/profile', { name: 'Moderator', irc_nick: 'ModNick', time_zone: '' });
});

/** What a refused form must leave untouched: the event's changes and every table of people's data. */
async function stored() {
  const { db } = site().runtime.store as KyselyStore;
  const state = await site().runtime.models.get('oct2022-ptg');
  const all = async (
    table: 'users' | 'registrations' | 'newsletter_subscribers' | 'team_follows' | 'sign_in_links',
  ) => db.selectFrom(table).selectAll().execute();
  return {
    revision: state?.revision,
    users: await all('users'),
    registrations: await all('registrations'),
    newsletter: await all('newsletter_subscribers'),
    follows: await all('team_follows'),
    links: await all('sign_in_links'),
    feedback: await db.selectFrom('feedback_forms').selectAll().execute(),
    mails: mail().messages.length,
  };
}

interface Form {
  readonly who: Who;
  /** the page the form is on (read first, as a browser would) */
  readonly page: string;
  readonly action: string;
  /** a complete, valid form */
  readonly fields: Fields;
  /** one bad value at a time, and the words the message must contain */
  readonly bad: readonly (readonly [label: string, change: Fields, message: string])[];
}

const signup: Fields = {
  name: 'Valid Team',
  kind: 'project',
  moderators: 'ana@example.org',
  expected_attendance: '10',
  hours_wanted: '4',
  windows: 'Americas / Europe',
  video: 'rooms',
  video_url: '',
  notes: '',
};

const forms: Record<string, Form> = {
  'sign-in': {
    who: 'anonymous',
    page: '/signin',
    action: '/signin',
    fields: { email: 'ok@example.org', next: '/' },
    bad: [
      ['empty', { email: '' }, 'The e-mail address is empty.'],
      ['huge', { email: `${huge}@example.org` }, 'is not an e-mail address'],
      ['script tags', { email: script }, 'is not an e-mail address'],
      ['invalid e-mail', { email: 'ok@example' }, '"ok@example" is not an e-mail address.'],
    ],
  },
  newsletter: {
    who: 'anonymous',
    page: '/newsletter',
    action: '/newsletter',
    fields: { email: 'reader@example.org' },
    bad: [
      ['empty', { email: '' }, 'The e-mail address is empty.'],
      ['huge', { email: huge }, 'is not an e-mail address'],
      ['script tags', { email: script }, 'is not an e-mail address'],
      ['invalid e-mail', { email: 'reader@' }, '"reader@" is not an e-mail address.'],
    ],
  },
  'team sign-up': {
    who: 'person',
    page: `${E}/signup`,
    action: `${E}/signup`,
    fields: signup,
    bad: [
      ['empty', { name: '' }, 'The team name is empty.'],
      ['huge', { name: huge }, 'The team name is too long: at most 120 characters.'],
      ['script tags', { name: script }, 'The team name cannot contain HTML tags such as <script>.'],
      ['invalid e-mail', { moderators: 'ana@example' }, '"ana@example" is not an e-mail address.'],
      ['invalid URL', { video: 'own', video_url: 'javascript:alert(1)' }, 'is not a full http(s) link.'],
      ['huge notes', { notes: huge }, 'The note is too long: at most 2000 characters.'],
    ],
  },
  registration: {
    who: 'person',
    page: `${E}/register`,
    action: `${E}/register`,
    fields: {
      name: 'Person',
      role: 'contributor',
      country: 'FR',
      time_zone: '',
      irc_nick: '',
      accept_coc: 'yes',
      coc_version: '2022-10',
    },
    bad: [
      ['empty', { name: '' }, 'The name is empty.'],
      ['huge', { affiliation: huge }, 'The affiliation is too long: at most 200 characters.'],
      ['script tags', { name: script }, 'The name cannot contain HTML tags such as <script>.'],
      ['script tags in the nick', { irc_nick: script }, 'is not an IRC nick'],
      [
        'nick of someone else',
        { irc_nick: 'modnick' },
        'The IRC nick modnick already belongs to someone else',
      ],
      [
        'no Code of Conduct',
        { accept_coc: '' },
        'Read and accept the Code of Conduct (version 2022-10) to register.',
      ],
    ],
  },
  'account details': {
    who: 'person',
    page: '/me',
    action: '/me/profile',
    fields: { name: 'Person', irc_nick: '', time_zone: '' },
    bad: [
      ['empty', { name: '' }, 'The name is empty.'],
      ['huge', { name: huge }, 'The name is too long: at most 120 characters.'],
      ['script tags', { name: script }, 'The name cannot contain HTML tags such as <script>.'],
      ['unknown zone', { time_zone: 'Mars/Base' }, '"Mars/Base" is not a time zone such as Europe/Paris.'],
      [
        'nick of someone else',
        { irc_nick: 'MODNICK' },
        'The IRC nick MODNICK already belongs to someone else',
      ],
    ],
  },
  'account deletion': {
    who: 'person',
    page: '/me',
    action: '/me/delete',
    fields: { confirm: 'delete' },
    bad: [['empty', { confirm: '' }, 'Type “delete” in the box to confirm that the account should go.']],
  },
  'event settings': {
    who: 'organizer',
    page: `${E}/organise/settings`,
    action: `${E}/organise/settings`,
    fields: {
      title: 'PTG',
      status: 'published',
      mode: 'virtual',
      time_zone: 'UTC',
      contact: '',
      chat: '',
      etherpad_template: '',
    },
    bad: [
      ['empty', { title: '' }, 'The title is empty.'],
      ['huge', { about: 'a'.repeat(20_001) }, 'The about is too long: at most 20000 characters.'],
      ['script tags', { title: script }, 'The title cannot contain HTML tags such as <script>.'],
      ['invalid URL', { etherpad_template: 'javascript:alert(1)' }, 'is not a full http(s) link.'],
    ],
  },
  'Code of Conduct': {
    who: 'organizer',
    page: `${E}/organise/coc`,
    action: `${E}/organise/coc`,
    fields: { coc_version: '2', coc_url: '', coc_text: 'Be kind.' },
    bad: [
      ['huge', { coc_text: 'a'.repeat(20_001) }, 'too long: at most 20000 characters.'],
      ['invalid URL', { coc_url: 'ftp://example.org/coc' }, 'is not a full http(s) link.'],
    ],
  },
  'days and windows': {
    who: 'organizer',
    page: `${E}/organise/grid`,
    action: `${E}/organise/grid`,
    fields: {
      starts_on: '2022-10-17',
      ends_on: '2022-10-21',
      slot_minutes: '60',
      windows: '13:00-17:00 Day',
    },
    bad: [
      ['empty', { windows: '' }, 'The day needs between 1 and 24 windows.'],
      ['script tags', { windows: `13:00-17:00 ${script}` }, 'cannot contain HTML tags'],
      ['not a date', { starts_on: 'soon' }, 'The event needs a first and a last day (YYYY-MM-DD)'],
    ],
  },
  'booking rules': {
    who: 'organizer',
    page: `${E}/organise/rules`,
    action: `${E}/organise/rules`,
    fields: { daily_cap: '4', total_cap: '16' },
    bad: [
      ['not a number', { daily_cap: script }, 'The daily limit is a number of hours above zero'],
      [
        'not an instant',
        { signup_closes_at: 'tomorrow' },
        'must be a date and time such as 2022-10-17T13:00 (UTC).',
      ],
      [
        'an unknown joint-caps rule',
        { joint_caps: 'nobody' },
        'Joint time counts for the host only or for every team in the session.',
      ],
    ],
  },
  room: {
    who: 'organizer',
    page: `${E}/organise/rooms`,
    action: `${E}/organise/rooms/save`,
    fields: { name: 'New Room', url: '', description: '', capacity: '' },
    bad: [
      ['empty', { name: '' }, 'The room name is empty.'],
      ['huge', { description: huge }, 'The room description is too long: at most 2000 characters.'],
      ['script tags', { name: script }, 'The room name cannot contain HTML tags such as <script>.'],
      ['invalid URL', { url: 'javascript:alert(1)' }, 'is not a full http(s) link.'],
      ['not a number', { capacity: 'many' }, 'A room holds a whole number of people, at least one.'],
    ],
  },
  banner: {
    who: 'organizer',
    page: `${E}/organise/motd`,
    action: `${E}/organise/motd/add`,
    fields: { level: 'info', message: 'Hello', expires_at: '' },
    bad: [
      ['empty', { message: '' }, 'The banner text is empty.'],
      ['huge', { message: huge }, 'The banner text is too long: at most 500 characters.'],
      ['script tags', { message: script }, 'The banner text cannot contain HTML tags such as <script>.'],
      ['bad level', { level: script }, 'is not a banner level'],
    ],
  },
  'team added late': {
    who: 'organizer',
    page: `${E}/organise/signups`,
    action: `${E}/organise/signups/add`,
    fields: { name: 'Late Team', kind: 'project', moderators: '' },
    bad: [
      ['empty', { name: '' }, 'The team name is empty.'],
      ['huge', { name: huge }, 'The team name is too long: at most 120 characters.'],
      ['script tags', { name: script }, 'The team name cannot contain HTML tags such as <script>.'],
      ['invalid e-mail', { moderators: 'someone@' }, '"someone@" is not an e-mail address.'],
    ],
  },
  'declining a sign-up': {
    who: 'organizer',
    page: `${E}/organise/signups`,
    action: `${E}/organise/signups/decline`,
    fields: { team: 'openstack-helm-2', reason: 'Duplicate.' },
    bad: [
      ['empty', { reason: '' }, 'The reason for declining is empty.'],
      ['huge', { reason: huge }, 'The reason for declining is too long: at most 1000 characters.'],
      ['script tags', { reason: script }, 'cannot contain HTML tags such as <script>.'],
    ],
  },
  'e-mail to registrants': {
    who: 'organizer',
    page: `${E}/organise/mailings`,
    action: `${E}/organise/mailings/preview`,
    fields: { subject: 'See you', body: 'Next week.' },
    bad: [
      ['empty', { body: '' }, 'The message is empty.'],
      ['huge', { body: 'a'.repeat(20_001) }, 'The message is too long: at most 20000 characters.'],
      ['script tags', { subject: script }, 'The subject cannot contain HTML tags such as <script>.'],
    ],
  },
  'feedback form': {
    who: 'organizer',
    page: `${E}/organise/feedback`,
    action: `${E}/organise/feedback/save`,
    fields: { title: 'How was it?', intro: '', answers: 'anonymous', q1_text: 'Useful?', q1_kind: 'text' },
    bad: [
      ['empty', { title: '' }, 'The title is empty.'],
      ['huge', { q1_text: huge }, 'The text of question 1 is too long: at most 300 characters.'],
      ['script tags', { title: script }, 'The title cannot contain HTML tags such as <script>.'],
    ],
  },
  'newsletter issue': {
    who: 'organizer',
    page: '/organise/newsletter',
    action: '/organise/newsletter/preview',
    fields: { subject: 'News', body: 'Hello.' },
    bad: [
      ['empty', { subject: '' }, 'The subject is empty.'],
      ['huge', { subject: huge }, 'The subject is too long: at most 200 characters.'],
      ['script tags', { subject: script }, 'The subject cannot contain HTML tags such as <script>.'],
    ],
  },
  'team links': {
    who: 'moderator',
    page: `${E}/teams/nova/manage`,
    action: `${E}/teams/nova/manage/links`,
    fields: { etherpad_url: '', video_url: '', location: '' },
    bad: [
      ['huge', { location: huge }, 'The location is too long: at most 200 characters.'],
      ['script tags', { location: script }, 'The location cannot contain HTML tags such as <script>.'],
      ['invalid URL', { video_url: 'javascript:alert(1)' }, 'is not a full http(s) link.'],
    ],
  },
  booking: {
    who: 'moderator',
    page: `${E}/teams/nova/manage`,
    action: `${E}/teams/nova/manage/book`,
    fields: { room: 'bexar', slot: 'fri21' },
    bad: [
      ['empty', { room: '' }, 'There is no room "" in this event.'],
      ['script tags', { slot: script }, 'There is no slot "<script>alert(1)</script>" in this event.'],
    ],
  },
  'booking grid': {
    who: 'moderator',
    page: `${E}/teams/nova/manage`,
    action: `${E}/teams/nova/manage/book-range`,
    fields: { cell: 'bexar-fri21', day: '2022-10-21' },
    bad: [
      ['no hours', { cell: '' }, 'is not a cell'],
      ['an unknown cell', { cell: 'kilo-wed99' }, 'There is no slot "wed99" in this event.'],
      ['script tags', { cell: script }, 'is not a cell'],
      [
        'hours across windows',
        { cell: ['bexar-wed07', 'bexar-wed13'] },
        'are not in the same window of one day',
      ],
      ['hours left out', { cell: ['bexar-fri13', 'bexar-fri15'] }, 'bexar-fri14 is left out'],
    ],
  },
};

describe.each(Object.entries(forms))('the %s form', (_name, form) => {
  it.each(form.bad.map(([label, change, message]) => [label, change, message] as const))(
    'answers %s input with a message on the form and stores nothing',
    async (_label, change, message) => {
      const client = clients[form.who];
      expect((await client.get(form.page)).status).toBe(200);
      const before = await stored();
      const page = await client.post(form.action, { ...form.fields, ...change });
      expect(page.status).toBeGreaterThanOrEqual(400);
      expect(page.status).toBeLessThan(500);
      const text = textOf(page.html);
      expect(text).toContain('There is a problem');
      expect(text).toContain(message);
      expect(page.html).toContain(`action="${form.action}"`);
      expect(page.html).not.toContain(script);
      expect(await stored()).toEqual(before);
    },
  );

  it('refuses the form without its token (csrf_failed) and stores nothing', async () => {
    const client = clients[form.who];
    await client.get(form.page);
    const before = await stored();
    const page = await client.post(form.action, form.fields, false);
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain('The form has expired or did not come from this site');
    expect(await stored()).toEqual(before);
  });
});

describe('writes through the JSON API from a signed-in browser', () => {
  it('need the CSRF token in a header, like forms', async () => {
    const client = clients.moderator;
    const page = await client.get(`${E}/teams/nova/manage`);
    expect(page.status).toBe(200);
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const send = (headers: Record<string, string>) =>
      site().app.inject({
        method: 'POST',
        url: `/api/v1${E}/teams/nova/now`,
        headers: { cookie, ...headers },
        payload: { text: 'Reviewing specs' },
      });
    const forged = await send({});
    expect([forged.statusCode, forged.json().error.code]).toEqual([403, 'csrf_failed']);
    const allowed = await send({ 'x-csrf-token': client.csrf ?? '' });
    expect(allowed.statusCode).toBe(200);
  });
});
