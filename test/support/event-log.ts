import type { Change } from '../../src/core/changes.ts';
import type { Decision } from '../../src/core/decision.ts';
import type { Actor, Ctx } from '../../src/core/model/actor.ts';
import type { EventState } from '../../src/core/model/event-state.ts';
import type { Instant } from '../../src/core/model/instant.ts';
import type { Revision } from '../../src/core/revision.ts';
import { type MeetingLedger, recordRevision } from '../../src/core/schedule/meeting-ledger.ts';
import { beforeEvent, buildEventChanges, organizer, sequentialIds } from './builders.ts';

/**
 * The small event as a change log, one revision per step, with the meeting ledger kept beside it:
 * what the store and the feeds see, without a database. Ids are UUID-shaped, like real ones.
 */
export class EventLog {
  readonly revisions: Revision[] = [];
  private current: MeetingLedger | null = null;
  private readonly ids = sequentialIds('0000');

  constructor() {
    this.commit(buildEventChanges().changes, '2022-09-01T00:00:00Z');
  }

  get ledger(): MeetingLedger {
    if (!this.current) throw new Error('the log is empty');
    return this.current;
  }

  get state(): EventState {
    return this.ledger.state;
  }

  /** Commits changes as the next revision. */
  commit(changes: readonly Change[], at: Instant): this {
    const revision: Revision = {
      eventId: this.revisions[0]?.eventId ?? 'event-1',
      revision: this.revisions.length + 1,
      at,
      actorId: null,
      actorName: 'test',
      source: 'api',
      changes,
    };
    this.revisions.push(revision);
    this.current = recordRevision(this.current, revision);
    return this;
  }

  /** Runs a core rule on the current state and commits what it decides; a refusal fails the test. */
  run(
    decide: (state: EventState, ctx: Ctx) => Decision,
    at: Instant = beforeEvent,
    actor: Actor = organizer,
  ) {
    const decision = decide(this.state, { actor, now: at, source: 'api', newId: () => this.uuid() });
    if (!decision.ok) throw new Error(`${decision.refusal.code}: ${decision.refusal.message}`);
    return this.commit(decision.changes, at);
  }

  private uuid(): string {
    const [, count = '0'] = this.ids().split('-');
    return `00000000-0000-4000-8000-${count.padStart(12, '0')}`;
  }
}
