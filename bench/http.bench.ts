import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type ServerProcess, startHttpProcess, startServerProcess } from '../test/support/server-process.ts';
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
  const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
  const servers: ServerProcess[] = [];
  try {
    const convene = await startServerProcess(
      { DATABASE_URL: `sqlite:${join(dir, 'demo.sqlite')}`, CONVENE_NOW: '2022-10-18T14:20:00Z' },
      ['--demo'],
    );
    servers.push(convene);
    const answers: Record<string, RecordedAnswer> = {};
    for (const target of targets) answers[target.path] = await record(convene.url, target);
    const file = join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    const bare = await startHttpProcess(
      ['--import', 'tsx', join(import.meta.dirname, 'serve-bare.ts'), file],
      {},
    );
    servers.push(bare);
    const figures: HttpFigures[] = [];
    for (const target of targets) {
      const ours: number[] = [];
      const theirs: number[] = [];
      await load(convene.url, target, 1);
      await load(bare.url, target, 1);
      for (let round = 0; round < rounds; round++) {
        ours.push(await load(convene.url, target, seconds));
        theirs.push(await load(bare.url, target, seconds));
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
    for (const server of servers) await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One answer of the server, as it went over the wire (still compressed). */
function record(url: string, target: { path: string; acceptEncoding?: string }): Promise<RecordedAnswer> {
  const headers = target.acceptEncoding ? { 'accept-encoding': target.acceptEncoding } : {};
  return new Promise((resolve, reject) => {
    get(`${url}${target.path}`, { headers }, (response) => {
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

async function load(
  url: string,
  target: { path: string; acceptEncoding?: string },
  seconds: number,
): Promise<number> {
  const result = await autocannon({
    url: `${url}${target.path}`,
    headers: target.acceptEncoding ? { 'accept-encoding': target.acceptEncoding } : {},
    connections: 32,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${target.path}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result.requests.average;
}
