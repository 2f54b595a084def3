import { describe, expect, it } from 'vitest';
import type { Revision } from '../core/revision.ts';
import { LogFold } from './log-fold.ts';

function logOf(count: number) {
  const log = Array.from(
    { length: count },
    (_, index) => ({ eventId: 'e', revision: index + 1 }) as Revision,
  );
  const reads: number[] = [];
  const store = {
    async revisionsAfter(_eventId: string, after: number) {
      reads.push(after);
      return log.filter((revision) => revision.revision > after);
    },
  };
  return { log, reads, store };
}

describe('LogFold', () => {
  it('folds the whole log once, then only what came since, sharing concurrent catch-ups', async () => {
    const { log, reads, store } = logOf(3);
    const fold = new LogFold<number[]>(store, (known, revisions) => [
      ...(known ?? []),
      ...revisions.map((revision) => revision.revision),
    ]);
    const [first, second] = await Promise.all([fold.at('e', 3), fold.at('e', 3)]);
    expect(first).toEqual([1, 2, 3]);
    expect(second).toEqual([1, 2, 3]);
    expect(reads).toEqual([0]);
    log.push({ eventId: 'e', revision: 4 } as Revision);
    expect(await fold.at('e', 4)).toEqual([1, 2, 3, 4]);
    expect(await fold.at('e', 2)).toEqual([1, 2, 3, 4]);
    expect(reads).toEqual([0, 3]);
  });
});
