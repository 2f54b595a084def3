// Solves one draft instance off the main thread, so a long search never holds up requests.
import { parentPort, workerData } from 'node:worker_threads';
import type { DraftBooking, DraftInstance } from '../core/draft-schedule/draft-instance.ts';
import { solveDraft } from '../core/draft-schedule/solve-draft.ts';
import { seededRandom } from '../demo/seeded-random.ts';

const { instance, timeLimitMs, seed, previous } = workerData as {
  instance: DraftInstance;
  timeLimitMs: number;
  seed: number;
  previous: DraftBooking[] | null;
};
parentPort?.postMessage(
  solveDraft(instance, {
    timeLimitMs,
    clock: () => performance.now(),
    random: seededRandom(seed),
    ...(previous ? { previous } : {}),
  }),
);
