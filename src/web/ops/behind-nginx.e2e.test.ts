import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithNginx, hostPort, type Nginx, startNginx } from '../../../test/support/nginx.ts';
import { createTestDatabase, describeWithPostgres } from '../../../test/support/postgres.ts';
import { runConvene, type ServerProcess, startServerProcess } from '../../../test/support/server-process.ts';
import { openSse } from '../../../test/support/sse-client.ts';

/** A POST from a chosen loopback address, as if from another visitor. */
function postFrom(localAddress: string, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    sent.on('error', reject);
    sent.end('email=someone%40example.org');
  });
}

describeWithNginx('behind nginx', () => {
  describeWithPostgres(
    'two instances on one PostgreSQL behind the nginx configuration Convene prints',
    () => {
      let database: Awaited<ReturnType<typeof createTestDatabase>>;
      let a: ServerProcess;
      let b: ServerProcess;
      let nginx: Nginx;
      let token = '';

      beforeAll(async () => {
        database = await createTestDatabase();
        const env = {
          DATABASE_URL: database.url,
          CONVENE_NOW: '2022-10-18T14:20:00Z',
          TRUST_PROXY: '127.0.0.1',
          RATE_LIMIT_SIGNIN: '2',
        };
        a = await startServerProcess(env, ['--demo']);
        b = await startServerProcess(env, ['--demo']);
        await runConvene(['user', 'add', 'olive@example.org', '--name', 'Olive', '--organizer'], env);
        token =
          (await runConvene(['token', 'create', 'olive@example.org'], env)).trim().split('\n').at(-1) ?? '';
        nginx = await startNginx([hostPort(a.url), hostPort(b.url)]);
      }, 120_000);

      afterAll(async () => {
        await nginx?.stop();
        await Promise.all([a?.stop(), b?.stop()]);
        await database?.drop();
      });

      it('serves pages, JSON and feeds through the proxy, compressed, with versioned assets cached for a year', async () => {
        const gzip = { 'accept-encoding': 'gzip' };
        const page = await fetch(`${nginx.url}/events/oct2022-ptg/board`, { headers: gzip });
        expect([page.status, page.headers.get('content-type'), page.headers.get('content-encoding')]).toEqual(
          [200, 'text/html; charset=utf-8', 'gzip'],
        );
        const html = await page.text();
        const json = await fetch(`${nginx.url}/api/v1/events/oct2022-ptg/board`, { headers: gzip });
        expect([json.status, json.headers.get('content-encoding')]).toEqual([200, 'gzip']);
        expect(await json.json()).toMatchObject({ now: expect.any(Array), next: expect.any(Array) });
        for (const feed of ['calendar.ics', 'schedule.xml', 'schedule.json', 'ptg.json']) {
          const response = await fetch(`${nginx.url}/events/oct2022-ptg/${feed}`);
          expect([feed, response.status]).toEqual([feed, 200]);
          expect((await response.text()).length).toBeGreaterThan(100);
        }
        const asset = /(\/assets\/[a-z-]+\.css\?v=[\w-]+)/.exec(html)?.[1];
        expect(asset).toBeDefined();
        const styles = await fetch(`${nginx.url}${asset}`);
        expect(styles.status).toBe(200);
        expect(styles.headers.get('cache-control')).toContain('max-age=31536000');
      });

      it('carries a change made through either instance to a live board opened through the proxy within a second', async () => {
        const viewer = await openSse(`${nginx.url}/api/v1/events/oct2022-ptg/stream?views=board`);
        expect((await viewer.next(5000)).event).toBe('snapshot');
        for (const [server, text] of [
          [a, 'Placement API cleanup'],
          [b, 'Cells v3 planning'],
        ] as const) {
          const started = Date.now();
          const written = await fetch(`${server.url}/api/v1/events/oct2022-ptg/teams/nova/now`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ text }),
          });
          expect(written.status).toBe(200);
          const message = await viewer.next(1000);
          expect(Date.now() - started).toBeLessThan(1000);
          expect(JSON.parse(message.data).lists.now.upsert).toEqual([
            expect.objectContaining({ team: 'nova', text }),
          ]);
        }
        viewer.close();
      });

      it('counts rate limits per visitor, not per proxy: one visitor held back leaves another free', async () => {
        const signin = `${nginx.url}/signin`;
        const fromOne: number[] = [];
        for (let attempt = 0; attempt < 8; attempt++) fromOne.push(await postFrom('127.0.0.2', signin));
        expect(fromOne).toContain(429);
        expect(await postFrom('127.0.0.3', signin)).not.toBe(429);
      });
    },
  );
});
