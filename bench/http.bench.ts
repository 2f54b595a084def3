import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { median } from './stats.ts';

const paths = ['/api/v1/events/oct2022-ptg/board', '/api/v1/events/oct2022-ptg/schedule'];

export interface HttpFigures {
  readonly path: string;
  readonly bytes: number;
  readonly convene: number;
  readonly bare: number;
}

/**
 * Requests per second for the board and schedule JSON: Convene serving the demo event, next to a
 * bare node:http server sending the same bytes from memory. Each server runs in its own process;
 * the load comes from this one, over loopback, alternating servers round by round.
 */
export async function benchHttp(rounds: number, seconds: number): Promise<HttpFigures[]> {
  const convene = await startServer(['bench/serve-demo.ts']);
  const bodies: Record<string, string> = {};
  for (const path of paths)
    bodies[path] = await (await fetch(`http://127.0.0.1:${convene.port}${path}`)).text();
  const file = join(mkdtempSync(join(tmpdir(), 'convene-bench-')), 'bodies.json');
  writeFileSync(file, JSON.stringify(bodies));
  const bare = await startServer(['bench/serve-bare.ts', file]);
  try {
    const figures: HttpFigures[] = [];
    for (const path of paths) {
      const ours: number[] = [];
      const theirs: number[] = [];
      await load(convene.port, path, 1);
      await load(bare.port, path, 1);
      for (let round = 0; round < rounds; round++) {
        ours.push(await load(convene.port, path, seconds));
        theirs.push(await load(bare.port, path, seconds));
      }
      figures.push({
        path,
        bytes: Buffer.byteLength(bodies[path] ?? ''),
        convene: median(ours),
        bare: median(theirs),
      });
    }
    return figures;
  } finally {
    convene.child.kill();
    bare.child.kill();
  }
}

async function startServer(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await createInterface({ input: child.stdout! })
    [Symbol.asyncIterator]()
    .next()
    .then((result) => [result.value as string]);
  return { child, port: Number(line) };
}

async function load(port: number, path: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: 32,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${path}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result.requests.average;
}
