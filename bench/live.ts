// npm run bench:live [-- --viewers N --updates M --processes K]
//
// Opens N Server-Sent Events viewers of the live board (loopback only, from K load processes),
// sets a team's "now" topic M times through the API, and reports how long each update took to
// reach each viewer (p50 / p99 / max) and the server's memory. The same viewers and updates are
// then run against a bare node:http SSE broadcaster, measured in the same run, as the baseline.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  runConvene,
  type ServerProcess,
  startHttpProcess,
  startServerProcess,
} from '../test/support/server-process.ts';
import { printTable } from './stats.ts';

const { values } = parseArgs({
  options: {
    viewers: { type: 'string', default: '10000' },
    updates: { type: 'string', default: '20' },
    processes: { type: 'string', default: '4' },
  },
});
const viewers = Math.min(Math.max(Number(values.viewers), 1), 20_000);
const updates = Math.min(Math.max(Number(values.updates), 1), 100);
const processes = Math.min(Math.max(Number(values.processes), 1), 16);
const gapMs = 500;
const benchDir = import.meta.dirname;
const stamp = () => (performance.timeOrigin + performance.now()).toFixed(3);

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function startViewers(): ChildProcess[] {
  const command = `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"`;
  return Array.from({ length: processes }, () =>
    spawn('sh', ['-c', command, process.execPath, '--import', 'tsx', join(benchDir, 'sse-viewers.ts')], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
}

function ask<T>(child: ChildProcess, message: unknown, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const listen = (reply: { type: string }) => {
      if (reply.type !== answer) return;
      child.off('message', listen);
      resolve(reply as T);
    };
    child.on('message', listen);
    child.send(message as object);
  });
}

interface Result {
  readonly name: string;
  readonly connected: number;
  readonly latencies: number[];
  readonly idleMb: number;
  readonly loadedMb: number;
}

async function measure(
  name: string,
  server: ServerProcess,
  path: string,
  firstAddress: number,
  publish: (sequence: number) => Promise<void>,
): Promise<Result> {
  const idleMb = rssMb(server.child.pid);
  const children = startViewers();
  const port = Number(new URL(server.url).port);
  const share = Math.ceil(viewers / processes);
  const readiness = await Promise.all(
    children.map((child, index) =>
      ask<{ ready: number; failed: number }>(
        child,
        {
          type: 'start',
          port,
          path,
          count: Math.max(Math.min(share, viewers - share * index), 0),
          // Each process connects from its own loopback address, so source ports never run out.
          localAddress: `127.0.0.${firstAddress + index}`,
        },
        'ready',
      ),
    ),
  );
  const connected = readiness.reduce((sum, found) => sum + found.ready, 0);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const loadedMb = rssMb(server.child.pid);
  for (let sequence = 1; sequence <= updates; sequence++) {
    await publish(sequence);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const collected = await Promise.all(
    children.map((child) => ask<{ latencies: number[] }>(child, { type: 'finish' }, 'latencies')),
  );
  return { name, connected, latencies: collected.flatMap((found) => found.latencies), idleMb, loadedMb };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(result: Result) {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    ...result,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    delivered: sorted.length,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
const env = {
  DATABASE_URL: `sqlite:${join(dir, 'convene.sqlite')}`,
  CONVENE_NOW: '2022-10-18T14:20:00Z',
  // Every viewer comes from loopback: one address holds them all.
  STREAMS_PER_ADDRESS: String(viewers),
  STREAMS_TOTAL: String(Math.max(viewers, 10_000)),
};
const servers: ServerProcess[] = [];
try {
  console.log(
    `Live board: ${viewers} SSE viewers from ${processes} processes, ${updates} updates ${gapMs} ms apart`,
  );
  const convene = await startServerProcess(env, ['--demo']);
  servers.push(convene);
  await runConvene(['user', 'add', 'bench@example.org', '--name', 'Bench', '--organizer'], env);
  const token = (await runConvene(['token', 'create', 'bench@example.org'], env)).trim().split('\n').at(-1);
  const board = await (await fetch(`${convene.url}/api/v1/events/oct2022-ptg/board`)).text();
  const conveneResult = await measure(
    'Convene stream',
    convene,
    '/api/v1/events/oct2022-ptg/stream?views=board',
    10,
    async (sequence) => {
      const response = await fetch(`${convene.url}/api/v1/events/oct2022-ptg/teams/nova/now`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: `bench-${sequence}-${stamp()}` }),
      });
      if (!response.ok) throw new Error(`the update was refused: ${await response.text()}`);
    },
  );
  await convene.stop();
  servers.pop();

  const bare = await startHttpProcess(['--import', 'tsx', join(benchDir, 'bare-sse-server.ts')], {
    BENCH_SNAPSHOT: board,
  });
  servers.push(bare);
  const row = JSON.parse(board).now[0] ?? {};
  const bareResult = await measure('bare node:http SSE', bare, '/stream', 60, async (sequence) => {
    const delta = {
      revision: sequence,
      lists: { now: { upsert: [{ ...row, text: `bench-${sequence}-${stamp()}` }] } },
    };
    await fetch(`${bare.url}/publish`, { method: 'POST', body: JSON.stringify(delta) });
  });

  const rows = [summary(conveneResult), summary(bareResult)];
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  printTable('Delivery of each update to every viewer', [
    ['server', 'viewers', 'delivered', 'p50', 'p99', 'max', 'memory (idle → with viewers)'],
    ...rows.map((found) => [
      found.name,
      String(found.connected),
      `${found.delivered}/${found.connected * updates}`,
      ms(found.p50),
      ms(found.p99),
      ms(found.max),
      `${found.idleMb.toFixed(0)} MB → ${found.loadedMb.toFixed(0)} MB`,
    ]),
  ]);
  const [ours, baseline] = rows as [ReturnType<typeof summary>, ReturnType<typeof summary>];
  console.log(
    `\nratio Convene / bare: p50 ${(ours.p50 / baseline.p50).toFixed(2)}, p99 ${(ours.p99 / baseline.p99).toFixed(2)}, memory per viewer ${(((ours.loadedMb - ours.idleMb) * 1024) / ours.connected).toFixed(1)} KB vs ${(((baseline.loadedMb - baseline.idleMb) * 1024) / baseline.connected).toFixed(1)} KB`,
  );
  console.log(
    `budget: p99 under 250 ms at ${viewers} viewers: ${ours.p99 < 250 && ours.delivered === ours.connected * updates && ours.connected === viewers ? 'met' : 'NOT met'}`,
  );
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
}
