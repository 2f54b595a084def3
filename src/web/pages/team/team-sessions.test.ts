import { beforeAll, describe, expect, it } from 'vitest';
import { FormClient, textOf } from '../../../../test/support/form-client.ts';
import { moderatorSecret } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import type { EventState } from '../../../core/model/event-state.ts';
import { findTeam } from '../../../core/model/lookup.ts';
import { type Session, sessionsOf, teamsOf } from '../../../core/sessions/sessions.ts';
import { sessionCookie } from '../../plugins/session.ts';

/**
 * The session editor of a team's manage page, over HTTP: what a moderator of nova saves shows on
 * the team page; bad input is refused with the page's error summary and stores nothing; a joint
 * session is asked and answered from the two teams' manage pages.
 */
const site = useTestSite();
const E = '/events/oct2022-ptg';
let nova: FormClient;

async function state(): Promise<EventState> {
  const found = await site().runtime.models.get('oct2022-ptg');
  if (!found) throw new Error('no demo event');
  return found;
}

async function moderatorOf(team: string, email: string): Promise<FormClient> {
  const client = new FormClient(site().app);
  client.cookies.set(sessionCookie, await moderatorSecret(site(), { event: 'oct2022-ptg', team }, email));
  return client;
}

/** nova's sessions: one begun (for head-counts), one still to come (for guests). */
async function novaSessions(): Promise<{ begun: Session; coming: Session }> {
  const now = site().runtime.clock.now();
  const current = await state();
  const novaId = findTeam(current, 'nova')?.id;
  const mine = sessionsOf(current).filter((session) => session.hostId === novaId);
  const begun = mine.find((session) => session.start <= now);
  const coming = mine.find((session) => session.start > now);
  if (!begun || !coming) throw new Error('nova needs a session begun and one to come');
  return { begun, coming };
}

async function recordOf(id: string) {
  return (await state()).sessions[id] ?? null;
}

beforeAll(async () => {
  nova = await moderatorOf('nova', 'nia@example.org');
});

