import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../test/support/runtime.ts';
import { describeWithService } from '../../test/support/services.ts';
import { helmForm } from '../../test/support/signups.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { systemActor } from '../core/model/actor.ts';
import { logMailer } from '../mail/log-mailer.ts';
import { exportAccount, updateAccount } from './account.ts';
import { acceptNickClaim, declineNickClaim, pendingNickClaims } from './nick-claims.ts';
import { addUser } from './people.ts';
import { changeSignup, signUpTeam } from './signups.ts';

const mailing = { mailer: logMailer(() => {}), baseUrl: 'http://convene.test' };

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `nick claims and linking nicks on ${kind.name}`, () => {
    let runtime: TestRuntime;
    let eventId: string;
    const event = 'test-ptg';
    const lead = {
      actor: { userId: 'user-lead', name: 'Lea Lead', isOrganizer: false },
      source: 'web' as const,
    };
    const as = (userId: string) => ({
      actor: { userId, name: userId, isOrganizer: false },
      source: 'web' as const,
    });
    const userOf = async (email: string) => {
      const user = await runtime.store.findUserByEmail(email);
      if (!user) throw new Error(`no user ${email}`);
      return user;
    };
    const holdings = (nick: string) => runtime.store.nicks.holdingsOf(nick);
    const later = '2022-10-01T13:00:00Z';
    const earlier = '2022-10-01T11:00:00Z';

    beforeAll(async () => {
      runtime = await openTestRuntime(kind);
      const system = { actor: systemActor, source: 'cli' as const };
      await runtime.ops.updateEvent(event, system, { signupClosesAt: '2022-12-01T00:00:00Z' });
      eventId = (await runtime.models.get(event))?.event.id as string;
      await runtime.store.createUser(
        { email: 'lead@example.org', name: 'Lea Lead', ircNick: null, isOrganizer: false },
        'user-lead',
        runtime.clock.now(),
      );
      const signedUp = await signUpTeam(runtime, mailing, lead, event, { ...helmForm, preferredWindows: [] });
      if (!signedUp.ok) throw new Error(signedUp.refusal.message);
    });

    afterAll(async () => runtime.close());

    it('keeps a nick named beside an address on a sign-up as a claim, not on the account', async () => {
      const ana = await userOf('ana@example.org');
      expect(ana.ircNick).toBeNull();
      expect(await pendingNickClaims(runtime, ana.id)).toEqual([
        {
          id: expect.any(String),
          nick: 'ana_p',
          proposedBy: 'Lea Lead',
          event: { slug: event, title: expect.any(String) },
          team: 'OpenStack Helm',
          createdAt: runtime.clock.now(),
        },
      ]);
      expect(await runtime.store.findUserByIrcNick('ana_p')).toBeNull();
    });

    it('keeps one claim when the sign-up naming the nick is saved again', async () => {
      const changed = await changeSignup(runtime, mailing, lead, event, 'openstack-helm', {
        ...helmForm,
        preferredWindows: [],
        moderators: 'ana@example.org ANA_P\nbo@example.org',
      });
      expect(changed.ok).toBe(true);
      const claims = await pendingNickClaims(runtime, (await userOf('ana@example.org')).id);
      expect(claims.map((claim) => claim.nick)).toEqual(['ANA_P']);
    });

    it("refuses to accept or decline someone else's claim, and leaves it", async () => {
      const ana = await userOf('ana@example.org');
      const bo = await userOf('bo@example.org');
      const [claim] = await pendingNickClaims(runtime, ana.id);
      expect(await acceptNickClaim(runtime, as(bo.id), claim?.id ?? '')).toMatchObject({
        ok: false,
        refusal: { code: 'not_found' },
      });
      expect(await declineNickClaim(runtime, as(bo.id), claim?.id ?? '')).toMatchObject({
        ok: false,
        refusal: { code: 'not_found' },
      });
      expect((await userOf('bo@example.org')).ircNick).toBeNull();
      expect(await pendingNickClaims(runtime, ana.id)).toHaveLength(1);
    });

    it('attaches the nick when its owner accepts, and moves what the nick held onto the account', async () => {
      const ana = await userOf('ana@example.org');
      const team = (await runtime.models.get(event))?.teams.find((each) => each.slug === 'nova');
      await runtime.store.nicks.saveCheckIn(
        eventId,
        'ana_p',
        { userId: 'nick:ana_p', teamId: team?.id ?? null, place: null, at: later, outAt: null },
        true,
      );
      await runtime.store.nicks.saveSubscription(eventId, 'ana_p', 'placement #nova', earlier);
      await runtime.store.personal.saveCheckIn(eventId, {
        userId: ana.id,
        teamId: null,
        place: 'the hallway',
        at: earlier,
        outAt: null,
      });
      await runtime.store.personal.saveSubscription(eventId, ana.id, 'scheduler placement', earlier);
      const [claim] = await pendingNickClaims(runtime, ana.id);
      const accepted = await acceptNickClaim(runtime, as(ana.id), claim?.id ?? '');
      expect(accepted).toMatchObject({ ok: true, value: { ircNick: 'ANA_P' } });
      expect((await userOf('ana@example.org')).ircNick).toBe('ANA_P');
      expect(await pendingNickClaims(runtime, ana.id)).toEqual([]);
      expect(await runtime.store.personal.checkInOf(eventId, ana.id)).toEqual({
        userId: ana.id,
        teamId: team?.id,
        place: null,
        at: later,
        outAt: null,
      });
      expect(await runtime.store.personal.subscriptionOf(eventId, ana.id)).toBe('scheduler placement #nova');
      expect(await holdings('ana_p')).toEqual({ checkIns: [], subscriptions: [] });
    });

    it('refuses to accept a nick that is already someone else’s, and keeps the claim to decline', async () => {
      const bo = await userOf('bo@example.org');
      const taken = await addUser(runtime, { email: 'taken@example.org', name: 'Taker', ircNick: 'bo_irc' });
      expect(taken.ok).toBe(true);
      await changeSignup(runtime, mailing, lead, event, 'openstack-helm', {
        ...helmForm,
        preferredWindows: [],
        moderators: 'ana@example.org\nbo@example.org bo_irc',
      });
      const [claim] = await pendingNickClaims(runtime, bo.id);
      expect(claim?.nick).toBe('bo_irc');
      const refused = await acceptNickClaim(runtime, as(bo.id), claim?.id ?? '');
      expect(refused).toMatchObject({ ok: false, refusal: { code: 'invalid_input' } });
      if (!refused.ok) expect(refused.refusal.message).toContain('already belongs to someone else');
      expect((await userOf('bo@example.org')).ircNick).toBeNull();
      expect(await declineNickClaim(runtime, as(bo.id), claim?.id ?? '')).toEqual({ ok: true, value: null });
      expect(await pendingNickClaims(runtime, bo.id)).toEqual([]);
      expect((await userOf('bo@example.org')).ircNick).toBeNull();
    });

    it('moves a nick’s check-in and subscription onto an account that links it on /me, keeping the later check-in', async () => {
      const bo = await userOf('bo@example.org');
      await runtime.store.nicks.saveCheckIn(
        eventId,
        'Bo_Web',
        { userId: 'nick:bo_web', teamId: null, place: 'the pub', at: earlier, outAt: null },
        false,
      );
      await runtime.store.nicks.saveSubscription(eventId, 'bo_web', '/place(ment)?/', earlier);
      await runtime.store.personal.saveCheckIn(eventId, {
        userId: bo.id,
        teamId: null,
        place: 'room 1',
        at: later,
        outAt: null,
      });
      const saved = await updateAccount(runtime, as(bo.id), { name: 'Bo', ircNick: 'bo_web', timeZone: '' });
      expect(saved.ok).toBe(true);
      expect((await runtime.store.personal.checkInOf(eventId, bo.id))?.place).toBe('room 1');
      expect(await runtime.store.personal.subscriptionOf(eventId, bo.id)).toBe('/place(ment)?/');
      expect(await holdings('bo_web')).toEqual({ checkIns: [], subscriptions: [] });
    });

    it('moves what a nick held onto a user an organiser adds with that nick', async () => {
      await runtime.store.nicks.saveSubscription(eventId, 'cli_nick', 'backups', earlier);
      const added = await addUser(runtime, { email: 'cli@example.org', name: 'Cli', ircNick: 'cli_nick' });
      if (!added.ok) throw new Error(added.refusal.message);
      expect(await runtime.store.personal.subscriptionOf(eventId, added.value.id)).toBe('backups');
      expect(await holdings('cli_nick')).toEqual({ checkIns: [], subscriptions: [] });
    });

    it('exports the pending claims, topic subscriptions and alert choices with the rest of a person’s data', async () => {
      await changeSignup(runtime, mailing, lead, event, 'openstack-helm', {
        ...helmForm,
        preferredWindows: [],
        moderators: 'ana@example.org\nbo@example.org bo_lead_named',
      });
      const bo = await userOf('bo@example.org');
      await runtime.store.alerts.saveSettings(bo.id, {
        topicMail: true,
        reminders: false,
        reminderMail: false,
      });
      const exported = await exportAccount(runtime, as(bo.id));
      if (!exported.ok) throw new Error(exported.refusal.message);
      expect(exported.value.nick_claims).toEqual([
        {
          nick: 'bo_lead_named',
          proposed_by: 'Lea Lead',
          event,
          team: 'OpenStack Helm',
          proposed_at: runtime.clock.now(),
        },
      ]);
      expect(exported.value.alerts).toEqual({
        topic_mail: true,
        reminders: false,
        reminder_mail: false,
        waiting_mail: [],
      });
      expect(exported.value.events.find((entry) => entry.event === event)?.topic_subscription).toBe(
        '/place(ment)?/',
      );
    });
  });
}
