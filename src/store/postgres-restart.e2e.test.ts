import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithPostgresServer,
  type PrivatePostgres,
  startPrivatePostgres,
} from '../../test/support/private-postgres.ts';
import { runConvene, type ServerProcess, startServerProcess } from '../../test/support/server-process.ts';

const event = '/api/v1/events/oct2022-ptg';

interface Answer {
  readonly status: number;
  readonly code: string | null;
  readonly retryAfter: string | null;
  readonly bookingId: string | null;
}

describeWithPostgresServer('two instances while their PostgreSQL server restarts', () => {
  let postgres: PrivatePostgres;
  let a: ServerProcess;
  let b: ServerProcess;
  let token = '';

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const env = { DATABASE_URL: postgres.url, CONVENE_NOW: '2022-10-18T14:20:00Z' };
    a = await startServerProcess(env, ['--demo']);
    b = await startServerProcess(env, ['--demo']);
    await runConvene(['user', 'add', 'olive@example.org', '--name', 'Olive', '--organizer'], env);
    token = (await runConvene(['token', 'create', 'olive@example.org'], env)).trim().split('\n').at(-1) ?? '';
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await postgres?.stop();
  });

  const send = async (
    server: ServerProcess,
    method: string,
    path: string,
    body: unknown,
  ): Promise<Answer> => {
    const response = await fetch(`${server.url}${event}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { error?: { code: string }; booking?: { id: string } };
    return {
      status: response.status,
      code: json.error?.code ?? null,
      retryAfter: response.headers.get('retry-after'),
      bookingId: json.booking?.id ?? null,
    };
  };
  const read = async (server: ServerProcess, path: string) =>
    (await fetch(`${server.url}${event}${path}`)).json();

  it('keeps both processes up, answers 503 rather than 500, loses no acknowledged booking and resumes cross-instance updates', async () => {
    const schedule = await read(a, '/schedule');
    const teams: string[] = (await read(a, '/teams')).teams.map((team: { slug: string }) => team.slug);
    // Free cells from the demo's now on, each given a team not already meeting in that slot.
    const wanted: { team: string; room: string; slot: string }[] = [];
    for (const slot of schedule.slots) {
      if (slot.start <= '2022-10-18T15:00:00Z') continue;
      const inSlot = schedule.bookings.filter((booking: { slot: string }) => booking.slot === slot.id);
      const free = schedule.rooms.filter(
        (room: { slug: string }) =>
          !inSlot.some((booking: { room: string }) => booking.room === room.slug) &&
          !schedule.unavailable.some(
            (cell: { room: string; slot: string }) => cell.room === room.slug && cell.slot === slot.id,
          ),
      );
      const idle = teams.filter((team) => !inSlot.some((booking: { team: string }) => booking.team === team));
      free.forEach((room: { slug: string }, index: number) => {
        const team = idle[index];
        if (team) wanted.push({ team, room: room.slug, slot: slot.code });
      });
    }
    expect(wanted.length).toBeGreaterThan(20);

    const answers: Answer[] = [];
    let restarted = false;
    let topic = 0;
    const worker = async (index: number) => {
      for (let turn = 0; !restarted || wanted.length > 0; turn++) {
        const server = (index + turn) % 2 === 0 ? a : b;
        const next = wanted.shift();
        answers.push(
          next
            ? await send(server, 'POST', '/bookings', { ...next, override: true })
            : await send(server, 'POST', '/teams/nova/now', { text: `Topic ${++topic}` }),
        );
      }
    };
    const restarts = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await postgres.restart();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await postgres.restart();
      await new Promise((resolve) => setTimeout(resolve, 500));
      restarted = true;
    })();
    await Promise.all([restarts, ...Array.from({ length: 8 }, (_, index) => worker(index))]);

    expect([a.child.exitCode, b.child.exitCode]).toEqual([null, null]);
    const failed = answers.filter((answer) => answer.status >= 500);
    expect(failed.filter((answer) => answer.status !== 503 || answer.code !== 'unavailable')).toEqual([]);
    expect(failed.every((answer) => Number(answer.retryAfter) > 0)).toBe(true);
    const acknowledged = answers.flatMap((answer) => (answer.status === 201 ? [answer.bookingId] : []));
    expect(acknowledged.length).toBeGreaterThan(0);

    // Every acknowledged booking is in the database, and each instance's schedule comes to show it.
    for (const server of [a, b]) {
      await expect
        .poll(
          async () => {
            const ids = new Set(
              (await read(server, '/schedule')).bookings.map((booking: { id: string }) => booking.id),
            );
            return acknowledged.filter((id) => !ids.has(id));
          },
          { timeout: 15_000, interval: 250 },
        )
        .toEqual([]);
    }

    // A topic set through one instance reaches the other.
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const text = `After the restarts, from ${from.url}`;
      expect((await send(from, 'POST', '/teams/nova/now', { text })).status).toBe(200);
      await expect
        .poll(
          async () =>
            (await read(to, '/board')).now.find((entry: { team: string }) => entry.team === 'nova')?.text,
          { timeout: 10_000, interval: 100 },
        )
        .toBe(text);
    }
  }, 180_000);
});
