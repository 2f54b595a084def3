import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../test/support/cli.ts';
import { startServerProcess } from '../../test/support/server-process.ts';

describe('the demo as `npm start` loads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convene-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts `convene serve --demo` on a new SQLite file, stops it, and exports the demo event. */
  const startedOnce = async (name: string): Promise<string> => {
    const env = { DATABASE_URL: `sqlite:${join(dir, `${name}.sqlite`)}` };
    const server = await startServerProcess(env, ['--demo']);
    await server.stop();
    const exported = await runCliInProcess(env, ['export', 'oct2022-ptg']);
    expect(exported.code).toBe(0);
    return exported.out;
  };

  it('is the same event, byte for byte, in two fresh databases started at different moments', {
    timeout: 300_000,
  }, async () => {
    const first = await startedOnce('first');
    // Long enough for the second start to fall in another second of the running demo clock.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await startedOnce('second');
    expect(JSON.parse(first).event.slug).toBe('oct2022-ptg');
    expect(second).toBe(first);
  });
});
