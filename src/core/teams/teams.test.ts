import { describe, expect, it } from 'vitest';
import {
  applied,
  attendee,
  buildEventState,
  cinderModerator,
  ctxOf,
  novaModerator,
  organizer,
  signupAvoiding,
} from '../../../test/support/builders.ts';
import { isLiveTeam, type Team, type TeamKind } from '../model/team.ts';
import { changeTeam } from './change-team.ts';
import { checkColour, contrastRatio, readableTextColour, teamPalette } from './colour.ts';
import { duplicatesOf } from './likely-duplicates.ts';
import { createTeam, setModerator, updateTeam } from './team-admin.ts';
import { etherpadOf, videoOf } from './team-links.ts';

const state = buildEventState();

describe('team links, colour and location', () => {
  it('lets a moderator set the etherpad, the video link, a named colour and a location', () => {
    const decision = changeTeam(
      state,
      {
        team: 'nova',
        etherpadUrl: 'https://pads.example.org/p/nova-ptg',
        videoUrl: 'https://meet.example.org/nova',
        colour: 'Teal',
        location: 'Room 101',
      },
      ctxOf(novaModerator),
    );
    const nova = applied(state, decision).teams.find((team) => team.slug === 'nova')!;
    expect(nova).toMatchObject({
      etherpadUrl: 'https://pads.example.org/p/nova-ptg',
      videoUrl: 'https://meet.example.org/nova',
      colour: '#008080',
      location: 'Room 101',
    });
    expect(decision.ok && decision.reply).toBe(
      'nova: etherpad set to https://pads.example.org/p/nova-ptg; video link set to https://meet.example.org/nova; colour set to #008080; location set to Room 101.',
    );
  });

  it('returns to the defaults when a link is cleared', () => {
    const set = applied(
      state,
      changeTeam(
        state,
        { team: 'nova', etherpadUrl: 'https://pads.example.org/p/x', videoUrl: 'https://meet.example.org/x' },
        ctxOf(novaModerator),
      ),
    );
    const cleared = applied(
      set,
      changeTeam(set, { team: 'nova', etherpadUrl: null, videoUrl: null }, ctxOf(novaModerator)),
    );
    const nova = cleared.teams.find((team) => team.slug === 'nova')!;
    expect(etherpadOf(cleared.event, nova)).toBe('https://pads.example.org/p/test-ptg-nova');
    expect(videoOf(cleared.event, nova, cleared.rooms[0])).toBe('https://video.example.org/bexar');
    const attendeesOnly = { ...cleared.event, attendeeOnlyRoomLinks: true };
    expect(videoOf(attendeesOnly, nova, cleared.rooms[0])).toBe(null);
  });

  it('refuses links that are not http(s) (invalid_url) and colours that are not colours', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.org',
      '//example.org',
      'not a link',
    ]) {
      expect(changeTeam(state, { team: 'nova', videoUrl: url }, ctxOf(novaModerator))).toMatchObject({
        refusal: { code: 'invalid_url' },
      });
    }
    expect(
      changeTeam(state, { team: 'nova', colour: 'red; background: url(x)' }, ctxOf(novaModerator)),
    ).toMatchObject({ refusal: { code: 'invalid_input' } });
  });

  it('keeps administration to organisers: name, kind, cross-project flag and status', () => {
    expect(changeTeam(state, { team: 'nova', status: 'withdrawn' }, ctxOf(novaModerator))).toMatchObject({
      refusal: { code: 'forbidden' },
    });
    const renamed = applied(
      state,
      changeTeam(state, { team: 'nova', name: 'Nova', crossProject: true, colour: '#123' }, ctxOf(organizer)),
    );
    expect(renamed.teams.find((team) => team.slug === 'nova')).toMatchObject({
      name: 'Nova',
      crossProject: true,
      colour: '#112233',
    });
  });
});

