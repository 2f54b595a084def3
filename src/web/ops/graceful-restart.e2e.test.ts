import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchBrowser } from '../../../test/support/browser.ts';
import { describeWithNginx, hostPort, type Nginx, startNginx } from '../../../test/support/nginx.ts';
import { createTestDatabase, describeWithPostgres } from '../../../test/support/postgres.ts';
import { runConvene, type ServerProcess, startServerProcess } from '../../../test/support/server-process.ts';

const event = '/events/oct2022-ptg';

describeWithNginx('a graceful restart', () => {
  describeWithPostgres('on PostgreSQL', () => {
    describeWithBrowser('in Chromium', () => {
      let database: Awaited<ReturnType<typeof createTestDatabase>>;
      let env: Record<string, string>;
      const servers: ServerProcess[] = [];
      let nginx: Nginx;
      let browser: Browser;
      let token = '';

      beforeAll(async () => {
        database = await createTestDatabase();
        env = { DATABASE_URL: database.url, CONVENE_NOW: '2022-10-18T14:20:00Z', TRUST_PROXY: '127.0.0.1' };
        servers.push(await startServerProcess(env, ['--demo']), await startServerProcess(env, ['--demo']));
        await runConvene(['user', 'add', 'olive@example.org', '--name', 'Olive', '--organizer'], env);
        token =
          (await runConvene(['token', 'create', 'olive@example.org'], env)).trim().split('\n').at(-1) ?? '';
        nginx = await startNginx(servers.map((server) => hostPort(server.url)));
        browser = await launchBrowser();
      }, 120_000);

      afterAll(async () => {
        await browser?.close();
        await nginx?.stop();
        await Promise.all(servers.map((server) => server.stop()));
        await database?.drop();
      });

      it('restarts one of two instances during an update burst: every board catches up without a reload, no acknowledged write is lost', async () => {
        const teams: string[] = (await (await fetch(`${nginx.url}/api/v1${event}/teams`)).json()).teams
          .slice(0, 3)
          .map((team: { slug: string }) => team.slug);
        const pages: Page[] = [];
        for (let index = 0; index < 4; index++) {
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.goto(`${nginx.url}${event}/board`);
          await page.locator('#live-status').waitFor({ state: 'visible' });
          await page.evaluate(() => {
            (window as unknown as { notReloaded: boolean }).notReloaded = true;
          });
          pages.push(page);
        }

        const acknowledged: string[] = [];
        const latest = new Map<string, string>();
        let writing = true;
        let sent = 0;
        const writer = async () => {
          while (writing) {
            sent += 1;
            const team = teams[sent % teams.length] as string;
            const text = `Burst update ${sent}`;
            const response = await fetch(`${nginx.url}/api/v1${event}/teams/${team}/now`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ text }),
            }).catch(() => null);
            if (response?.status === 200) {
              acknowledged.push(text);
              latest.set(team, text);
            }
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        const writers = Promise.all([writer(), writer()]);
        await new Promise((resolve) => setTimeout(resolve, 1000));

        const stopping = servers[0] as ServerProcess;
        const stopStarted = Date.now();
        await stopping.stop();
        const stopMs = Date.now() - stopStarted;
        servers[0] = await startServerProcess({ ...env, PORT: new URL(stopping.url).port }, ['--demo']);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        writing = false;
        await writers;

        expect(stopMs).toBeLessThan(8000);
        expect(acknowledged.length).toBeGreaterThan(20);
        for (const page of pages) {
          for (const [team, text] of latest) {
            await page
              .locator(`#now-${team} .card__topic`)
              .getByText(text, { exact: true })
              .waitFor({ timeout: 5000 });
          }
          expect(
            await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
          ).toBe(true);
        }
        const history = JSON.parse(await runConvene(['export', 'oct2022-ptg'], env)) as {
          revisions: { changes: { type: string; topic?: { text: string } }[] }[];
        };
        const recorded = new Set(
          history.revisions.flatMap((revision) => revision.changes.map((change) => change.topic?.text ?? '')),
        );
        expect(acknowledged.filter((text) => !recorded.has(text))).toEqual([]);
      }, 120_000);
    });
  });
});
