import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeWithPostgres } from '../../../test/support/postgres.ts';
import { runConvene, type ServerProcess, startServerProcess } from '../../../test/support/server-process.ts';
import { openSse } from '../../../test/support/sse-client.ts';
import { freeCell } from '../../../test/support/web.ts';

describeWithPostgres('two server processes on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let token = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, CONVENE_NOW: '2022-10-18T14:20:00Z' };
    // One instance loads the demo first; the second finds it there.
    a = await startServerProcess(env, ['--demo']);
    b = await startServerProcess(env, ['--demo']);
    await runConvene(['user', 'add', 'olive@example.org', '--name', 'Olive', '--organizer'], env);
    token = (await runConvene(['token', 'create', 'olive@example.org'], env)).trim().split('\n').at(-1) ?? '';
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  const write = (server: ServerProcess, path: string, body: unknown) =>
    fetch(`${server.url}/api/v1/events/oct2022-ptg${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('delivers a topic set through instance A to a viewer of instance B, as the next revision', async () => {
    const viewer = await openSse(`${b.url}/api/v1/events/oct2022-ptg/stream?views=board`);
    const snapshot = await viewer.next();
    expect((await write(a, '/teams/nova/now', { text: 'Placement API cleanup' })).status).toBe(200);
    const message = await viewer.next(5000);
    expect(message.event).toBe('board');
    expect(Number(message.id)).toBe(Number(snapshot.id) + 1);
    expect(JSON.parse(message.data).lists.now.upsert).toEqual([
      expect.objectContaining({ team: 'nova', text: 'Placement API cleanup' }),
    ]);
    viewer.close();
  });

  it('delivers a booking made through instance B to a schedule viewer of instance A', async () => {
    const viewer = await openSse(`${a.url}/api/v1/events/oct2022-ptg/stream?views=schedule`);
    const snapshot = JSON.parse((await viewer.next()).data);
    const cell = freeCell(snapshot.schedule, 'cinder');
    const booked = await write(b, '/bookings', {
      team: 'cinder',
      room: cell.room,
      slot: cell.slot,
      override: true,
    });
    expect(booked.status).toBe(201);
    const message = await viewer.next(5000);
    expect(message.event).toBe('schedule');
    expect(JSON.parse(message.data).lists.bookings.upsert).toEqual([
      expect.objectContaining({ team: 'cinder', room: cell.room, slot_code: cell.slot }),
    ]);
    viewer.close();
  });
});
