import { describe, expect, it } from 'vitest';
import { applyViewPatch } from '../../../test/support/sse-client.ts';
import { diffView, type SerialisedLists } from './view-diff.ts';

const byTeam = { now: (item: unknown) => (item as { team: string }).team };

const before = {
  revision: 4,
  current_slot: 'tue14',
  now: [
    { team: 'cinder', text: 'Backups' },
    { team: 'nova', text: 'Quotas' },
  ],
};

describe('diffView', () => {
  it('sends only the changed item of a keyed list, and applying it gives the new view', () => {
    const after = { ...before, revision: 5, now: [before.now[0], { team: 'nova', text: 'Placement' }] };
    const patch = diffView(before, after, byTeam, ['revision']);
    expect(patch).toEqual({
      set: {},
      lists: { now: { upsert: [{ team: 'nova', text: 'Placement' }], remove: [] } },
    });
    expect(applyViewPatch(before, patch!, byTeam)).toEqual({ ...after, revision: 4 });
  });

  it('sends the order only when an item lands somewhere other than the end', () => {
    const after = { ...before, now: [{ team: 'barbican', text: 'Secrets' }, ...before.now] };
    const patch = diffView(before, after, byTeam);
    expect(patch?.lists.now).toEqual({
      upsert: [{ team: 'barbican', text: 'Secrets' }],
      remove: [],
      order: ['barbican', 'cinder', 'nova'],
    });
    expect(applyViewPatch(before, patch!, byTeam)).toEqual(after);
  });

  it('removes items and replaces plain fields that changed', () => {
    const after = { ...before, current_slot: 'tue15', now: [before.now[1]] };
    const patch = diffView(before, after, byTeam);
    expect(patch).toEqual({
      set: { current_slot: 'tue15' },
      lists: { now: { upsert: [], remove: ['cinder'] } },
    });
    expect(applyViewPatch(before, patch!, byTeam)).toEqual(after);
  });

  it('returns null when nothing but ignored fields changed', () => {
    expect(diffView(before, { ...before, revision: 9 }, byTeam, ['revision'])).toBeNull();
  });

  it('gives the same patches when it keeps the serialised items of the last view', () => {
    const views = [
      before,
      { ...before, now: [before.now[0], { team: 'nova', text: 'Placement' }] },
      { ...before, now: [before.now[0], { team: 'nova', text: 'Placement' }] },
      { ...before, current_slot: 'tue15', now: [{ team: 'barbican', text: 'Secrets' }, before.now[0]] },
      { ...before, now: 'none' },
      before,
    ];
    const serialised: SerialisedLists = new Map();
    for (let index = 1; index < views.length; index += 1) {
      const previous = views[index - 1] as Record<string, unknown>;
      const next = views[index] as Record<string, unknown>;
      expect(diffView(previous, next, byTeam, [], serialised)).toEqual(diffView(previous, next, byTeam));
    }
  });
});
