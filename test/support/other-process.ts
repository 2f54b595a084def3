import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { BookSlotInput } from '../../src/core/booking/book-slot.ts';
import type { Actor } from '../../src/core/model/actor.ts';

const worker = new URL('./booking-worker.ts', import.meta.url).pathname;

/**
 * Starts a second Convene process on the same database, ready to make `attempts` the moment `go()`
 * is called; `go()` resolves with each attempt's outcome ("ok" or the refusal code).
 */
export async function bookingProcess(
  databaseUrl: string,
  event: string,
  now: string,
  attempts: readonly { actor: Actor; input: BookSlotInput }[],
): Promise<{ go: () => Promise<string[]> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, databaseUrl, event, now], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  child.stdin.write(`${JSON.stringify(attempts)}\n`);
  const ready = await lines.next();
  if (ready.value !== 'ready') throw new Error('the booking process did not start');
  return {
    async go() {
      child.stdin.write('go\n');
      const result = await lines.next();
      child.stdin.end();
      await once(child, 'exit');
      return JSON.parse(result.value);
    },
  };
}
