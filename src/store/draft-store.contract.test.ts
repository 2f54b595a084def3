import { afterAll, beforeAll, expect, it } from 'vitest';
import { ctxOf, organizer, sequentialIds, smallEvent } from '../../test/support/builders.ts';
import { describeWithService } from '../../test/support/services.ts';
import { storeKinds } from '../../test/support/stores.ts';
import type { EventDraft } from '../core/draft-schedule/event-draft.ts';
import { createEvent } from '../core/event/create-event.ts';
import type { EventInfo } from '../core/model/event.ts';
import type { KyselyStore } from './kysely-store.ts';

const at = '2022-10-01T12:00:00Z';
const cost = { total: 1010, unmet_hours: 1, clash: 0, runs: 1, room_changes: 0 };

function draftOf(id: string, eventId: string, createdAt: string): EventDraft {
  return {
    id,
    eventId,
    createdAt,
    createdBy: null,
    basis: ['booking-1'],
    draft: { bookings: [{ team: 'nova', room: 'bexar', slot: 'mon13' }], cost, bound: 1000, seconds: 0.5 },
    words: { summary: 'Cost 1010.', unmet: ['Nova gets 1 of 2 hours asked.'], clashes: [] },
    current: { cost, kept: 1, added: 0, released: 0 },
    appliedAt: null,
  };
}

for (const kind of storeKinds) {
  describeWithService(kind.name, kind.available, `DraftStore on ${kind.name}`, () => {
    let store: KyselyStore;
    let dispose: () => Promise<void>;
    let eventId: string;

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      const created = createEvent(
        [],
        smallEvent,
        ctxOf(organizer, at, 'cli', sequentialIds(`${kind.name}-drafts`)),
      );
      if (!created.ok) throw new Error(created.refusal.message);
      const event = (created.changes[0] as { event: EventInfo }).event;
      eventId = event.id;
      await store.createEvent(event, created.changes, { at, actorId: null, actorName: null, source: 'cli' });
    });

    afterAll(async () => dispose());

    it('keeps a draft whole and finds it only under its own event', async () => {
      const draft = draftOf(`${kind.name}-draft-a`, eventId, at);
      await store.drafts.saveDraft(draft, '2022-09-01T00:00:00Z');
      expect(await store.drafts.draft(eventId, draft.id)).toEqual(draft);
      expect(await store.drafts.draft('another-event', draft.id)).toBeNull();
      expect(await store.drafts.draft(eventId, 'no-such-draft')).toBeNull();
    });

    it('saves an applied draft again under the same id', async () => {
      const draft = draftOf(`${kind.name}-draft-b`, eventId, at);
      await store.drafts.saveDraft(draft, '2022-09-01T00:00:00Z');
      await store.drafts.saveDraft({ ...draft, appliedAt: '2022-10-01T13:00:00Z' }, '2022-09-01T00:00:00Z');
      expect((await store.drafts.draft(eventId, draft.id))?.appliedAt).toBe('2022-10-01T13:00:00Z');
    });

    it('deletes drafts made before the cut-off when another is saved', async () => {
      const old = draftOf(`${kind.name}-draft-old`, eventId, '2022-09-20T00:00:00Z');
      await store.drafts.saveDraft(old, '2022-09-01T00:00:00Z');
      await store.drafts.saveDraft(draftOf(`${kind.name}-draft-new`, eventId, at), '2022-09-24T00:00:00Z');
      expect(await store.drafts.draft(eventId, old.id)).toBeNull();
      expect(await store.drafts.draft(eventId, `${kind.name}-draft-new`)).not.toBeNull();
    });
  });
}
