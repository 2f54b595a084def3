import { describe, expect, it } from 'vitest';
import { avoidWeight, SharedPeople } from './shared-people.ts';

describe('SharedPeople', () => {
  const model = new SharedPeople({
    people: [['nova', 'neutron', 'cinder'], ['nova', 'neutron'], ['nova', 'nova', 'glance'], ['kolla']],
    avoid: { cinder: ['glance'], glance: ['cinder'], kolla: ['kolla'] },
  });

  it('counts the people whose teams include both, in either order, each person once', () => {
    expect(model.tie('nova', 'neutron')).toEqual({ people: 2, avoided: false });
    expect(model.tie('neutron', 'nova')).toEqual({ people: 2, avoided: false });
    expect(model.tie('nova', 'glance')).toEqual({ people: 1, avoided: false });
    expect(model.tie('nova', 'kolla')).toEqual({ people: 0, avoided: false });
  });

  it('adds the avoid weight once when either team, or both, asked to avoid the other', () => {
    expect(model.tie('glance', 'cinder')).toEqual({ people: 0, avoided: true });
    expect(model.weight('cinder', 'glance')).toBe(avoidWeight);
    expect(model.weight('nova', 'neutron')).toBe(2);
  });

  it('never ties a team to itself, even when it lists itself', () => {
    expect(model.tie('kolla', 'kolla')).toEqual({ people: 0, avoided: false });
    expect(model.tiesOf('kolla')).toEqual([]);
  });

  it('lists a team’s ties heaviest first, then by id', () => {
    expect(model.tiesOf('nova')).toEqual([
      { team: 'neutron', tie: { people: 2, avoided: false } },
      { team: 'cinder', tie: { people: 1, avoided: false } },
      { team: 'glance', tie: { people: 1, avoided: false } },
    ]);
  });
});
