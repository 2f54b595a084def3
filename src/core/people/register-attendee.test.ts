import { describe, expect, it } from 'vitest';
import { attendee, buildEventState, ctxOf } from '../../../test/support/builders.ts';
import type { Registration } from '../model/registration.ts';
import {
  acceptCodeOfConduct,
  attendeeStanding,
  checkAttendee,
  type RegistrationInput,
  registerAttendee,
} from './register-attendee.ts';
import { roomLinksVisible } from './room-links.ts';

const state = buildEventState();
const at = '2022-10-05T08:00:00Z';
const form: RegistrationInput = {
  name: 'Ada Attendee',
  role: 'operator',
  affiliation: 'Example Cloud',
  country: 'fr',
  timeZone: 'Europe/Paris',
  ircNick: 'ada',
  teamsOfInterest: ['nova', 'tc'],
  listedInFindPeople: true,
  acceptCodeOfConduct: true,
  codeOfConductVersion: '1',
};
const register = (overrides: Partial<RegistrationInput> = {}, existing: Registration | null = null) =>
  registerAttendee(state, existing, { ...form, ...overrides }, ctxOf(attendee, at));

describe('registerAttendee', () => {
  it('records the role, affiliation, country and the accepted Code of Conduct version and time', () => {
    const ids = (slug: string) => state.teams.find((team) => team.slug === slug)?.id;
    expect(register()).toEqual({
      ok: true,
      value: {
        registration: {
          eventId: state.event.id,
          userId: 'user-attendee',
          role: 'operator',
          affiliation: 'Example Cloud',
          country: 'FR',
          cocVersion: '1',
          cocAcceptedAt: at,
          registeredAt: at,
          updatedAt: at,
        },
        profile: { name: 'Ada Attendee', ircNick: 'ada', timeZone: 'Europe/Paris' },
        teamIds: [ids('nova'), ids('tc')],
        listedInFindPeople: true,
      },
    });
  });

  it('blocks registration until the Code of Conduct shown is accepted (coc_required)', () => {
    expect(register({ acceptCodeOfConduct: false })).toEqual({
      ok: false,
      refusal: {
        code: 'coc_required',
        message: 'Read and accept the Code of Conduct (version 1) to register.',
      },
    });
    expect(register({ codeOfConductVersion: '0' })).toMatchObject({ refusal: { code: 'coc_required' } });
  });

  it('keeps the first registration time and acceptance when the attendee edits it', () => {
    const first = register();
    if (!first.ok) throw new Error('expected a registration');
    const later = registerAttendee(
      state,
      first.value.registration,
      { ...form, role: 'contributor' },
      ctxOf(attendee, '2022-10-06T00:00:00Z'),
    );
    expect(later).toMatchObject({
      ok: true,
      value: {
        registration: {
          role: 'contributor',
          registeredAt: at,
          cocAcceptedAt: at,
          updatedAt: '2022-10-06T00:00:00Z',
        },
      },
    });
  });

  it.each([
    [{ name: '' }, 'The name is empty.'],
    [{ role: 'boss' }, 'Choose the role that fits you best.'],
    [{ country: 'XX' }, 'Choose a country from the list, or leave it empty.'],
    [{ timeZone: 'Mars/Olympus' }, '"Mars/Olympus" is not a time zone such as Europe/Paris.'],
    [{ ircNick: '<script>' }, '"<script>" is not an IRC nick: letters, digits and _-[]{}|^` only, up to 30.'],
    [{ affiliation: 'a'.repeat(201) }, 'The affiliation is too long: at most 200 characters.'],
    [{ teamsOfInterest: ['pending'] }, '"pending" is not a team on the official list.'],
  ])('refuses %j (invalid_input)', (overrides, message) => {
    expect(register(overrides)).toEqual({ ok: false, refusal: { code: 'invalid_input', message } });
  });

  it('refuses anyone not signed in (unauthenticated)', () => {
    expect(registerAttendee(state, null, form, ctxOf(null))).toMatchObject({
      refusal: { code: 'unauthenticated' },
    });
  });
});

describe('the Code of Conduct after a new version', () => {
  const registered = register();
  if (!registered.ok) throw new Error('expected a registration');
  const registration = registered.value.registration;
  const newVersion = { ...state.event, codeOfConduct: { ...state.event.codeOfConduct, version: '2' } };

  it('puts a registered attendee back behind the new version until they accept it', () => {
    expect(attendeeStanding(state.event, registration)).toBe('registered');
    expect(attendeeStanding(newVersion, registration)).toBe('coc-outdated');
    expect(attendeeStanding(newVersion, null)).toBe('unregistered');
    expect(checkAttendee(newVersion, registration)).toEqual({
      code: 'coc_required',
      message: 'The Code of Conduct of Test PTG has a new version (2); read it and accept it to continue.',
    });
    const accepted = acceptCodeOfConduct(
      newVersion,
      registration,
      { accept: true, version: '2' },
      ctxOf(attendee, '2022-10-10T00:00:00Z'),
    );
    expect(accepted).toMatchObject({
      ok: true,
      value: { cocVersion: '2', cocAcceptedAt: '2022-10-10T00:00:00Z' },
    });
    if (accepted.ok) expect(checkAttendee(newVersion, accepted.value)).toBe(null);
  });

  it('refuses acceptance without registering (not_registered) or without ticking the box (coc_required)', () => {
    expect(
      acceptCodeOfConduct(newVersion, null, { accept: true, version: '2' }, ctxOf(attendee)),
    ).toMatchObject({
      refusal: { code: 'not_registered' },
    });
    expect(
      acceptCodeOfConduct(newVersion, registration, { accept: false, version: '2' }, ctxOf(attendee)),
    ).toMatchObject({
      refusal: { code: 'coc_required' },
    });
  });

  it('hides room links from everyone but current attendees and organisers when the event says so', () => {
    const closed = { ...newVersion, attendeeOnlyRoomLinks: true };
    expect(roomLinksVisible(newVersion, null)).toBe(true);
    expect(roomLinksVisible(closed, null)).toBe(false);
    expect(roomLinksVisible(closed, { standing: 'coc-outdated', isOrganizer: false })).toBe(false);
    expect(roomLinksVisible(closed, { standing: 'registered', isOrganizer: false })).toBe(true);
    expect(roomLinksVisible(closed, { standing: 'unregistered', isOrganizer: true })).toBe(true);
  });
});
