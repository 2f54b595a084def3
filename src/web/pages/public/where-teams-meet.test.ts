import { describe, expect, it } from 'vitest';
import { textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { freeCell, useTestSite } from '../../../../test/support/web.ts';
import { registerForEvent } from '../../../app/registrations.ts';
import { addMinutes } from '../../../core/model/instant.ts';

const site = useTestSite();
const E = '/events/oct2022-ptg';
const organiser = { actor: { userId: null, name: 'Convene', isOrganizer: true }, source: 'api' } as const;

/** Books tc, a team with no video link of its own, a day ahead, and moves the clock into that hour. */
async function tcMeetingQuietly(): Promise<{ room: string; roomName: string }> {
  const schedule = (await site().app.inject({ url: `/api/v1${E}/schedule` })).json();
  const cell = freeCell(schedule, 'tc', addMinutes(site().clock.now(), 24 * 60));
  const booked = await site().ops.bookSlot('oct2022-ptg', organiser, {
    team: 'tc',
    room: cell.room,
    slot: cell.slot,
    // tc's caps may be spent on the day of the free cell, which is not what this is about.
    override: true,
    reason: 'test',
  });
  expect(booked.ok ? 'booked' : booked.refusal.message).toBe('booked');
  const start = schedule.slots.find((slot: { id: string }) => slot.id === cell.slotId).start;
  site().clock.set(addMinutes(start, 10));
  const room = schedule.rooms.find((candidate: { slug: string }) => candidate.slug === cell.room);
  return { room: cell.room, roomName: room.name };
}

describe('where a team meets, on every page', () => {
  it('shows a team meeting without a topic on the board, and the team page, its week and the room page agree on the room', async () => {
    const { room, roomName } = await tcMeetingQuietly();
    const board = textOf((await site().app.inject({ url: `${E}/board` })).body);
    expect(board).toContain(`OpenStack Technical Committee in ${roomName} — no topic posted yet`);
    const json = (await site().app.inject({ url: `/api/v1${E}/board` })).json();
    expect(json.meeting_without_topic).toContainEqual(
      expect.objectContaining({ team: 'tc', name: 'OpenStack Technical Committee', room }),
    );
    const teamPage = (await site().app.inject({ url: `${E}/teams/tc` })).body;
    expect(textOf(teamPage)).toMatch(new RegExp(`Meeting until [^.]+ in ${roomName} \\.`));
    const liveRow = teamPage.slice(teamPage.indexOf('class="is-now"'));
    expect(liveRow.slice(0, liveRow.indexOf('</tr>'))).toContain(`/rooms/${room}"`);
    const roomPage = (await site().app.inject({ url: `${E}/rooms/${room}` })).body;
    const now = roomPage.slice(roomPage.indexOf('<h2>Now</h2>'), roomPage.indexOf('<h2>Next</h2>'));
    expect(now).toContain(`${E}/teams/tc"`);
  });

  it('offers Join from the board to registered attendees when room links are for attendees, and a way to register to others', async () => {
    const { roomName } = await tcMeetingQuietly();
    const hidden = await site().ops.updateEvent('oct2022-ptg', organiser, { attendeeOnlyRoomLinks: true });
    expect(hidden.ok).toBe(true);
    const card = (html: string) => {
      const at = html.indexOf('id="now-tc"');
      return html.slice(at, html.indexOf('</li>', at));
    };
    const anonymous = card((await site().app.inject({ url: `${E}/board` })).body);
    expect(textOf(anonymous)).toContain('Register to join OpenStack Technical Committee');
    expect(anonymous).toContain(`href="${E}/register"`);
    expect(anonymous).not.toContain('class="button"');

    const { client, user } = await signedInClient(site(), 'reg@example.org');
    const state = await site().runtime.models.get('oct2022-ptg');
    if (!state) throw new Error('no event');
    const registered = await registerForEvent(
      site().runtime,
      { actor: { userId: user.id, name: user.name, isOrganizer: false }, source: 'web' },
      state,
      {
        name: 'Reg',
        role: 'contributor',
        affiliation: '',
        country: '',
        timeZone: 'UTC',
        ircNick: '',
        teamsOfInterest: [],
        listedInFindPeople: false,
        acceptCodeOfConduct: true,
        codeOfConductVersion: state.event.codeOfConduct.version,
      },
    );
    expect(registered.ok).toBe(true);
    const theirs = card((await client.get(`${E}/board`)).html);
    const roomUrl = state.rooms.find((candidate) => candidate.name === roomName)?.url;
    expect(roomUrl).toBeTruthy();
    expect(theirs).toContain(`<a class="button" href="${roomUrl}"`);
    expect(textOf(theirs)).not.toContain('Register to join');
  });
});
