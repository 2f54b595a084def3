import { randomUUID } from 'node:crypto';
import type { Ctx } from '../core/model/actor.ts';
import type { Runtime, Who } from './runtime.ts';

/** How new ids are made: the runtime's own maker (tests fix it), else random UUIDs. */
export function idMakerOf(runtime: Pick<Runtime, 'newId'>): () => string {
  return runtime.newId ?? randomUUID;
}

/** The context a core rule is decided in: who acts, the time now, and how new ids are made. */
export function contextOf(runtime: Pick<Runtime, 'clock' | 'newId'>, who: Who): Ctx {
  return { ...who, now: runtime.clock.now(), newId: idMakerOf(runtime) };
}
