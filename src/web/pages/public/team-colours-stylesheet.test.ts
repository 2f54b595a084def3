import { describe, expect, it } from 'vitest';
import { buildEventState } from '../../../../test/support/builders.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import { contrastRatio, teamPalette } from '../../../core/teams/colour.ts';
import { teamColourRules, teamStylesheetUrl } from './team-colours-stylesheet.ts';

const site = useTestSite();

describe('team colours style sheet', () => {
  it('gives every team text that meets WCAG AA (4.5:1) on its colour, whatever colour it picked', () => {
    const state = buildEventState();
    const colours = [...teamPalette, '#ffff00', '#808080', '#00ff00', '#0000ff', '#ff0000', '#777777'];
    for (const colour of colours) {
      const rules = teamColourRules({ ...state, teams: state.teams.map((team) => ({ ...team, colour })) });
      for (const match of rules.matchAll(/background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})/g)) {
        expect(contrastRatio(match[1]!, match[2]!)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('is served as CSS, cached for a year at its versioned URL', async () => {
    const state = (await site().runtime.models.get('oct2022-ptg'))!;
    const response = await site().app.inject({ url: teamStylesheetUrl(state) });
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toContain('.team-nova{background:');
  });
});
