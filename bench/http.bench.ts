import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { median } from './stats.ts';

/** What is loaded: the board and schedule JSON, and the board page as a browser asks for it (brotli). */
const targets: readonly { path: string; acceptEncoding?: string }[] = [
  { path: '/api/v1/events/oct2022-ptg/board' },
  { path: '/api/v1/events/oct2022-ptg/schedule' },
  { path: '/events/oct2022-ptg/board', acceptEncoding: 'br' },
];

/** One answer as sent, for the bare server to send again: `serve-bare.ts` reads these. */
export interface RecordedAnswer {
  readonly type: string;
  readonly encoding: string | null;
  readonly base64: string;
}

export interface HttpFigures {
  readonly path: string;
  readonly encoding: string | null;
  /** bytes on the wire */
  readonly bytes: number;
  readonly convene: number;
  readonly bare: number;
}

/**
 * Requests per second for the board and schedule JSON and the board page: Convene serving the demo
 * event, next to a bare node:http server sending the same bytes (compressed alike) from memory. Each server runs in its own process;
 * the load comes from this one, over loopback, alternating servers round by round.
 */
export async function benchHttp(rounds: number, seconds: number): Promise<HttpFigures[]> {
  const convene = await startServer(['bench/serve-demo.ts']);
  const answers: Record<string, RecordedAnswer> = {};
  for (const target of targets) answers[target.path] = await record(convene.port, target);
  const file = join(mkdtempSync(join(tmpdir(), 'convene-bench-')), 'answers.json');
  writeFileSync(file, JSON.stringify(answers));
  const bare = await startServer(['bench/serve-bare.ts', file]);
  try {
    const figures: HttpFigures[] = [];
    for (const target of targets) {
      const ours: number[] = [];
      const theirs: number[] = [];
      await load(convene.port, target, 1);
      await load(bare.port, target, 1);
      for (let round = 0; round < rounds; round++) {
        ours.push(await load(convene.port, target, seconds));
        theirs.push(await load(bare.port, target, seconds));
      }
      const answer = answers[target.path] as RecordedAnswer;
      figures.push({
        path: target.path,
        encoding: answer.encoding,
        bytes: Buffer.from(answer.base64, 'base64').length,
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

/** One answer of the server, as it went over the wire (still compressed). */
function record(port: number, target: { path: string; acceptEncoding?: string }): Promise<RecordedAnswer> {
  const headers = target.acceptEncoding ? { 'accept-encoding': target.acceptEncoding } : {};
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: target.path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          type: String(response.headers['content-type']),
          encoding: response.headers['content-encoding'] ?? null,
          base64: Buffer.concat(chunks).toString('base64'),
        }),
      );
    }).on('error', reject);
  });
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

async function load(
  port: number,
  target: { path: string; acceptEncoding?: string },
  seconds: number,
): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${target.path}`,
    headers: target.acceptEncoding ? { 'accept-encoding': target.acceptEncoding } : {},
    connections: 32,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${target.path}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result.requests.average;
}
