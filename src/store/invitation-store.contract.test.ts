import { afterAll, beforeAll, expect, it } from 'vitest';
import { ctxOf, organizer, sequentialIds, smallEvent } from '../../test/support/builders.ts';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import { findChange } from '../core/changes.ts';
import { createEvent } from '../core/event/create-event.ts';
import { blankEventState } from '../core/model/event-state.ts';
import type { TeamInvitation } from '../core/model/team-invitation.ts';
import { createTeam } from '../core/teams/team-admin.ts';
import type { KyselyStore } from './kysely-store.ts';

const at = '2023-03-01T12:00:00Z';
const later = '2023-03-02T09:00:00Z';

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `InvitationStore on ${kind.name}`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    let eventId: string;
    let teamId: string;
    const invitation = (id: string, name: string, slug: string): TeamInvitation => ({
      id,
      eventId,
      name,
      slug,
      kind: 'project',
      crossProject: slug === 'tc',
      moderators: ['nia@example.org', 'cid@example.org'],
      hoursWanted: slug === 'tc' ? null : 6,
      preferredWindows: ['Americas / Europe'],
      avoidClashes: ['cinder'],
      status: 'invited',
      teamId: null,
      createdAt: at,
      sentAt: null,
      answeredAt: null,
    });

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      const ctx = ctxOf(organizer, at, 'cli', sequentialIds(`${kind.name}-invitations`));
      const created = createEvent([], smallEvent, ctx);
      if (!created.ok) throw new Error(created.refusal.message);
      const event = findChange(created.changes, 'event.saved')?.event;
      if (!event) throw new Error('no event');
      const team = createTeam(
        blankEventState(event),
        { name: 'Nova', kind: 'project', crossProject: false, status: 'requested' },
        ctx,
      );
      if (!team.ok) throw new Error(team.refusal.message);
      eventId = event.id;
      teamId = findChange(team.changes, 'team.saved')?.team.id ?? '';
      await store.createEvent(event, [...created.changes, ...team.changes], {
        at,
        actorId: null,
        actorName: null,
        source: 'cli',
      });
    });

    afterAll(async () => dispose());

    it('keeps invitations whole and lists an event’s by team name', async () => {
      const nova = invitation('inv-nova', 'Nova', 'nova');
      const tc = invitation('inv-tc', 'Technical Committee', 'tc');
      const cinder = invitation('inv-cinder', 'cinder', 'cinder');
      await store.invitations.add([nova, tc, cinder]);
      expect(await store.invitations.find('inv-tc')).toEqual(tc);
      expect(await store.invitations.list(eventId)).toEqual([cinder, nova, tc]);
      expect(await store.invitations.list('no-such-event')).toEqual([]);
      expect(await store.invitations.find('inv-none')).toBeNull();
    });

    it('keeps one invitation per short name in an event: adding it again changes nothing', async () => {
      await store.invitations.add([{ ...invitation('inv-nova-2', 'Nova again', 'nova') }]);
      expect((await store.invitations.list(eventId)).map((found) => found.id)).toEqual([
        'inv-cinder',
        'inv-nova',
        'inv-tc',
      ]);
    });

    it('notes when invitations were e-mailed', async () => {
      await store.invitations.markSent(['inv-nova', 'inv-tc'], later);
      expect((await store.invitations.list(eventId)).map((found) => found.sentAt)).toEqual([
        null,
        later,
        later,
      ]);
    });

    it('answers an invitation once: signed up with its team, or declined', async () => {
      expect(await store.invitations.answer('inv-nova', { status: 'signed-up', teamId }, later)).toBe(true);
      expect(await store.invitations.answer('inv-nova', { status: 'declined' }, later)).toBe(false);
      expect(await store.invitations.answer('inv-cinder', { status: 'declined' }, later)).toBe(true);
      expect(await store.invitations.answer('inv-none', { status: 'declined' }, later)).toBe(false);
      expect(await store.invitations.find('inv-nova')).toMatchObject({
        status: 'signed-up',
        teamId,
        answeredAt: later,
      });
      expect(await store.invitations.find('inv-cinder')).toMatchObject({ status: 'declined', teamId: null });
    });

    it('drops a deleted account’s address from invitations', async () => {
      const user = await store.createUser(
        { email: 'cid@example.org', name: 'Cid', ircNick: null, isOrganizer: false },
        `${kind.name}-cid`,
        at,
      );
      await store.people.deleteUser(user.id, 'a deleted account');
      expect((await store.invitations.find('inv-tc'))?.moderators).toEqual(['nia@example.org']);
    });
  });
}
