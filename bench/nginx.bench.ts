import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hostPort, type Nginx, startNginx } from '../test/support/nginx.ts';
import { type ServerProcess, startServerProcess } from '../test/support/server-process.ts';
import { median } from './stats.ts';

const board = '/api/v1/events/oct2022-ptg/board';
const staticCopy = '/bench/board.json';

export interface NginxFigures {
  readonly bytes: number;
  /** requests per second for the board JSON, proxied to Convene */
  readonly proxied: number;
  /** requests per second for the same bytes, a file nginx serves itself */
  readonly file: number;
}

/**
 * The board JSON through the nginx configuration `convene deploy nginx` prints, next to the same
 * nginx sending the same bytes from a file: what the proxy hop and Convene cost over nginx alone.
 * Rounds alternate between the two.
 */
export async function benchNginx(rounds: number, seconds: number): Promise<NginxFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'convene-bench-nginx-'));
  let convene: ServerProcess | null = null;
  let nginx: Nginx | null = null;
  try {
    convene = await startServerProcess(
      { DATABASE_URL: `sqlite:${join(dir, 'demo.sqlite')}`, CONVENE_NOW: '2022-10-18T14:20:00Z' },
      ['--demo'],
    );
    const bytes = Buffer.from(await (await fetch(`${convene.url}${board}`)).arrayBuffer());
    // nginx's workers may run as another user: they must be able to read the file.
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'bench'), { mode: 0o755 });
    writeFileSync(join(dir, staticCopy), bytes, { mode: 0o644 });
    nginx = await startNginx([hostPort(convene.url)], (config) =>
      config.replace(
        '        # Pages, the JSON API and the feeds.',
        `        location = ${staticCopy} {\n            root ${dir};\n            default_type application/json;\n        }\n\n        # Pages, the JSON API and the feeds.`,
      ),
    );
    const url = nginx.url;
    const served = Buffer.from(await (await fetch(`${url}${staticCopy}`)).arrayBuffer());
    if (!served.equals(bytes)) throw new Error('nginx does not serve the board JSON file as it was written');
    const proxied: number[] = [];
    const file: number[] = [];
    await load(`${url}${board}`, 1);
    await load(`${url}${staticCopy}`, 1);
    for (let round = 0; round < rounds; round++) {
      proxied.push(await load(`${url}${board}`, seconds));
      file.push(await load(`${url}${staticCopy}`, seconds));
    }
    return { bytes: bytes.length, proxied: median(proxied), file: median(file) };
  } finally {
    await nginx?.stop();
    await convene?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function load(url: string, seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: 32, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return result.requests.average;
}
