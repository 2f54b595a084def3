import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithIrcServer, TestIrcServer } from '../../../test/support/irc-server.ts';
import { type ServerProcess, startServerProcess } from '../../../test/support/server-process.ts';

const metricsToken = 'a-metrics-token-of-some-length';

describeWithIrcServer('GET /metrics of a server running the IRC bot', () => {
  let irc: TestIrcServer;
  let server: ServerProcess;
  const dir = mkdtempSync(join(tmpdir(), 'convene-irc-metrics-'));

  beforeAll(async () => {
    irc = await TestIrcServer.start();
    server = await startServerProcess(
      {
        DATABASE_URL: `sqlite:${join(dir, 'convene.sqlite')}`,
        METRICS_TOKEN: metricsToken,
        IRC_SERVER: '127.0.0.1',
        IRC_PORT: String(irc.port),
        IRC_TLS: 'false',
        IRC_CHANNEL: '#ptg',
      },
      ['--demo'],
    );
  });

  afterAll(async () => {
    await server?.stop();
    await irc?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The IRC bot's two gauges, as scraped. */
  const ircFigures = async () => {
    const response = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    const families = parsePrometheusTextFormat(await response.text());
    const value = (name: string) =>
      Number(families.find((family) => family.name === name)?.metrics[0]?.value ?? Number.NaN);
    return [value('convene_irc_connected'), value('convene_irc_outbox_waiting')];
  };

  it('shows the bot in its channel (2) with an empty outbox, and not connected (0) while the IRC server is down', async () => {
    await expect.poll(ircFigures, { timeout: 30_000, interval: 250 }).toEqual([2, 0]);
    await irc.stop();
    await expect.poll(async () => (await ircFigures())[0], { timeout: 30_000, interval: 250 }).toBe(0);
  });
});
