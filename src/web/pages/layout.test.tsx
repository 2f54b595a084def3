import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Layout } from './layout.tsx';

const event = { slug: 'oct2022-ptg', title: 'Project Teams Gathering, October 2022' };

describe('Layout', () => {
  it('gives every page a skip link, the event navigation with the current page marked, and one main', () => {
    const html = renderToString(
      <Layout title="Schedule" event={event} active="schedule">
        <h1>Schedule</h1>
      </Layout>,
    );
    expect(html).toContain('<title>Schedule · Project Teams Gathering, October 2022</title>');
    expect(html).toContain('<a class="skip-link" href="#main">Skip to content</a>');
    expect(html).toContain('<a href="/events/oct2022-ptg/schedule" aria-current="page">Schedule</a>');
    expect(html.match(/<main /g)).toHaveLength(1);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)|\sstyle=/);
  });

  it('shows the signed-in person with links to their account, the console and signing out, or a sign-in link to everyone else', () => {
    const signedIn = renderToString(<Layout title="x" user={{ name: 'Olive <O>', isOrganizer: true }} />);
    expect(signedIn).toContain('<a class="account__name" href="/me">Olive &lt;O></a>');
    expect(signedIn).toContain('<a class="account__role" href="/organise">organiser</a>');
    expect(signedIn).toContain('<a href="/signout">Sign out</a>');
    expect(renderToString(<Layout title="x" />)).toContain('<a href="/signin">Sign in</a>');
  });

  it('drops the navigation and footer in display mode', () => {
    const html = renderToString(<Layout title="Room" event={event} variant="display" />);
    expect(html).toContain('<body class="display">');
    expect(html).not.toContain('<nav');
    expect(html).not.toContain('<footer');
  });
});