describe('the sessions on a team’s manage page', () => {
  it('saves a session’s title, agenda and links, and the team page then shows the title', async () => {
    const { coming } = await novaSessions();
    const page = await nova.get(`${E}/teams/nova/manage`);
    expect(page.html).toContain(`id="session-${coming.id}-title"`);
    const saved = await nova.post(`${E}/teams/nova/manage/session`, {
      session: coming.id,
      title: 'Live migration',
      agenda: '- *blockers*\n- next steps',
      etherpad_url: 'https://etherpad.example.org/p/nova-live-migration',
      recording_url: '',
    });
    expect([saved.status, saved.location]).toEqual([303, `${E}/teams/nova/manage?done=session`]);
    expect(textOf((await nova.follow(saved)).html)).toContain('The session is saved.');
    expect(await recordOf(coming.id)).toMatchObject({
      title: 'Live migration',
      agenda: '- *blockers*\n- next steps',
      etherpadUrl: 'https://etherpad.example.org/p/nova-live-migration',
      recordingUrl: null,
    });
    expect(textOf((await nova.get(`${E}/teams/nova`)).html)).toContain('“Live migration”');
  });

  it('refuses a 10 kB title and links that are not http(s), keeps what was typed, and stores nothing', async () => {
    const { coming } = await novaSessions();
    await nova.get(`${E}/teams/nova/manage`);
    const before = await recordOf(coming.id);
    for (const [field, value] of [
      ['title', 'x'.repeat(10_000)],
      ['etherpad_url', 'javascript:alert(1)'],
      ['recording_url', 'ftp://files.example.org/nova.mp4'],
    ] as const) {
      const refused = await nova.post(`${E}/teams/nova/manage/session`, {
        session: coming.id,
        title: 'A fine title',
        [field]: value,
      });
      expect(refused.status).toBe(400);
      expect(textOf(refused.html)).toContain('There is a problem');
      if (field !== 'title') expect(refused.html).toContain('value="A fine title"');
    }
    expect(await recordOf(coming.id)).toEqual(before);
  });

  it('records a head-count for a session begun, and refuses counts below zero, above 100,000 or not numbers', async () => {
    const { begun, coming } = await novaSessions();
    await nova.get(`${E}/teams/nova/manage`);
    const before = await recordOf(begun.id);
    for (const count of ['-1', '100001', 'many', '']) {
      const refused = await nova.post(`${E}/teams/nova/manage/headcount`, { session: begun.id, count });
      expect(refused.status).toBe(400);
      expect(textOf(refused.html)).toContain('whole number from 0 to 100,000');
    }
    expect(await recordOf(begun.id)).toEqual(before);
    const early = await nova.post(`${E}/teams/nova/manage/headcount`, { session: coming.id, count: '5' });
    expect(textOf(early.html)).toContain('has not started yet');
    const counted = await nova.post(`${E}/teams/nova/manage/headcount`, { session: begun.id, count: '23' });
    expect(counted.location).toBe(`${E}/teams/nova/manage?done=headcount`);
    expect((await recordOf(begun.id))?.headcount?.count).toBe(23);
    expect(textOf((await nova.follow(counted)).html)).toContain('Head-count: 23.');
  });

  it('invites a free team, whose moderator accepts on its own manage page; a team busy then is refused', async () => {
    const { coming } = await novaSessions();
    const current = await state();
    const overlapping = sessionsOf(current).filter(
      (other) => other.start < coming.end && coming.start < other.end && other.id !== coming.id,
    );
    const busyIds = new Set(overlapping.flatMap(teamsOf));
    const busy = current.teams.find((team) => team.status === 'approved' && busyIds.has(team.id));
    const free = current.teams.find(
      (team) => team.status === 'approved' && !busyIds.has(team.id) && team.slug !== 'nova',
    );
    if (!busy || !free) throw new Error('the demo needs a busy and a free team at nova’s session');
    await nova.get(`${E}/teams/nova/manage`);
    const before = await recordOf(coming.id);
    const refused = await nova.post(`${E}/teams/nova/manage/invite`, {
      session: coming.id,
      guest: busy.slug,
    });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain(busy.slug);
    expect(await recordOf(coming.id)).toEqual(before);

    const invited = await nova.post(`${E}/teams/nova/manage/invite`, {
      session: coming.id,
      guest: free.slug,
    });
    expect(invited.location).toBe(`${E}/teams/nova/manage?done=invite`);
    const guest = await moderatorOf(free.slug, `mod@${free.slug}.example.org`);
    const guestPage = await guest.get(`${E}/teams/${free.slug}/manage`);
    expect(textOf(guestPage.html)).toContain('Nova/Placement invites the team.');
    const accepted = await guest.post(`${E}/teams/${free.slug}/manage/accept`, { session: coming.id });
    expect(accepted.location).toBe(`${E}/teams/${free.slug}/manage?done=accept`);
    const guestTeamPage = textOf((await guest.get(`${E}/teams/${free.slug}`)).html);
    expect(guestTeamPage).toContain('with Nova/Placement');
    expect((await recordOf(coming.id))?.guests.find((one) => one.teamId === free.id)?.status).toBe(
      'accepted',
    );
  });

  it('links the team’s summary, refusing a link that is not http(s); the event page lists it', async () => {
    await nova.get(`${E}/teams/nova/manage`);
    const novaId = findTeam(await state(), 'nova')?.id ?? '';
    const before = (await state()).summaries[novaId];
    const refused = await nova.post(`${E}/teams/nova/manage/summary`, {
      summary_url: 'mailto:list@example.org',
      notes_url: '',
    });
    expect(refused.status).toBe(400);
    expect((await state()).summaries[novaId]).toEqual(before);
    const linked = await nova.post(`${E}/teams/nova/manage/summary`, {
      summary_url: 'https://lists.example.org/nova-ptg-summary',
      notes_url: 'https://etherpad.example.org/p/nova-notes',
    });
    expect(linked.location).toBe(`${E}/teams/nova/manage?done=summary`);
    expect((await site().app.inject(`${E}`)).body).toContain('https://lists.example.org/nova-ptg-summary');
  });

  it('refuses a post without the form’s token and changes nothing', async () => {
    const { coming } = await novaSessions();
    const before = await recordOf(coming.id);
    const refused = await nova.post(
      `${E}/teams/nova/manage/session`,
      { session: coming.id, title: 'Sneaky' },
      false,
    );
    expect(refused.status).toBe(403);
    expect(await recordOf(coming.id)).toEqual(before);
  });
});
