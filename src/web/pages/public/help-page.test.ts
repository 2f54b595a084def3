import { describe, expect, it } from 'vitest';
import { postCommandBox } from '../../../../test/support/command-box.ts';
import { useTestSite } from '../../../../test/support/web.ts';
import { commandEntries } from '../../../core/chat-language/grammar.ts';

const site = useTestSite();

/** Posts the command box as a browser on this site would. */
function sendBox(
  text: string,
  options: { token?: string; headers?: Record<string, string>; back?: string; forged?: boolean } = {},
) {
  return postCommandBox(site().app, { text, ...(options.back ? { back: options.back } : {}) }, options);
}

/** Text as the rendered page holds it. */
function escaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

function replyOf(html: string): string {
  return /<p class="command-box__text">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
}

describe('help page', () => {
  it('lists every chat command of the grammar with its usage and example', async () => {
    const html = (await site().app.inject({ url: '/events/oct2022-ptg/help' })).body;
    for (const entry of commandEntries()) {
      expect(html).toContain(`<code>${escaped(entry.usage)}</code>`);
      expect(html).toContain(`<code>${escaped(entry.example)}</code>`);
    }
    expect(html).toContain('<h2 id="help-team">For a team: #TEAM …</h2>');
    expect(html).toContain('<form method="post" action="/events/oct2022-ptg/help">');
  });
});

describe('the command box', () => {
  it('gives the same effect and the same reply as the API for the same line, recording each source', async () => {
    const { app, token, runtime } = site();
    const before = (await runtime.models.get('oct2022-ptg'))!.revision;
    const box = await sendBox('#nova now Placement, from the web', { token });
    expect(box.statusCode).toBe(200);
    expect(replyOf(box.body)).toBe('nova now: Placement, from the web');
    const api = await app.inject({
      method: 'POST',
      url: '/api/v1/events/oct2022-ptg/commands',
      headers: { authorization: `Bearer ${token}` },
      payload: { text: '#nova now Placement, from the web' },
    });
    expect(api.json()).toEqual({ reply: replyOf(box.body), changed: true });
    const board = (await app.inject({ url: '/api/v1/events/oct2022-ptg/board' })).json();
    expect(board.now.find((entry: { team: string }) => entry.team === 'nova')?.text).toBe(
      'Placement, from the web',
    );
    const state = (await runtime.models.get('oct2022-ptg'))!;
    const revisions = await runtime.store.revisionsAfter(state.event.id, before);
    expect(revisions.map((revision) => revision.source)).toEqual(['web', 'api']);
  });

  it('answers help to anyone, and asks anonymous visitors to sign in before changing anything', async () => {
    expect(replyOf((await sendBox('help book')).body)).toMatch(/^#TEAM book ROOM-SLOT: /);
    const anonymous = await sendBox('#nova now Nobody');
    expect(anonymous.statusCode).toBe(401);
    expect(replyOf(anonymous.body)).toBe('Sign in or send a valid API token first.');
    expect(anonymous.body).toContain('value="#nova now Nobody"');
  });

  it('shows hints and refusals with their status, and user text only as text', async () => {
    const hint = await sendBox('#nova <script>alert(1)</script>', { token: site().token });
    expect(hint.statusCode).toBe(400);
    expect(hint.body).not.toContain('<script>alert(1)</script>');
    expect(hint.body).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('refuses posts without the page’s form token, as a page on another site would send (403), and links back only to this event’s pages', async () => {
    const forged = await sendBox('#nova now Forged', { forged: true });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('did not come from this site');
    expect((await sendBox('help', { back: '/events/oct2022-ptg/teams/nova' })).body).toContain(
      '<a href="/events/oct2022-ptg/teams/nova">Back</a>',
    );
    expect((await sendBox('help', { back: 'https://evil.example.org/' })).body).not.toContain('evil');
  });
});

describe('the command box under a flood', () => {
  const limited = useTestSite(undefined, { deps: { rateLimits: { signIn: 5, forms: 3 } } });

  it('limits posts from one address like every form (rate_limited), and runs none of the refused lines', async () => {
    const { app, token } = limited();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const box = await postCommandBox(app, { text: `#nova now Topic ${attempt}` }, { token });
      statuses.push(box.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const board = (await app.inject({ url: '/api/v1/events/oct2022-ptg/board' })).json();
    expect(board.now.find((entry: { team: string }) => entry.team === 'nova')?.text).toBe('Topic 3');
  });
});
