import { beforeAll, describe, expect, it } from 'vitest';
import { type FormClient, textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { helmForm } from '../../../../test/support/signups.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import { signUpTeam } from '../../../app/signups.ts';
import { logMailer } from '../../../mail/log-mailer.ts';

const site = useTestSite();

describe('IRC nicks named for a person on /me', () => {
  let owner: FormClient;
  let stranger: FormClient;
  let ownerId: string;
  const claimIds = async () => (await site().runtime.store.nicks.claimsOf(ownerId)).map((claim) => claim.id);

  beforeAll(async () => {
    const lead = await signedInClient(site(), 'lead@example.org', { name: 'Lea Lead' });
    const form = { ...helmForm, preferredWindows: [] };
    const who = {
      actor: { userId: lead.user.id, name: lead.user.name, isOrganizer: false },
      source: 'web' as const,
    };
    const mailing = { mailer: logMailer(() => {}), baseUrl: 'http://convene.test' };
    for (const [name, moderators] of [
      ['Claims Team', 'owner@example.org owner_nick'],
      ['Other Claims', 'owner@example.org other_nick'],
    ] as const) {
      const signed = await signUpTeam(site().runtime, mailing, who, 'oct2022-ptg', {
        ...form,
        name,
        moderators,
      });
      if (!signed.ok) throw new Error(signed.refusal.message);
    }
    const signedIn = await signedInClient(site(), 'owner@example.org', { name: 'Owen Owner' });
    owner = signedIn.client;
    ownerId = signedIn.user.id;
    stranger = (await signedInClient(site(), 'stranger@example.org')).client;
  });

  it('shows the owner each nick named for them, who named it and for which team and event', async () => {
    const page = await owner.get('/me');
    const text = textOf(page.html);
    expect(text).toContain('IRC nicks named for you');
    expect(text).toContain(
      'owner_nick , named by Lea Lead for Claims Team in Project Teams Gathering, October 2022 .',
    );
    expect(text).toContain('Accept owner_nick as my nick');
    expect(text).toContain('Decline other_nick');
  });

  it('refuses an accept or decline without the form’s token (csrf_failed), changing nothing', async () => {
    const [claim] = await claimIds();
    await owner.get('/me');
    for (const action of ['accept', 'decline']) {
      const page = await owner.post(`/me/nick-claims/${action}`, { claim: claim ?? '' }, false);
      expect(page.status).toBe(403);
    }
    expect(await claimIds()).toHaveLength(2);
    expect((await site().runtime.store.findUser(ownerId))?.ircNick).toBeNull();
  });

  it("refuses someone else's claim with 404, changing nothing", async () => {
    const [claim] = await claimIds();
    await stranger.get('/me');
    for (const action of ['accept', 'decline']) {
      const page = await stranger.post(`/me/nick-claims/${action}`, { claim: claim ?? '' });
      expect(page.status).toBe(404);
      expect(textOf(page.html)).toContain(`You have no such nick to ${action}.`);
    }
    expect(await claimIds()).toHaveLength(2);
  });

  it('attaches the nick its owner accepts, and drops the one they decline', async () => {
    const claims = await site().runtime.store.nicks.claimsOf(ownerId);
    const accepted = claims.find((claim) => claim.nick === 'owner_nick');
    const declined = claims.find((claim) => claim.nick === 'other_nick');
    await owner.get('/me');
    const declining = await owner.post('/me/nick-claims/decline', { claim: declined?.id ?? '' });
    expect([declining.status, declining.location]).toEqual([303, '/me?done=nick-declined']);
    const accepting = await owner.post('/me/nick-claims/accept', { claim: accepted?.id ?? '' });
    expect([accepting.status, accepting.location]).toEqual([303, '/me?done=nick']);
    const page = textOf((await owner.follow(accepting)).html);
    expect(page).toContain('The nick is yours now');
    expect(page).not.toContain('IRC nicks named for you');
    expect((await site().runtime.store.findUser(ownerId))?.ircNick).toBe(accepted?.nick);
    expect(await claimIds()).toEqual([]);
  });

  it('refuses to accept a nick someone else has, saying so on /me', async () => {
    const { client, user } = await signedInClient(site(), 'late@example.org');
    await site().runtime.store.nicks.saveClaim({
      id: 'claim-taken',
      userId: user.id,
      nick: 'OWNER_NICK',
      proposedBy: null,
      eventId: null,
      teamId: null,
      createdAt: site().runtime.clock.now(),
    });
    const page = await client.get('/me');
    expect(textOf(page.html)).toContain('OWNER_NICK , named by a deleted account .');
    const refused = await client.post('/me/nick-claims/accept', { claim: 'claim-taken' });
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain(
      'The IRC nick OWNER_NICK already belongs to someone else on Convene.',
    );
    expect((await site().runtime.store.findUser(user.id))?.ircNick).toBeNull();
  });
});
