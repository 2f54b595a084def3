import { describe, expect, it } from 'vitest';
import { useTestSite } from '../../../test/support/web.ts';
import { chatHelp } from './chat-help.ts';

const site = useTestSite();

describe('help page', () => {
  it('lists every chat command with its usage and example', async () => {
    const html = (await site().app.inject({ url: '/events/oct2022-ptg/help' })).body;
    for (const entry of chatHelp) {
      expect(html).toContain(`<code>${entry.usage}</code>`);
      expect(html).toContain(`<code>${entry.example}</code>`);
    }
    expect(html).toContain('<h2 id="help-team">For a team: #TEAM …</h2>');
  });
});
