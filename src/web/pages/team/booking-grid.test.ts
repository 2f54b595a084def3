import { beforeAll, describe, expect, it } from 'vitest';
import type { FormClient } from '../../../../test/support/form-client.ts';
import { textOf } from '../../../../test/support/form-client.ts';
import { signedInClient } from '../../../../test/support/people.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import { addUser, setModeratorByEmail } from '../../../app/people.ts';
import { systemActor } from '../../../core/model/actor.ts';

/**
 * The booking grid's form over HTTP, on the demo standing on Tuesday: organisers set the rules
 * aside only with a reason, which the console then shows; moderators cannot; clash warnings show
 * before booking (on each hour) and after (for the booked hours).
 */
const E = '/events/oct2022-ptg';
const manage = `${E}/teams/nova/manage`;
const site = useTestSite();
let organiser: FormClient;
let moderator: FormClient;
let tiedTeam = '';

beforeAll(async () => {
  const { runtime } = site();
  organiser = (await signedInClient(site(), 'boss@example.org', { organizer: true })).client;
  moderator = (await signedInClient(site(), 'nia@example.org')).client;
  await setModeratorByEmail(
    runtime,
    { actor: systemActor, source: 'cli' },
    { event: 'oct2022-ptg', team: 'nova', email: 'nia@example.org', moderator: true },
  );
  // Three people follow nova and the team meeting beside it on Wednesday at 13:00.
  const state = (await runtime.models.get('oct2022-ptg'))!;
  const nova = state.teams.find((team) => team.slug === 'nova')!;
  const wed13 = state.slots.find((slot) => slot.code === 'wed13')!;
  const beside = state.bookings.find((booking) => booking.slotId === wed13.id && booking.teamId !== nova.id)!;
  tiedTeam = state.teams.find((team) => team.id === beside.teamId)!.slug;
  for (const n of [1, 2, 3]) {
    const person = await addUser(runtime, { email: `fan${n}@example.org`, name: `Fan ${n}` });
    if (!person.ok) throw new Error(person.refusal.message);
    for (const teamId of [nova.id, beside.teamId])
      await runtime.store.followTeam(person.value.id, teamId, state.event.startsOn);
  }
});

const overridableCell = async (client: FormClient) => {
  const page = await client.get(`${manage}?day=2022-10-21`);
  return /class="cell cell--pick cell--override"[^>]*>\s*<label class="cell__pick"><input type="checkbox" name="cell" value="([^"]+)"/.exec(
    page.html,
  )?.[1];
};
const stored = async () => (await site().runtime.models.get('oct2022-ptg'))!.revision;

describe('the booking grid', () => {
  it('warns before booking, on each hour, and after, for the hours booked, of teams sharing people', async () => {
    const text = textOf((await moderator.get(`${manage}?day=2022-10-19`)).html);
    const warning = `3 people who follow nova also follow ${tiedTeam}, which meets then (wed13)`;
    expect(text).toContain(`${tiedTeam} also meets then: ${warning}.`);
    expect(text).toContain(
      `Who else meets in your hours 3 people who follow nova also follow ${tiedTeam}, which meets then (`,
    );
  });

  it('offers organisers the cells over a team’s limits, and books them only with a reason', async () => {
    expect(await overridableCell(moderator)).toBeUndefined();
    const cell = await overridableCell(organiser);
    expect(cell).toMatch(/-fri\d\d$/);
    const before = await stored();
    const refused = await organiser.post(`${manage}/book-range`, {
      cell: cell!,
      day: '2022-10-21',
      override: 'yes',
      reason: '',
    });
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain(
      'Say why the rules are set aside: the reason is kept with the bookings.',
    );
    expect(await stored()).toBe(before);
    const booked = await organiser.post(`${manage}/book-range`, {
      cell: cell!,
      day: '2022-10-21',
      override: 'yes',
      reason: 'Joint session agreed with the TC',
    });
    expect(booked.location).toBe(`${manage}?done=book-range&day=2022-10-21`);
    const console = textOf((await organiser.get(`${E}/organise/bookings`)).html);
    expect(console).toContain(`${cell} nova Joint session agreed with the TC`);
    expect(console).toContain('Book for nova');
  });

  it('lets organisers release an hour that has started, keeping their reason, and offers it to nobody else', async () => {
    const { runtime } = site();
    const state = (await runtime.models.get('oct2022-ptg'))!;
    const nova = state.teams.find((team) => team.slug === 'nova')!;
    const mon14 = state.slots.find((slot) => slot.code === 'mon14')!;
    const started = state.bookings.find(
      (booking) => booking.teamId === nova.id && booking.slotId === mon14.id,
    )!;
    expect((await moderator.get(manage)).html).not.toContain('Release anyway');
    expect((await organiser.get(manage)).html).toContain('Release anyway');
    const released = await organiser.post(`${manage}/unbook`, {
      booking: started.id,
      override: 'yes',
      reason: 'Booked by mistake on import',
    });
    expect(released.location).toBe(`${manage}?done=unbook`);
    const document = await runtime.store.exportEvent(state.event.id);
    expect(document?.bookings.find((booking) => booking.id === started.id)?.cancelReason).toBe(
      'Booked by mistake on import',
    );
  });

  it('refuses a moderator who sends the override anyway (forbidden), storing nothing', async () => {
    const before = await stored();
    const page = await moderator.post(`${manage}/book-range`, {
      cell: 'bexar-fri21',
      day: '2022-10-21',
      override: 'yes',
      reason: 'please',
    });
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain('Only organisers can set the booking limits aside.');
    expect(await stored()).toBe(before);
  });
});
