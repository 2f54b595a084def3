// A Convene server with the demo event on a throw-away SQLite file, for load tests: prints its
// port on the first line of standard output once it listens.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../src/app/events.ts';
import { openRuntime } from '../src/runtime.ts';
import { buildApp } from '../src/web/app.ts';

const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
const runtime = await openRuntime({
  databaseUrl: `sqlite:${join(dir, 'demo.sqlite')}`,
  clockStart: '2022-10-18T14:20:00Z',
});
await seedDemo(runtime, runtime.clock.now());
const app = await buildApp({ runtime, ops: runtime.ops, baseUrl: 'http://localhost' });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