describe('team administration', () => {
  it('adds a team with a slug made from its name and the next palette colour', () => {
    const decision = createTeam(
      state,
      { name: 'OpenStack Helm', kind: 'project', crossProject: false },
      ctxOf(organizer),
    );
    expect(decision.ok && decision.changes[0]).toMatchObject({
      team: { slug: 'openstack-helm', status: 'approved', colour: teamPalette[4] },
    });
  });

  it('gives `~add TestTrack`-style names a lower-case slug that people can type', () => {
    const added = applied(
      state,
      createTeam(state, { name: 'TestTrack', kind: 'other', crossProject: false }, ctxOf(organizer)),
    );
    expect(added.teams.at(-1)?.slug).toBe('testtrack');
  });

  it('refuses a slug that is taken or cannot be typed, and anyone but organisers', () => {
    expect(
      createTeam(
        state,
        { name: 'Nova', slug: 'NOVA', kind: 'project', crossProject: false },
        ctxOf(organizer),
      ),
    ).toMatchObject({ refusal: { code: 'team_exists' } });
    expect(
      createTeam(state, { name: '!!!', kind: 'project', crossProject: false }, ctxOf(organizer)),
    ).toMatchObject({ refusal: { code: 'invalid_input' } });
    expect(
      createTeam(state, { name: 'Mine', kind: 'project', crossProject: false }, ctxOf(attendee)),
    ).toMatchObject({ refusal: { code: 'forbidden' } });
  });

  it('grants and takes away moderation', () => {
    const granted = applied(
      state,
      setModerator(
        state,
        { team: 'nova', userId: cinderModerator.userId!, moderator: true },
        ctxOf(organizer),
      ),
    );
    expect(granted.teams.find((team) => team.slug === 'nova')?.moderators).toEqual([
      'user-cinder',
      'user-nova',
    ]);
    const removed = applied(
      granted,
      setModerator(
        granted,
        { team: 'nova', userId: novaModerator.userId!, moderator: false },
        ctxOf(organizer),
      ),
    );
    expect(removed.teams.find((team) => team.slug === 'nova')?.moderators).toEqual(['user-cinder']);
  });

  it('lets the lead who signed the team up name its moderators, and no other moderator (forbidden)', () => {
    const nova = state.teams.find((team) => team.slug === 'nova') as Team;
    const led = {
      ...state,
      signups: { [nova.id]: { ...signupAvoiding(nova.id, []), leadId: attendee.userId } },
    };
    const input = { team: 'nova', userId: 'user-new', moderator: true };
    expect(setModerator(led, input, ctxOf(attendee)).ok).toBe(true);
    expect(setModerator(led, input, ctxOf(novaModerator))).toMatchObject({ refusal: { code: 'forbidden' } });
    expect(setModerator(led, input, ctxOf(null))).toMatchObject({ refusal: { code: 'unauthenticated' } });
    expect(setModerator(led, { ...input, team: 'ghost' }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'unknown_team' },
    });
  });

  it('renames a team and changes its kind, but refuses a kind that is not one (invalid_input)', () => {
    const renamed = applied(
      state,
      updateTeam(
        state,
        { team: 'nova', name: 'Nova Compute', kind: 'sig', crossProject: true },
        ctxOf(organizer),
      ),
    );
    expect(renamed.teams.find((team) => team.slug === 'nova')).toMatchObject({
      name: 'Nova Compute',
      kind: 'sig',
      crossProject: true,
    });
    expect(updateTeam(state, { team: 'nova', kind: 'band' as TeamKind }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
    expect(updateTeam(state, { team: 'nova', name: '<b>x</b>' }, ctxOf(organizer))).toMatchObject({
      refusal: { code: 'invalid_input' },
    });
  });
});

describe('colours', () => {
  it('reads names, short and long codes', () => {
    expect(
      [checkColour('RebeccaPurple'), checkColour('#abc'), checkColour('1F5FA8')].map(
        (checked) => checked.ok && checked.value,
      ),
    ).toEqual(['#663399', '#aabbcc', '#1f5fa8']);
  });

  it('keeps every palette colour and any chosen colour readable with its text at WCAG AA (4.5:1)', () => {
    for (const colour of teamPalette) expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    for (let value = 0; value < 0x1000000; value += 0x0f0f0f) {
      const colour = `#${value.toString(16).padStart(6, '0')}`;
      expect(contrastRatio(colour, readableTextColour(colour))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('duplicatesOf', () => {
  const team = (id: string, name: string, status: Team['status'] = 'requested'): Team => ({
    ...state.teams[0]!,
    id,
    name,
    slug: id,
    status,
  });

  it('flags "OpenStack-Helm" as a duplicate of "OpenStack Helm", and near misspellings', () => {
    const teams = [
      team('a', 'OpenStack Helm', 'approved'),
      team('b', 'OpenStack-Helm'),
      team('c', 'Openstack Hlem'),
      team('d', 'Neutron'),
    ];
    expect(teams.map((each) => [each.id, duplicatesOf(teams, each).map((other) => other.id)])).toEqual([
      ['a', ['b', 'c']],
      ['b', ['a', 'c']],
      ['c', ['a', 'b']],
      ['d', []],
    ]);
  });

  it('leaves short names and declined requests alone', () => {
    const teams = [team('a', 'QA'), team('b', 'UI'), team('c', 'Neutron', 'declined'), team('d', 'Neutron')];
    expect(teams.filter(isLiveTeam).map((each) => duplicatesOf(teams, each))).toEqual([[], [], []]);
  });
});
