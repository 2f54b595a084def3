import { randomUUID } from 'node:crypto';
import type { Ctx } from '../core/model/actor.ts';
import type { Runtime } from './execute.ts';
import type { Who } from './operations.ts';

/** The context a core rule is decided in: who acts, the time now, and how new ids are made. */
export function contextOf(runtime: Runtime, who: Who): Ctx {
  return { ...who, now: runtime.clock.now(), newId: runtime.newId ?? randomUUID };
}
