import { describe, expect, it } from 'vitest';
import { ChannelRoster } from './channel-roster.ts';

const prefixModes = ['o', 'v'];

describe('ChannelRoster', () => {
  it('knows who has voice or op from NAMES and mode changes, comparing nicks as IRC does', () => {
    const roster = new ChannelRoster();
    roster.reset([
      { nick: 'Chair', modes: ['o'] },
      { nick: 'NiaNova' },
      { nick: 'Nick[away]', modes: ['v'] },
    ]);
    expect(roster.isVoiced('chair')).toBe(true);
    expect(roster.isVoiced('NIANOVA')).toBe(false);
    expect(roster.isVoiced('nick{AWAY}')).toBe(true);
    roster.mode('+v', 'nianova', prefixModes);
    expect(roster.isVoiced('NiaNova')).toBe(true);
    roster.mode('+k', 'NiaNova', prefixModes);
    roster.mode('-v', 'NiaNova', prefixModes);
    expect(roster.isVoiced('NiaNova')).toBe(false);
  });

  it('follows joins, renames, parts and a reset after a rejoin', () => {
    const roster = new ChannelRoster();
    roster.join('Ada');
    roster.mode('+v', 'Ada', prefixModes);
    roster.rename('ada', 'Ada_away');
    expect(roster.isVoiced('ada_AWAY')).toBe(true);
    expect(roster.isVoiced('Ada')).toBe(false);
    roster.leave('Ada_away');
    expect(roster.isVoiced('Ada_away')).toBe(false);
    roster.join('Bob');
    roster.mode('+o', 'Bob', prefixModes);
    roster.clear();
    expect(roster.isVoiced('Bob')).toBe(false);
  });
});
