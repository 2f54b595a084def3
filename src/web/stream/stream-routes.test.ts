import { beforeAll, describe, expect, it } from 'vitest';
import { applyViewPatch, openSse } from '../../../test/support/sse-client.ts';
import { freeCell, openTestSite, useTestSite } from '../../../test/support/web.ts';
import { viewLists } from './live-feeds.ts';

const site = useTestSite();
let base = '';
beforeAll(async () => {
  base = await site().app.listen({ port: 0, host: '127.0.0.1' });
});

const streamUrl = (query = '') => `${base}/api/v1/events/oct2022-ptg/stream${query}`;
const getJson = async (path: string) => (await fetch(`${base}/api/v1/events/oct2022-ptg${path}`)).json();
const post = (path: string, body: unknown) =>
  fetch(`${base}/api/v1/events/oct2022-ptg${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${site().token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const withoutTime = ({ at: _at, revision: _revision, ...rest }: Record<string, unknown>) => rest;

describe('GET /events/{event}/stream', () => {
  it('starts with a snapshot of the board and the schedule, as the JSON endpoints give them', async () => {
    const stream = await openSse(streamUrl());
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const first = await stream.next();
    const snapshot = JSON.parse(first.data);
    expect(first.event).toBe('snapshot');
    expect(first.id).toBe(String(snapshot.revision));
    expect(snapshot.board).toEqual(await getJson('/board'));
    expect(snapshot.schedule).toEqual(await getJson('/schedule'));
    stream.close();
  });

  it('sends a new topic as a small board delta that, applied, gives the board of GET /board', async () => {
    const stream = await openSse(streamUrl('?views=board'));
    const snapshot = JSON.parse((await stream.next()).data);
    expect((await post('/teams/nova/now', { text: 'Placement API cleanup' })).status).toBe(200);
    const message = await stream.next();
    const delta = JSON.parse(message.data);
    expect(message).toMatchObject({ event: 'board', id: String(snapshot.revision + 1) });
    expect(delta.lists.now.upsert).toEqual([
      expect.objectContaining({ team: 'nova', text: 'Placement API cleanup' }),
    ]);
    expect(message.data.length).toBeLessThan(1500);
    const board = applyViewPatch(snapshot.board, delta, viewLists.board);
    expect(withoutTime(board)).toEqual(withoutTime(await getJson('/board')));
    stream.close();
  });

  it('sends schedule deltas only to viewers of the schedule when a cell is booked', async () => {
    const boardOnly = await openSse(streamUrl('?views=board'));
    const scheduleOnly = await openSse(streamUrl('?views=schedule'));
    const snapshot = JSON.parse((await scheduleOnly.next()).data);
    await boardOnly.next();
    const cell = freeCell(snapshot.schedule, 'nova');
    const booking = { team: 'nova', room: cell.room, slot: cell.slot, override: true };
    expect((await post('/bookings', booking)).status).toBe(201);
    const message = await scheduleOnly.next();
    expect(message.event).toBe('schedule');
    const schedule = applyViewPatch(snapshot.schedule, JSON.parse(message.data), viewLists.schedule);
    expect(withoutTime(schedule)).toEqual(withoutTime(await getJson('/schedule')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(boardOnly.pending()).toBe(0);
    boardOnly.close();
    scheduleOnly.close();
  });

  it('replays only what a reconnecting viewer missed, given Last-Event-ID', async () => {
    const first = await openSse(streamUrl('?views=board'));
    const seen = (await first.next()).id!;
    first.close();
    await post('/teams/cinder/now', { text: 'Missed while away' });
    const again = await openSse(streamUrl('?views=board'), { 'last-event-id': seen });
    const message = await again.next();
    expect(message.event).toBe('board');
    expect(Number(message.id)).toBe(Number(seen) + 1);
    expect(message.data).toContain('Missed while away');
    again.close();
  });

  it('resynchronises with a fresh snapshot when the Last-Event-ID is unknown', async () => {
    const stream = await openSse(streamUrl('?views=board&last_event_id=99999'));
    expect((await stream.next()).event).toBe('snapshot');
    stream.close();
  });

  it('pushes the board again when time moves past a slot boundary, with an id after the revision', async () => {
    const stream = await openSse(streamUrl('?views=board'));
    const snapshot = await stream.next();
    site().clock.set('2022-10-18T15:00:30Z');
    const eventId = (await site().runtime.models.get('oct2022-ptg'))!.event.id;
    site().app.liveFeeds.tick(eventId);
    const message = await stream.next();
    expect(message.id).toBe(`${snapshot.id}.1`);
    expect(JSON.parse(message.data).set.current_slot).toMatchObject({ code: 'tue15' });
    stream.close();
  });

  it('refuses an unknown event (404) and unknown views (400) as JSON', async () => {
    const missing = await fetch(`${base}/api/v1/events/nope/stream`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('unknown_event');
    const bad = await fetch(streamUrl('?views=gossip'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_input');
  });
});

describe('shutting down with open streams', () => {
  it('closes the server at once, ending every open stream', async () => {
    const other = await openTestSite();
    const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`${url}/api/v1/events/oct2022-ptg/stream`);
    await stream.next();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2000);
    stream.close();
  });
});
