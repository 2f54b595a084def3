// A second process for concurrency tests: books cells in the same database as the test, all at
// once, when the test says "go". Reads one JSON line of attempts, prints "ready", waits for "go",
// then prints the outcomes as one JSON line.
import { createInterface } from 'node:readline';
import type { BookSlotInput } from '../../src/core/booking/book-slot.ts';
import type { Actor } from '../../src/core/model/actor.ts';
import { openRuntime } from '../../src/runtime.ts';

const [databaseUrl, event, now] = process.argv.slice(2) as [string, string, string];
const lines = createInterface({ input: process.stdin });
const iterator = lines[Symbol.asyncIterator]();
const attempts: { actor: Actor; input: BookSlotInput }[] = JSON.parse((await iterator.next()).value);
const runtime = await openRuntime({ databaseUrl, clockStart: now });
await runtime.models.get(event);
process.stdout.write('ready\n');
await iterator.next();
const outcomes = await Promise.all(
  attempts.map(({ actor, input }) => runtime.ops.bookSlot(event, { actor, source: 'api' }, input)),
);
process.stdout.write(
  `${JSON.stringify(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.refusal.code)))}\n`,
);
lines.close();
await runtime.close();
