import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildEventState, ctxOf, organizer } from '../../test/support/builders.ts';
import { describeWithService } from '../../test/support/services.ts';
import { helmForm, signedUp } from '../../test/support/signups.ts';
import { type StoreKind, storeKinds } from '../../test/support/stores.ts';
import type { EventState } from '../core/model/event-state.ts';
import { declineTeam, mergeTeam } from '../core/signups/review-signup.ts';
import type { KyselyStore } from './kysely-store.ts';

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `team sign-ups stored on ${kind.name}`, () =>
    signupContract(kind),
  );
}

function signupContract(kind: StoreKind) {
  let store: KyselyStore;
  let dispose: () => Promise<void>;
  let expected: EventState;

  beforeAll(async () => {
    ({ store, dispose } = await kind.open());
    for (const id of [
      'user-organizer',
      'user-nova',
      'user-cinder',
      'user-tc',
      'user-lead',
      'user-ana',
      'user-bo',
    ])
      await store.createUser(
        { email: `${id}@example.org`, name: id, ircNick: null, isOrganizer: false },
        id,
        '2022-09-01T00:00:00Z',
      );
    const built = signedUp(signedUp(buildEventState()), { ...helmForm, name: 'OpenStack-Helm' });
    const changes = [
      { type: 'event.saved' as const, event: built.event },
      { type: 'grid.saved' as const, slots: built.slots, unavailable: built.unavailable },
      ...built.rooms.map((room) => ({ type: 'room.saved' as const, room })),
      ...built.teams.map((team) => ({ type: 'team.saved' as const, team })),
      ...Object.values(built.signups).map((signup) => ({ type: 'signup.saved' as const, signup })),
    ];
    await store.createEvent(built.event, changes, {
      at: '2022-09-01T00:00:00Z',
      actorId: null,
      actorName: 'test',
      source: 'cli',
    });
    const merged = mergeTeam(built, { team: 'openstack-helm-2', into: 'openstack-helm' }, ctxOf(organizer));
    const declined = declineTeam(built, { team: 'pending', reason: 'Not meeting.' }, ctxOf(organizer));
    if (!merged.ok || !declined.ok) throw new Error('expected accepted decisions');
    await store.commitRevision(built.event.id, async () => ({
      changes: [...merged.changes, ...declined.changes],
      meta: { at: '2022-10-02T00:00:00Z', actorId: 'user-organizer', actorName: 'Olive', source: 'web' },
    }));
    expected = (await store.loadEvent(built.event.id)) as EventState;
  });
  afterAll(async () => dispose());

  it('reads back every sign-up with its answers and outcome as the core left them', () => {
    expect(
      Object.values(expected.signups).map((signup) => [signup.moderatorIds, signup.outcome?.kind ?? null]),
    ).toEqual(
      expect.arrayContaining([
        [['user-ana', 'user-bo'], 'merged'],
        [['user-ana', 'user-bo'], null],
      ]),
    );
    expect(Object.values(expected.signups)).toHaveLength(2);
  });

  it('exports sign-ups with the event and imports them back unchanged', async () => {
    const document = await store.exportEvent(expected.event.id);
    expect(Object.keys(document?.signups ?? {})).toHaveLength(2);
    const other = await kind.open();
    try {
      await other.store.importEvent(JSON.parse(JSON.stringify(document)));
      expect(await other.store.loadEvent(expected.event.id)).toEqual(expected);
      expect(await other.store.exportEvent(expected.event.id)).toEqual(document);
    } finally {
      await other.dispose();
    }
  });
}
